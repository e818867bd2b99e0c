import { randomUUID } from 'node:crypto';
import { entityColumns, findById } from '../../libs/db/entity-rows';
import { queryPrepared } from '../../libs/db/prepared-statements';
import { Collaboration, Creator } from '../../libs/domain/entities';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { createBookingRow, createTeam } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The hot reads' plain SQL (libs/db/entity-rows.ts) must give the entity TypeORM's own read gives:
 * the same class, the same values after the driver's conversions and the columns' transformers
 * (money in minor units as numbers, jsonb, timestamps), and no column TypeORM leaves out.
 */
describe('entities from plain SQL rows', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database?.drop());

  it('reads a booking as findOneBy does, money, jsonb and timestamps included', async () => {
    const { db } = database;
    const row = await createBookingRow(db, await createTeam(db));
    await db.getRepository(Collaboration).update(
      { id: row.id },
      {
        stage: CollaborationStage.Contracting,
        brandPriceMinor: 4_000_000,
        creatorFeeMinor: 3_000_000,
        marginBps: 2500,
        deadlines: { contractSignature: '2026-12-03T10:00:00.000Z' },
        exclusivity: { category: 'snacks', start: '2026-12-01', end: '2027-01-31' },
        briefAcknowledgedAt: new Date('2026-11-30T09:15:00Z'),
      },
    );

    const read = await findById(db.manager, Collaboration, row.id);
    expect(read).toStrictEqual(await db.getRepository(Collaboration).findOneByOrFail({ id: row.id }));
    expect(read).toBeInstanceOf(Collaboration);
    expect(read).toMatchObject({ brandPriceMinor: 4_000_000, marginBps: 2500, briefAcknowledgedAt: new Date('2026-11-30T09:15:00Z') });
    expect(read!.deadlines).toEqual({ contractSignature: '2026-12-03T10:00:00.000Z' });
  });

  it('leaves out the columns a find leaves out, and answers null for a missing row', async () => {
    const { db } = database;
    // Creator.payoutReference and Collaboration.requestKey are `select: false`.
    expect(entityColumns(db, Collaboration, 'c')).not.toContain('"requestKey"');
    expect(entityColumns(db, Creator, 'c')).not.toContain('"payoutReference"');
    const row = await createBookingRow(db, await createTeam(db));
    const creator = await findById(db.manager, Creator, row.creatorId);
    expect(creator).toStrictEqual(await db.getRepository(Creator).findOneByOrFail({ id: row.creatorId }));
    expect(creator!.payoutReference).toBeUndefined();
    await expect(findById(db.manager, Collaboration, randomUUID())).resolves.toBeNull();
  });

  it('reads inside the transaction of the manager it is given', async () => {
    const { db } = database;
    const row = await createBookingRow(db, await createTeam(db));
    await db.transaction(async (tx) => {
      await tx.update(Collaboration, { id: row.id }, { stage: CollaborationStage.Negotiating });
      expect((await findById(tx, Collaboration, row.id))!.stage).toBe(CollaborationStage.Negotiating);
      expect((await findById(db.manager, Collaboration, row.id))!.stage).toBe(CollaborationStage.Briefed);
    });
  });

  it('runs a hot statement prepared on the connection, answering what db.query answers', async () => {
    const { db } = database;
    const row = await createBookingRow(db, await createTeam(db));
    const sql = 'SELECT c."id", c."stage", c."createdAt" FROM "collaborations" c WHERE c."id" = $1';
    const prepared = await queryPrepared(db, 'entity-rows-spec', sql, [row.id]);
    expect(prepared).toEqual(await db.query(sql, [row.id]));
    expect(prepared).toEqual([{ id: row.id, stage: CollaborationStage.Briefed, createdAt: expect.any(Date) }]);
    // Nothing else uses the pool here, so the next query gets the connection just released.
    const statements: Array<{ name: string }> = await queryPrepared(db, 'entity-rows-spec-list', 'SELECT "name" FROM pg_prepared_statements', []);
    expect(statements.map((s) => s.name)).toContain('entity-rows-spec');
  });
});
