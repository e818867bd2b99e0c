import { randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../../libs/db/audit';
import { MONEY_HIDDEN } from '../../libs/domain/rules/money-visibility';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { panelGet, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Money details through side doors: the audit log's payout entries (amounts, invoice numbers,
 * provider references) and a collaboration's live state, through the built API over HTTP and the
 * panel's own JSON API, as another team's talent manager and as finance.
 */
describe('money details are shown only with money reach', () => {
  let system: RunningSystem;
  let team: Team;
  let others: Team;
  const tag = randomBytes(4).toString('hex');
  const invoiceNumber = `INV-SECRET-${tag}`;
  const providerReference = `LEDGER-SECRET-${tag}`;
  let invoicedId: string;
  let paidId: string;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    others = await createTeam(system.database.db);
    // Entries as the payout activities write them (activities/payout.activities.ts).
    const payoutId = randomUUID();
    await appendAudit(system.database.db.manager, {
      actor: { userId: team.talentManager.id, role: team.talentManager.role },
      action: 'payout.invoiced',
      entity: 'Payout',
      entityId: payoutId,
      after: { invoiceNumber },
      at: new Date(),
      eventKey: `test-invoiced-${tag}`,
    });
    await appendAudit(system.database.db.manager, {
      action: 'payout.paid',
      entity: 'Payout',
      entityId: payoutId,
      after: { providerReference, amountMinor: 4_500_000 },
      at: new Date(),
      eventKey: `test-paid-${tag}`,
    });
    const rows: { id: string; action: string }[] = await system.database.db.query(`SELECT id::text AS id, action FROM audit_log WHERE "entityId" = $1`, [payoutId]);
    invoicedId = rows.find((row) => row.action === 'payout.invoiced')!.id;
    paidId = rows.find((row) => row.action === 'payout.paid')!.id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const audit = '/admin/api/resources/AuditLog';
  const leaks = (text: unknown) => [invoiceNumber, providerReference, '4500000'].filter((secret) => JSON.stringify(text).includes(secret));

  describe("another team's talent manager", () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await panelSignIn(system.baseUrl, others.talentManager.email, others.password);
    });

    it('sees payout entries in the audit list without their money details', async () => {
      const list = await panelGet(system.baseUrl, cookie, `${audit}/actions/list?perPage=100&filters.action=payout.`);
      expect(list.status).toBe(200);
      const entries = list.body.records.filter((record: { id: string }) => [invoicedId, paidId].includes(String(record.id)));
      expect(entries).toHaveLength(2);
      for (const entry of entries) expect(entry.params).toMatchObject({ after: MONEY_HIDDEN, entity: 'Payout' });
      expect(leaks(list.body)).toEqual([]);
    });

    it('opens a payout entry without its money details', async () => {
      for (const id of [invoicedId, paidId]) {
        const shown = await panelGet(system.baseUrl, cookie, `${audit}/records/${id}/show`);
        expect(shown.status).toBe(200);
        expect(shown.body.record.params).toMatchObject({ action: expect.stringMatching(/^payout\./), after: MONEY_HIDDEN });
        expect(leaks(shown.body)).toEqual([]);
      }
    });

    it('finds payout entries through the panel search without their money details', async () => {
      const found = await panelGet(system.baseUrl, cookie, `${audit}/search/payout`);
      expect(found.status).toBe(200);
      expect(found.body.records.length).toBeGreaterThan(0);
      expect(leaks(found.body)).toEqual([]);
    });

    it("is refused another team's collaboration over the REST API (403), like its decisions", async () => {
      const booking = await createBookingRow(system.database.db, team);
      const asOther = system.basic(others.talentManager.email, others.password);
      const refused = await requestJson(system.baseUrl, 'GET', `/collaborations/${booking.id}`, asOther);
      expect(refused).toMatchObject({ status: 403, body: { message: `Collaboration ${booking.id} belongs to someone else; a talent manager acts only on their own` } });
      const asOtherManager = system.basic(others.manager.email, others.password);
      expect((await requestJson(system.baseUrl, 'GET', `/collaborations/${booking.id}`, asOtherManager)).status).toBe(403);
      // Its own talent manager and manager, and finance, read it.
      for (const user of [team.talentManager, team.manager, team.finance]) {
        const read = await requestJson(system.baseUrl, 'GET', `/collaborations/${booking.id}`, system.basic(user.email, team.password));
        expect({ role: user.role, status: read.status, id: read.body.collaboration?.id }).toEqual({ role: user.role, status: 200, id: booking.id });
      }
    });
  });

  describe('finance', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await panelSignIn(system.baseUrl, team.finance.email, team.password);
    });

    it('sees the money details of payout entries in the list, the record and the search', async () => {
      const list = await panelGet(system.baseUrl, cookie, `${audit}/actions/list?perPage=100&filters.action=payout.`);
      const paid = list.body.records.find((record: { id: string }) => String(record.id) === paidId);
      expect(paid.params).toMatchObject({ 'after.providerReference': providerReference, 'after.amountMinor': 4_500_000 });

      const shown = await panelGet(system.baseUrl, cookie, `${audit}/records/${invoicedId}/show`);
      expect(shown.body.record.params.after).toContain(invoiceNumber);

      const found = await panelGet(system.baseUrl, cookie, `${audit}/search/payout`);
      expect(leaks(found.body).length).toBeGreaterThan(0);
    });

  });
});
