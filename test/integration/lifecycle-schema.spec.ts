import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import {
  Brand,
  Campaign,
  Collaboration,
  Contract,
  CreatorSale,
  Deliverable,
  DraftSubmission,
  ExclusivityWindow,
  Import,
  Payout,
  PerformanceSnapshot,
  Target,
} from '../../libs/domain/entities';
import {
  ContractKind,
  DraftDecision,
  PayoutKind,
  PayoutStatus,
  SnapshotLabel,
  SnapshotSource,
  TargetMetric,
  TargetPeriod,
} from '../../libs/domain/rules/lifecycle';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { ImportKind, ImportOutcome } from '../../libs/domain/rules/import-rows';
import { MIGRATIONS } from '../../libs/db/migrations';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const LIFECYCLE_TABLES = ['contracts', 'deliverables', 'draft_submissions', 'exclusivity_windows', 'payouts', 'performance_snapshots', 'targets'];

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

async function tablesIn(database: TestDatabase): Promise<string[]> {
  const rows: { table_name: string }[] = await database.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name`,
    [LIFECYCLE_TABLES],
  );
  return rows.map((row) => row.table_name);
}

describe('lifecycle records migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database?.drop());

  it('applies on a fresh database, matches the entities, and reverts cleanly', async () => {
    expect(await tablesIn(database)).toEqual(LIFECYCLE_TABLES);
    // The entities and the migrated schema agree: TypeORM would generate nothing.
    expect((await database.db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);

    // Revert every migration after Foundation, newest first, down to before LifecycleRecords.
    for (;;) {
      const [newest]: { name: string }[] = await database.db.query(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`);
      if (/^Foundation/.test(newest.name)) break;
      await database.db.undoLastMigration({ transaction: 'each' });
    }
    expect(await tablesIn(database)).toEqual([]);
    const [last]: { name: string }[] = await database.db.query(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`);
    expect(last.name).toMatch(/^Foundation/);

    const applied = await database.db.runMigrations({ transaction: 'each' });
    // Everything after Foundation, in the order of the explicit list, LifecycleRecords first.
    expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.name));
    expect(applied[0].name).toMatch(/^LifecycleRecords/);
    expect(await tablesIn(database)).toEqual(LIFECYCLE_TABLES);
    expect((await database.db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

/** The rules the database itself enforces, whatever code writes the rows. */
describe('lifecycle records constraints', () => {
  let database: TestDatabase;
  let team: Team;
  let booking: Collaboration;
  let deliverable: Deliverable;

  const payout = (overrides: Partial<Payout> = {}): Partial<Payout> => ({
    collaborationId: booking.id,
    kind: PayoutKind.Fee,
    amountMinor: 5_000_000,
    currency: 'INR',
    requestedById: team.talentManager.id,
    idempotencyKey: `${booking.workflowId}:payout:${randomUUID()}`,
    ...overrides,
  });

  const snapshot = (label: SnapshotLabel, overrides: Partial<PerformanceSnapshot> = {}): Partial<PerformanceSnapshot> => ({
    deliverableId: deliverable.id,
    capturedAt: new Date(),
    label,
    source: SnapshotSource.Api,
    views: 1000,
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    team = await createTeam(database.db);
    booking = await createBookingRow(database.db, team);
    deliverable = await database.db.getRepository(Deliverable).save({
      collaborationId: booking.id,
      type: DeliverableType.Reel,
      platform: Platform.Instagram,
      draftDueAt: new Date('2026-12-10T12:00:00Z'),
    });
  });

  afterAll(() => database?.drop());

  it('gives a deliverable its defaults', async () => {
    const row = await database.db.getRepository(Deliverable).findOneByOrFail({ id: deliverable.id });
    expect(row).toMatchObject({ status: 'planned', revisionCount: 0, maxRevisions: 2, liveUrl: null });
  });

  it('refuses a second payout with the same idempotency key', async () => {
    const payouts = database.db.getRepository(Payout);
    const idempotencyKey = `${booking.workflowId}:payout:fee`;
    await payouts.insert(payout({ idempotencyKey }));
    await expect(payouts.insert(payout({ idempotencyKey }))).rejects.toMatchObject({
      code: UNIQUE_VIOLATION,
      detail: expect.stringContaining('"idempotencyKey"'),
    });
    expect(await payouts.countBy({ idempotencyKey })).toBe(1);
  });

  it('refuses a payout approved by the person who requested it, on insert and on update', async () => {
    const payouts = database.db.getRepository(Payout);
    const refused = { code: CHECK_VIOLATION, constraint: 'CHK_payouts_segregation_of_duties' };
    await expect(payouts.insert(payout({ approvedById: team.talentManager.id }))).rejects.toMatchObject(refused);

    const requested = await payouts.save(payout({ status: PayoutStatus.Invoiced }));
    await expect(
      payouts.update({ id: requested.id }, { approvedById: team.talentManager.id, status: PayoutStatus.Approved }),
    ).rejects.toMatchObject(refused);

    await payouts.update({ id: requested.id }, { approvedById: team.finance.id, approvedAt: new Date(), status: PayoutStatus.Approved });
    expect(await payouts.findOneByOrFail({ id: requested.id })).toMatchObject({ approvedById: team.finance.id, status: 'approved' });
  });

  it('refuses a payout of zero or less', async () => {
    await expect(database.db.getRepository(Payout).insert(payout({ amountMinor: 0 }))).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_payouts_amount_positive',
    });
  });

  it('refuses an exclusivity window that ends before it starts, or covers nothing', async () => {
    const windows = database.db.getRepository(ExclusivityWindow);
    const window = { creatorId: booking.creatorId, category: 'skincare', startsOn: '2027-01-01', endsOn: '2027-03-31' };
    await expect(windows.insert({ ...window, endsOn: '2026-12-31' })).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_exclusivity_windows_dates',
    });
    await expect(windows.insert({ ...window, category: null, brandName: null })).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_exclusivity_windows_scope',
    });

    const contract = await database.db.getRepository(Contract).save({
      collaborationId: booking.id,
      kind: ContractKind.ExclusivityAddendum,
      documentHash: 'a'.repeat(64),
    });
    const oneDay = await windows.save({ ...window, endsOn: window.startsOn, sourceContractId: contract.id });
    expect(await windows.findOneByOrFail({ id: oneDay.id })).toMatchObject({ startsOn: '2027-01-01', endsOn: '2027-01-01', releasedAt: null });
  });

  it('refuses a second +7d snapshot for the same deliverable, but not a second manual one', async () => {
    const snapshots = database.db.getRepository(PerformanceSnapshot);
    await snapshots.insert(snapshot(SnapshotLabel.SevenDays));
    await expect(snapshots.insert(snapshot(SnapshotLabel.SevenDays, { views: 2000 }))).rejects.toMatchObject({
      code: UNIQUE_VIOLATION,
      constraint: 'UQ_performance_snapshots_deliverable_timer_label',
    });

    await snapshots.insert(snapshot(SnapshotLabel.OneDay));
    await snapshots.insert(snapshot(SnapshotLabel.Manual, { source: SnapshotSource.OpsEntry }));
    await snapshots.insert(snapshot(SnapshotLabel.Manual, { source: SnapshotSource.Import }));
    expect(await snapshots.countBy({ deliverableId: deliverable.id })).toBe(4);
  });

  it('keeps one imported reading per deliverable and reading time, any number of them per deliverable', async () => {
    const snapshots = database.db.getRepository(PerformanceSnapshot);
    const capturedAt = new Date('2026-09-02T10:00:00Z');
    await snapshots.insert(snapshot(SnapshotLabel.Imported, { source: SnapshotSource.Import, capturedAt }));
    await snapshots.insert(snapshot(SnapshotLabel.Imported, { source: SnapshotSource.Import, capturedAt: new Date('2026-09-03T10:00:00Z') }));
    await expect(snapshots.insert(snapshot(SnapshotLabel.Imported, { source: SnapshotSource.Import, capturedAt, views: 5 }))).rejects.toMatchObject({
      code: UNIQUE_VIOLATION,
      constraint: 'UQ_performance_snapshots_imported',
    });
  });

  it("treats a sale without brand or platform as one key (NULLS NOT DISTINCT), and refuses negative amounts", async () => {
    const importId = randomUUID();
    await database.db.getRepository(Import).insert({ id: importId, kind: ImportKind.CreatorSales, format: 'canonical', actorId: team.talentManager.id, outcome: ImportOutcome.Stored });
    const sales = database.db.getRepository(CreatorSale);
    // insert() writes the generated id into the object it is given: a fresh object each time.
    const sale = () => ({ creatorId: booking.creatorId, date: '2026-09-01', orders: 1, gmvMinor: 100, returnsMinor: 0, cancellationsMinor: 0, currency: 'USD', importId });
    await sales.insert(sale());
    await sales.insert({ ...sale(), platform: 'tiktok' });
    await expect(sales.insert({ ...sale(), orders: 2 })).rejects.toMatchObject({ code: UNIQUE_VIOLATION, constraint: 'UQ_creator_sales_key' });
    await expect(sales.insert({ ...sale(), date: '2026-09-02', gmvMinor: -1 })).rejects.toMatchObject({ code: CHECK_VIOLATION, constraint: 'CHK_creator_sales_amounts' });
    expect(await sales.findOneByOrFail({ creatorId: booking.creatorId, platform: IsNull() })).toMatchObject({ status: 'settled', gmvMinor: 100 });
  });

  it('refuses snapshot amounts without a currency', async () => {
    await expect(database.db.getRepository(PerformanceSnapshot).insert(snapshot(SnapshotLabel.Manual, { gmvMinor: 100 }))).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_performance_snapshots_currency',
    });
  });

  it('refuses a target for both a user and a team, or for neither', async () => {
    const targets = database.db.getRepository(Target);
    const target = { period: TargetPeriod.Month, periodStart: '2026-12-01', metric: TargetMetric.OnTimeDeliveryRate, valueNumeric: '0.95' };
    const refused = { code: CHECK_VIOLATION, constraint: 'CHK_targets_user_or_team' };
    await expect(targets.insert({ ...target, userId: team.talentManager.id, teamManagerId: team.manager.id })).rejects.toMatchObject(refused);
    await expect(targets.insert({ ...target, userId: null, teamManagerId: null })).rejects.toMatchObject(refused);

    await targets.insert({ ...target, userId: team.talentManager.id });
    await targets.insert({ ...target, teamManagerId: team.manager.id });
    await targets.insert({ ...target, teamManagerId: team.manager.id, metric: TargetMetric.Nmv, valueNumeric: '250000000', currency: 'INR' });
    expect(await targets.countBy({ periodStart: '2026-12-01' })).toBe(3);

    // One value per user (or team), period and metric.
    await expect(targets.insert({ ...target, userId: team.talentManager.id, valueNumeric: '0.9' })).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    // Money targets carry a currency; periods start on the first day of the month or quarter.
    await expect(targets.insert({ ...target, userId: team.talentManager.id, metric: TargetMetric.Revenue, valueNumeric: '1' })).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_targets_money_currency',
    });
    await expect(targets.insert({ ...target, userId: team.talentManager.id, period: TargetPeriod.Quarter, periodStart: '2026-12-01' })).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_targets_period_start',
    });
  });

  it('keeps one version number per deliverable and a decision only with a review time', async () => {
    const drafts = database.db.getRepository(DraftSubmission);
    const draft = { deliverableId: deliverable.id, version: 1, assetUrl: 'https://cdn.example/draft-1.mp4', submittedAt: new Date() };
    await drafts.insert({ ...draft, complianceResult: { compliant: true, violations: [] } });
    await expect(drafts.insert(draft)).rejects.toMatchObject({ code: UNIQUE_VIOLATION, constraint: 'UQ_draft_submissions_deliverable_version' });
    await expect(drafts.insert({ ...draft, version: 2, decision: DraftDecision.Approved })).rejects.toMatchObject({
      code: CHECK_VIOLATION,
      constraint: 'CHK_draft_submissions_decided_when_reviewed',
    });
    await drafts.insert({ ...draft, version: 2, decision: DraftDecision.ChangesRequested, feedback: 'Move #ad up', reviewerId: team.manager.id, reviewedAt: new Date() });
    const first = await drafts.findOneByOrFail({ deliverableId: deliverable.id, version: 1 });
    expect(first.complianceResult).toEqual({ compliant: true, violations: [] });
  });

  it('returns amounts as exact JS numbers', async () => {
    const large = 987_654_321_012; // above 2^31: BIGINT, which pg hands back as a string
    const saved = await database.db.getRepository(Payout).save(payout({ amountMinor: large, kind: PayoutKind.KillFee }));
    const payoutRow = await database.db.getRepository(Payout).findOneByOrFail({ id: saved.id });
    expect(payoutRow.amountMinor).toBe(large);
    expect(typeof payoutRow.amountMinor).toBe('number');

    const snapshotRow = await database.db.getRepository(PerformanceSnapshot).save(
      snapshot(SnapshotLabel.Manual, { gmvMinor: 125_000_000, returnsMinor: 500_000, cancellationsMinor: 0, nmvMinor: 124_500_000, currency: 'INR' }),
    );
    const reread = await database.db.getRepository(PerformanceSnapshot).findOneByOrFail({ id: snapshotRow.id });
    expect(reread).toMatchObject({ gmvMinor: 125_000_000, returnsMinor: 500_000, cancellationsMinor: 0, nmvMinor: 124_500_000, currency: 'INR', orders: null });
  });
});

/** ExclusivityWindowBrand: windows stored before the column get their brand where it can be traced. */
describe('exclusivity window brand migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database?.drop());

  it('backfills the brand from the source contract, else from a brand of the same name, and leaves the rest null', async () => {
    const db = database.db;
    const applied: { name: string }[] = await db.query(`SELECT "name" FROM "migrations" ORDER BY "id"`);
    expect(applied.map((m) => m.name)).toContain('ExclusivityWindowBrand1796100000000');
    const team = await createTeam(db);
    const booking = await createBookingRow(db, team);
    const campaign = await db.getRepository(Campaign).findOneOrFail({ where: { id: booking.campaignId }, relations: { brand: true } });
    const contract = await db.getRepository(Contract).save({ collaborationId: booking.id, kind: ContractKind.ExclusivityAddendum, documentHash: 'b'.repeat(64) });
    const named = await db.getRepository(Brand).save({ name: 'Glow Labs', category: 'cosmetics' });

    // Back to the schema before the column (undoing the migrations after it too), with rows as the old code wrote them.
    for (;;) {
      const [last]: { name: string }[] = await db.query(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`);
      await db.undoLastMigration({ transaction: 'each' });
      if (last.name === 'ExclusivityWindowBrand1796100000000') break;
    }
    const insert = async (values: { category: string | null; brandName: string | null; sourceContractId: string | null }): Promise<string> => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO "exclusivity_windows" ("creatorId", "category", "brandName", "startsOn", "endsOn", "sourceContractId") VALUES ($1, $2, $3, '2027-01-01', '2027-03-31', $4) RETURNING "id"`,
        [booking.creatorId, values.category, values.brandName, values.sourceContractId],
      );
      return row.id;
    };
    const fromContract = await insert({ category: 'skincare', brandName: null, sourceContractId: contract.id });
    const byName = await insert({ category: null, brandName: ' glow labs', sourceContractId: null });
    const unknown = await insert({ category: 'food', brandName: 'Nobody Known', sourceContractId: null });
    const categoryOnly = await insert({ category: 'food', brandName: null, sourceContractId: null });

    await db.runMigrations({ transaction: 'each' });
    const rows: { id: string; brandId: string | null; brandName: string | null }[] = await db.query(`SELECT "id", "brandId", "brandName" FROM "exclusivity_windows"`);
    const byId = new Map(rows.map((row) => [row.id, { brandId: row.brandId, brandName: row.brandName }]));
    expect(byId.get(fromContract)).toEqual({ brandId: campaign.brandId, brandName: campaign.brand!.name });
    expect(byId.get(byName)).toEqual({ brandId: named.id, brandName: ' glow labs' });
    expect(byId.get(unknown)).toEqual({ brandId: null, brandName: 'Nobody Known' });
    expect(byId.get(categoryOnly)).toEqual({ brandId: null, brandName: null });
    expect((await db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
