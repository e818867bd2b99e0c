import { randomBytes } from 'node:crypto';
import { Brand, Creator } from '../../libs/domain/entities';
import { createBookingRow, createTeam } from '../support/fixtures';
import { panelPost, panelSignIn } from '../support/panel-http';
import { RunningSystem, startSystem } from '../support/system';

/**
 * A panel write (new, edit, delete) and its audit entry commit together (item 5 of issue 11):
 * when the entry cannot be written, the change is not saved and the form says why. The audit
 * insert is made to fail for one record by a test-only trigger, installed as the table's owner;
 * the built app, connected as the least-privileged app role, could not install or remove it.
 */
describe('panel writes and their audit entries', () => {
  let system: RunningSystem;
  let admin: string;
  const tag = () => randomBytes(4).toString('hex');

  beforeAll(async () => {
    system = await startSystem();
    await system.database.db.query(
      `CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`,
    );
    admin = await panelSignIn(system.baseUrl, system.admin.email, system.admin.password);
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Every audit entry about `entityId`, or (for a new record) whose `after` names `name`, fails. */
  const refuseAuditOf = (trigger: string, condition: string) =>
    system.database.db.query(`CREATE TRIGGER "${trigger}" BEFORE INSERT ON audit_log FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION test_refuse_audit()`);
  const brand = (name: string) => system.database.db.getRepository(Brand).save({ name, category: 'skincare' });
  const auditOf = (entityId: string) => system.database.db.query(`SELECT action, before, after FROM audit_log WHERE entity = 'Brand' AND "entityId" = $1 ORDER BY id`, [entityId]);
  const refusedNotice = { type: 'error', message: expect.stringMatching(/Not saved: the change could not be written to the audit log/) };

  it('saves an edit and its entry together', async () => {
    const saved = await brand(`Lumen ${tag()}`);
    const edit = await panelPost(system.baseUrl, admin, `/admin/api/resources/Brand/records/${saved.id}/edit`, { name: 'Lumen Skin', category: 'skincare' });
    expect(edit.body.notice?.type).toBe('success');
    expect((await system.database.db.getRepository(Brand).findOneByOrFail({ id: saved.id })).name).toBe('Lumen Skin');
    expect(await auditOf(saved.id)).toEqual([{ action: 'panel.Brand.updated', before: { name: saved.name }, after: { name: 'Lumen Skin' } }]);
  });

  it('refuses an edit whose audit entry cannot be written, and leaves the record unchanged', async () => {
    const saved = await brand(`Orchid ${tag()}`);
    await refuseAuditOf(`test_refuse_edit_${tag()}`, `NEW."entityId" = '${saved.id}'`);
    const edit = await panelPost(system.baseUrl, admin, `/admin/api/resources/Brand/records/${saved.id}/edit`, { name: 'Orchid Renamed', category: 'haircare' });
    expect(edit.status).toBe(200);
    expect(edit.body.notice).toMatchObject(refusedNotice);
    expect(await system.database.db.getRepository(Brand).findOneByOrFail({ id: saved.id })).toMatchObject({ name: saved.name, category: 'skincare' });
    expect(await auditOf(saved.id)).toEqual([]);
  });

  it('refuses a new record whose audit entry cannot be written, and stores nothing', async () => {
    const name = `Quill ${tag()}`;
    await refuseAuditOf(`test_refuse_new_${tag()}`, `NEW.action = 'panel.Brand.created' AND NEW.after->>'name' = '${name}'`);
    const created = await panelPost(system.baseUrl, admin, '/admin/api/resources/Brand/actions/new', { name, category: 'skincare' });
    expect(created.body.notice).toMatchObject(refusedNotice);
    expect(await system.database.db.getRepository(Brand).findBy({ name })).toEqual([]);

    const kept = `Quill kept ${tag()}`;
    const second = await panelPost(system.baseUrl, admin, '/admin/api/resources/Brand/actions/new', { name: kept, category: 'skincare' });
    expect(second.body.notice?.type).toBe('success');
    const [stored] = await system.database.db.getRepository(Brand).findBy({ name: kept });
    expect(await auditOf(stored.id)).toEqual([{ action: 'panel.Brand.created', before: null, after: expect.objectContaining({ name: kept }) }]);
  });

  it("sets a creator's payout token as a write-only field: stored, audited as set, never shown", async () => {
    const team = await createTeam(system.database.db);
    const row = await createBookingRow(system.database.db, team);
    await system.database.db.getRepository(Creator).update({ id: row.creatorId }, { payoutReference: null });
    const bad = await panelPost(system.baseUrl, admin, `/admin/api/resources/Creator/records/${row.creatorId}/edit`, { payoutToken: 'IBAN DE89 3704' });
    expect(bad.body.notice?.type).toBe('error');
    const token = `tok_${tag()}${tag()}`;
    const edit = await panelPost(system.baseUrl, admin, `/admin/api/resources/Creator/records/${row.creatorId}/edit`, { payoutToken: token });
    expect(edit.body.notice?.type).toBe('success');
    expect(JSON.stringify(edit.body)).not.toContain(token);
    const [stored] = await system.database.db.query(`SELECT "payoutReference" FROM creators WHERE id = $1`, [row.creatorId]);
    expect(stored.payoutReference).toBe(token);
    const entries = await system.database.db.query(`SELECT after FROM audit_log WHERE entity = 'Creator' AND "entityId" = $1`, [row.creatorId]);
    expect(entries).toEqual([{ after: { payoutToken: '(set)' } }]);
  });

  it('refuses a delete whose audit entry cannot be written, and keeps the record', async () => {
    const saved = await brand(`Fern ${tag()}`);
    await refuseAuditOf(`test_refuse_delete_${tag()}`, `NEW."entityId" = '${saved.id}'`);
    const deleted = await panelPost(system.baseUrl, admin, `/admin/api/resources/Brand/records/${saved.id}/delete`, {});
    expect(deleted.body.notice).toMatchObject(refusedNotice);
    expect(await system.database.db.getRepository(Brand).findOneBy({ id: saved.id })).not.toBeNull();

    const other = await brand(`Fern gone ${tag()}`);
    const gone = await panelPost(system.baseUrl, admin, `/admin/api/resources/Brand/records/${other.id}/delete`, {});
    expect(gone.body.notice?.type).toBe('success');
    expect(await system.database.db.getRepository(Brand).findOneBy({ id: other.id })).toBeNull();
    expect(await auditOf(other.id)).toEqual([{ action: 'panel.Brand.deleted', before: expect.objectContaining({ name: other.name }), after: null }]);
  });
});
