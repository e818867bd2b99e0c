import { Escalation, Payout } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { appProcesses, type AppProcesses } from '../../scripts/lib/app-processes';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { createTeam, Team } from '../support/fixtures';
import { PayoutProviderDouble } from '../support/payout-provider-double';
import { RunningSystem, startSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

const BOOKINGS = 20;

/**
 * Durability under crashes: 20 bookings go from brief to paid through two API processes, with
 * two workers on the same task queue, while the workers are SIGKILLed at random moments and
 * started again. Every booking must complete, every payout must be paid exactly once as counted
 * by a payouts API double in this test's own process (over HTTP, independent of any unique index
 * in the system's database), and every lapsed brief must have raised exactly one escalation.
 * Two of each process also covers what each keeps in memory (the verified-credentials window).
 */
describe('crash: workers are killed at random while 20 bookings run through two APIs', () => {
  let system: RunningSystem;
  let second: AppProcesses;
  let team: Team;
  const provider = new PayoutProviderDouble();

  beforeAll(async () => {
    const providerUrl = await provider.start();
    system = await startSystem({ env: { PAYOUT_PROVIDER_URL: providerUrl } });
    team = await createTeam(system.database.db);
    const port = await freePort();
    second = appProcesses({ env: { ...system.env, PORT: String(port) }, baseUrl: `http://127.0.0.1:${port}` });
    second.launch('worker');
    second.launch('api');
    await second.waitForApi();
  });

  afterAll(async () => {
    await second?.stopAll();
    await system?.stop();
    await provider.stop();
  });

  it('completes every booking, pays each creator once and loses or duplicates no escalation', async () => {
    const tm = system.basic(team.talentManager.email, team.password);
    const mgr = system.basic(team.manager.email, team.password);
    const fin = system.basic(team.finance.email, team.password);

    /** A decision, retried with the same Idempotency-Key while the system is recovering (5xx, dropped connection); requests alternate between the two APIs. */
    let sent = 0;
    async function send(method: string, path: string, auth: string, body?: unknown, key?: string): Promise<any> {
      // As long as the test's other waits: a worker killed again and again can keep a booking
      // unanswerable for a while, but it must recover.
      const giveUpAt = Date.now() + 120_000;
      let last = '';
      for (;;) {
        try {
          const api = (sent += 1) % 2 === 0 ? system.baseUrl : second.baseUrl;
          const response = await fetch(`${api}${path}`, {
            method,
            headers: { authorization: auth, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.text();
          if (response.status < 500) {
            if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
            return text ? JSON.parse(text) : undefined;
          }
          last = `${response.status}: ${text.slice(0, 300)}`;
        } catch (error) {
          if (error instanceof Error && / → 4\d\d:/.test(error.message)) throw error;
          last = String((error as Error)?.message ?? error);
        }
        if (Date.now() > giveUpAt) throw new Error(`${method} ${path} kept failing for 120 s; last answer ${last}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const stage = async (id: string) => (await send('GET', `/collaborations/${id}`, tm)).collaboration.stage as string;
    const reach = (id: string, wanted: string) => waitFor(`${id} in ${wanted}`, async () => ((await stage(id)) === wanted ? true : undefined), 120_000, 300);

    const brand = await send('POST', '/brands', tm, { name: `Crash Brand ${Date.now()}`, category: 'snacks' });
    const campaign = await send('POST', '/campaigns', tm, {
      brandId: brand.id, name: 'Crash', budgetMinor: 100_000_000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id,
      // Every brief lapses (1 s / 2 s) before it is acknowledged; measuring and net-30 pass in a moment.
      slaOverrides: { briefAckReminder: '1s', briefAckEscalation: '2s', measureFirst: '300ms', measureSecond: '600ms', paymentDay: '10ms' },
    });

    async function lifecycle(index: number): Promise<string> {
      const creator = await send('POST', '/creators', tm, { name: `Creator ${index}`, handle: `crash-${index}-${Date.now()}`, payoutReference: `tok_crash${index}x${Date.now()}` });
      const booking = await send('POST', '/collaborations', tm, { campaignId: campaign.id, creatorId: creator.id }, `booking-${index}`);
      const id = booking.id as string;
      await waitFor(`the brief escalation of ${id}`, async () => ((await send('GET', `/collaborations/${id}/escalations`, tm)).length ? true : undefined), 120_000, 500);
      await send('POST', `/collaborations/${id}/acknowledge-brief`, tm, undefined, `ack-${id}`);
      await reach(id, 'NEGOTIATING');
      const deliverables = [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 86_400_000).toISOString() }];
      await send('POST', `/collaborations/${id}/terms`, tm, { brandPriceMinor: 4_000_000, creatorFeeMinor: 3_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 0, deliverables }, `terms-${id}`);
      await send('POST', `/collaborations/${id}/accept-terms`, tm, undefined, `accept-${id}`);
      const [contract] = await waitFor(`contracts of ${id}`, async () => {
        const contracts = await send('GET', `/collaborations/${id}/contracts`, tm);
        return contracts.length ? contracts : undefined;
      }, 120_000, 300);
      await send('POST', `/collaborations/${id}/contracts/${contract.id}/signatures`, tm, { party: 'creator', documentHash: contract.documentHash }, `sign-c-${id}`);
      await send('POST', `/collaborations/${id}/contracts/${contract.id}/signatures`, mgr, { party: 'agency', documentHash: contract.documentHash }, `sign-a-${id}`);
      const [deliverable] = await waitFor(`deliverables of ${id}`, async () => {
        const list = await send('GET', `/collaborations/${id}/deliverables`, tm);
        return list.length ? list : undefined;
      }, 120_000, 300);
      const drafts = `/collaborations/${id}/deliverables/${deliverable.id}/drafts`;
      await send('POST', drafts, tm, { assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: crunchy' }, `draft-${id}`);
      await send('POST', `${drafts}/1/review`, mgr, { decision: 'approve' }, `review-${id}`);
      await reach(id, 'POSTING');
      await send('POST', `/collaborations/${id}/deliverables/${deliverable.id}/post`, tm, { liveUrl: `https://www.instagram.com/reel/${index}/`, caption: 'Sponsored: crunchy' }, `post-${id}`);
      await reach(id, 'PAYOUT');
      await waitFor(`payout of ${id}`, async () => {
        const response = await fetch(`${system.baseUrl}/collaborations/${id}/payout`, { headers: { authorization: fin } });
        return response.status === 200 && ((await response.json()) as { payoutId?: string }).payoutId ? true : undefined;
      }, 120_000, 300);
      await send('POST', `/collaborations/${id}/payout/invoice`, tm, { invoiceNumber: `INV-${index}` }, `invoice-${id}`);
      await send('POST', `/collaborations/${id}/payout/approve`, fin, undefined, `approve-${id}`);
      await reach(id, 'COMPLETED');
      return id;
    }

    let running = true;
    let kills = 0;
    // A restarted worker needs a few seconds (Nest context, workflow bundle) before it polls, so
    // kills come 4-10 s apart: often enough to land mid-activity and mid-task, never starving it.
    const chaos = (async () => {
      while (running && kills < 8) {
        await new Promise((resolve) => setTimeout(resolve, 4_000 + Math.random() * 6_000));
        if (!running) break;
        // Either worker; the other keeps polling, so the queue is never without one for long.
        const victim = kills % 2 === 0 ? 'first' : 'second';
        if (victim === 'first') await system.killWorker();
        else await second.kill('worker');
        kills += 1;
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
        if (victim === 'first') system.startWorker();
        else second.launch('worker');
      }
    })();
    let ids: string[];
    try {
      ids = await Promise.all(Array.from({ length: BOOKINGS }, (_, index) => lifecycle(index)));
    } finally {
      running = false;
      await chaos;
    }
    expect(kills).toBeGreaterThan(0);
    expect(ids).toHaveLength(BOOKINGS);

    const payouts = await system.database.db.getRepository(Payout).find();
    expect(payouts).toHaveLength(BOOKINGS);
    expect(payouts.every((p) => p.status === 'paid' && p.amountMinor === 3_000_000)).toBe(true);
    // Counted at the provider: one transfer per payout, none twice, each for the fee; retries of
    // one transfer (a worker killed after the provider answered) carry its key again.
    const transfers = [...provider.transfers.values()];
    expect(provider.conflicts).toEqual([]);
    expect(transfers).toHaveLength(BOOKINGS);
    expect(new Set(transfers.map((t) => t.idempotencyKey))).toEqual(new Set(payouts.map((p) => p.idempotencyKey)));
    expect(transfers.every((t) => t.amountMinor === 3_000_000 && t.currency === 'INR')).toBe(true);
    expect(new Set(payouts.map((p) => p.providerReference))).toEqual(new Set(transfers.map((t) => t.reference)));
    // Nothing went to the built-in ledger: the configured provider is the one that paid.
    expect(await system.database.db.query(`SELECT 1 FROM "payout_provider_ledger"`)).toEqual([]);
    process.stdout.write(`crash: ${kills} worker kills; ${provider.requests} provider requests for ${transfers.length} transfers\n`);

    for (const id of ids) {
      const escalations = await system.database.db.getRepository(Escalation).findBy({ collaborationId: id });
      const kinds = escalations.map((e) => e.kind);
      // Every lapsed brief raised its escalation, once; a payout approved after its (0.3 s) due
      // date may have raised PAYOUT_OVERDUE, once. Nothing is left open.
      expect(kinds.filter((kind) => kind === EscalationKind.BriefAckOverdue)).toHaveLength(1);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds.every((kind) => kind === EscalationKind.BriefAckOverdue || kind === EscalationKind.PayoutOverdue)).toBe(true);
      expect(escalations.every((e) => e.status === 'resolved')).toBe(true);
    }
  }, 360_000);
});
