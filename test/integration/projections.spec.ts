import { WorkflowHandle } from '@temporalio/client';
import { isDeepStrictEqual } from 'node:util';
import { readBookingWithProjection } from '../../apps/api/collaborations/collaboration-projection';
import { BookingRiskFlag, Collaboration, UnderperformerFlag } from '../../libs/domain/entities';
import { EscalationResolution } from '../../libs/domain/rules/escalations';
import { payoutWithoutMoney } from '../../libs/domain/rules/money-visibility';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { DeliverablePlan, Terms } from '../../libs/domain/rules/terms';
import { acceptTermsUpdate, acknowledgeBriefUpdate, CollaborationState, proposeTermsUpdate, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { lifecycleDriver } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * The state GET /collaborations/:id answers without a query (apps/api/collaborations/collaboration-projection.ts)
 * against the workflow's own `state` query, at each stage of a lifecycle run by the real worker
 * and activities: the projected fields must say what the live state says.
 */
describe('projected collaboration state', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);

  /** The live state cut to the projected fields, in the projection's documented orders. */
  function projectedPart(live: CollaborationState) {
    return {
      collaborationId: live.collaborationId,
      stage: live.stage,
      deadlines: [...live.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.name.localeCompare(b.name)),
      openEscalations: live.openEscalations,
      ...(live.deliverables
        ? {
            deliverables: [...live.deliverables]
              .sort((a, b) => a.deliverableId.localeCompare(b.deliverableId))
              .map(({ verifiedAt: _verified, postProblems: _problems, drafts, ...d }) => ({ ...d, drafts: drafts.map(({ acceptedAsIs: _accepted, ...draft }) => draft) })),
          }
        : {}),
      ...(live.payout ? { payout: { workflowId: live.payout.workflowId, status: live.payout.status, ...(live.payout.providerReference ? { providerReference: live.payout.providerReference } : {}) } } : {}),
    };
  }

  /** Equal as JSON says it (key order and absent keys aside), as toEqual compares. */
  const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

  /** The booking read in one statement with its projection, and the row as TypeORM reads it: they must be the same entity. */
  async function readBooking(row: Collaboration) {
    const db = harness.database.db;
    const found = await readBookingWithProjection(db, row.id);
    expect(found?.collaboration).toStrictEqual(await db.getRepository(Collaboration).findOneByOrFail({ id: row.id }));
    return found!.projection;
  }

  async function projected(row: Collaboration) {
    const { state, stateAsOf } = await readBooking(row);
    expect(Date.parse(stateAsOf)).not.toBeNaN();
    const { payout, deliverables, ...rest } = state;
    return {
      ...rest,
      ...(deliverables ? { deliverables: [...deliverables].sort((a, b) => a.deliverableId.localeCompare(b.deliverableId)) } : {}),
      ...(payout ? { payout: { workflowId: payout.workflowId, status: payout.status, ...(payout.providerReference ? { providerReference: payout.providerReference } : {}) } } : {}),
    };
  }

  /**
   * Right after a decision answers, the projection already says what the live state says (it is
   * written before the answer); after a timer, the row follows within the activity's run.
   */
  async function expectProjectionMatchesLive(row: Collaboration, handle: WorkflowHandle, stage: CollaborationStage): Promise<CollaborationState> {
    let live = await handle.query(stateQuery);
    await waitFor(`the projection of ${stage}`, async () => {
      live = await handle.query(stateQuery);
      return live.stage === stage && sameJson(await projected(row), projectedPart(live)) ? true : undefined;
    }, 15_000).catch(() => undefined);
    expect(live.stage).toBe(stage);
    expect(await projected(row)).toEqual(projectedPart(live));
    return live;
  }

  it('matches the live state at every stage from brief to completion', async () => {
    const d = drive();
    // MEASURING long enough to be looked at, PAYOUT days of 50 ms.
    const sla = { measureFirst: 4_000, measureSecond: 5_000, paymentDay: 50 };
    const { row, handle } = await harness.book(sla);
    await expectProjectionMatchesLive(row, handle, CollaborationStage.Briefed);

    const answer = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: d.talentManager() }] });
    // Written before the decision answered: read at once, the row shows the answer's stage (or the next one, the conflict check being quick).
    expect(answer.stage).toBe(CollaborationStage.ConflictCheck);
    expect([CollaborationStage.ConflictCheck, CollaborationStage.Negotiating]).toContain((await projected(row)).stage);
    await expectProjectionMatchesLive(row, handle, CollaborationStage.Negotiating);

    const deliverables: DeliverablePlan[] = [
      { type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      { type: DeliverableType.Story, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 8 * 86_400_000).toISOString(), scheduledPostAt: new Date(Date.now() + 9 * 86_400_000).toISOString() },
    ];
    const terms: Terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 0, killFeeBps: 0, deliverables };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: d.talentManager(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: d.talentManager() }] });
    await waitFor('contracts sent', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    await expectProjectionMatchesLive(row, handle, CollaborationStage.Contracting);

    await d.signAll(handle);
    await waitFor('deliverables planned', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const production = await expectProjectionMatchesLive(row, handle, CollaborationStage.InProduction);
    expect(production.deadlines.map((deadline) => deadline.name).sort()).toEqual(production.deliverables!.map((p) => `draftDue:${p.deliverableId}`).sort());
    const [reel, story] = production.deliverables!;

    // A draft failing compliance, a compliant one in review, changes requested, a second version approved.
    await d.submitDraft(handle, reel.deliverableId, 'three days with the winter serum', 1);
    await expectProjectionMatchesLive(row, handle, CollaborationStage.InProduction);
    await d.submitDraft(handle, reel.deliverableId, undefined, 2);
    await expectProjectionMatchesLive(row, handle, CollaborationStage.InProduction);
    await d.reviewDraft(handle, reel.deliverableId, 2, 'request_changes', 'Show the texture');
    const changes = await expectProjectionMatchesLive(row, handle, CollaborationStage.InProduction);
    expect(changes.deliverables!.find((p) => p.deliverableId === reel.deliverableId)).toMatchObject({ revisionCount: 1, drafts: [{ compliant: false }, { decision: 'changes_requested' }] });
    await d.submitDraft(handle, reel.deliverableId, undefined, 3);
    await d.reviewDraft(handle, reel.deliverableId, 3, 'approve');
    await d.submitDraft(handle, story.deliverableId);
    await d.reviewDraft(handle, story.deliverableId, 1, 'approve');
    const posting = await expectProjectionMatchesLive(row, handle, CollaborationStage.Posting);
    expect(posting.deadlines.map((deadline) => deadline.name).sort()).toEqual([reel, story].map((p) => `postBy:${p.deliverableId}`).sort());

    await d.markPosted(handle, reel.deliverableId, 'https://www.instagram.com/reel/live-0/');
    await expectProjectionMatchesLive(row, handle, CollaborationStage.Posting);
    await d.markPosted(handle, story.deliverableId, 'https://www.instagram.com/stories/live-1/');
    await expectProjectionMatchesLive(row, handle, CollaborationStage.Measuring);

    await harness.reachStage(handle, CollaborationStage.Payout, 30_000);
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    const paying = await expectProjectionMatchesLive(row, handle, CollaborationStage.Payout);
    expect(paying.payout).toMatchObject({ status: 'requested' });

    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: d.talentManager(), invoiceNumber: 'INV-PROJ-1' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: d.finance() }] });
    const done = await handle.result();
    expect(done.stage).toBe(CollaborationStage.Completed);
    const completed = await expectProjectionMatchesLive(row, handle, CollaborationStage.Completed);
    expect(completed.payout).toMatchObject({ status: 'paid', providerReference: expect.stringMatching(/^LEDGER-/) });

    // Without money reach both shapes lose the same details: the payout says only that it exists.
    const redacted = payoutWithoutMoney((await readBooking(row)).state);
    expect(redacted.payout).toEqual(payoutWithoutMoney(completed).payout);
    expect(redacted.payout).toEqual({ workflowId: payoutWorkflowId(row.id) });
  });

  it('answers no booking for an id that has none', async () => {
    await expect(readBookingWithProjection(harness.database.db, '00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });

  it("reads the booking's open risk flags in the same statement, oldest first, cleared ones left out", async () => {
    const { row } = await harness.book();
    const db = harness.database.db;
    const flag = (metric: string) =>
      db.getRepository(UnderperformerFlag).save({
        subjectKind: 'creator' as const,
        subjectId: row.creatorId,
        ownerId: null,
        metric,
        observed: 0.01,
        baseline: 0.04,
        basis: 'trend',
        since: '2026-11-01',
        suggestion: 'review',
        explanation: `${metric} fell`,
        currency: null,
        raisedOn: '2026-11-20',
        evaluatedOn: '2026-11-20',
        clearedOn: null,
      });
    const [older, newer, cleared] = [await flag('engagementRate'), await flag('roas'), await flag('nmvPerPost')];
    const risks = db.getRepository(BookingRiskFlag);
    await risks.save({ collaborationId: row.id, kind: 'UNDERPERFORMING', sourceFlagId: newer.id, detail: 'roas fell', raisedAt: new Date('2026-11-21T09:00:00Z') });
    await risks.save({ collaborationId: row.id, kind: 'UNDERPERFORMING', sourceFlagId: older.id, detail: 'engagement fell', raisedAt: new Date('2026-11-20T09:00:00Z') });
    await risks.save({ collaborationId: row.id, kind: 'UNDERPERFORMING', sourceFlagId: cleared.id, detail: 'gone', raisedAt: new Date('2026-11-19T09:00:00Z'), clearedAt: new Date('2026-11-22T09:00:00Z') });

    const { riskFlags } = await readBooking(row);
    expect(riskFlags).toEqual([
      { kind: 'UNDERPERFORMING', detail: 'engagement fell', raisedAt: new Date('2026-11-20T09:00:00Z'), sourceFlagId: older.id },
      { kind: 'UNDERPERFORMING', detail: 'roas fell', raisedAt: new Date('2026-11-21T09:00:00Z'), sourceFlagId: newer.id },
    ]);
  });

  it('shows open escalations and moved deadlines as the live state does', async () => {
    const d = drive();
    const { row, handle } = await harness.book({ briefAckReminder: 200, briefAckEscalation: 600 });
    await waitFor('BRIEF_ACK_OVERDUE', async () => ((await handle.query(stateQuery)).openEscalations.length ? true : undefined));
    const overdue = await expectProjectionMatchesLive(row, handle, CollaborationStage.Briefed);
    expect(overdue.openEscalations).toEqual([expect.objectContaining({ kind: 'BRIEF_ACK_OVERDUE' })]);

    await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: d.manager(), escalationId: overdue.openEscalations[0].escalationId, resolution: EscalationResolution.Extend, reason: 'Creator travelling', extendBy: '1h' }],
    });
    await waitFor('the extension', async () => ((await handle.query(stateQuery)).openEscalations.length === 0 ? true : undefined));
    const extended = await expectProjectionMatchesLive(row, handle, CollaborationStage.Briefed);
    expect(extended.openEscalations).toEqual([]);
    expect(extended.deadlines.length).toBeGreaterThan(0);
  });
});
