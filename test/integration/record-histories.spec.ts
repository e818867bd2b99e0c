import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { NativeConnection, Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collaborationActivities, collaborationActivityProviders } from '../../activities';
import { creatorOpsWorkflowOptions } from '../../apps/worker/workflow-options';
import { Collaboration } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { campaignWorkflowId } from '../../libs/temporal/workflow-ids';
import { bookCreatorUpdate, campaignStateQuery, cancelCampaignUpdate } from '../../workflows/campaign-messages';
import { approvePayoutUpdate as approvePayout, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import {
  acceptTermsUpdate, acknowledgeBriefUpdate, approveCommercialsUpdate, briefChangedSignal, CollaborationInput, dropOutUpdate, proposeTermsUpdate, recordSignatureUpdate,
  markPostedUpdate, resolveEscalationUpdate, reviewDraftUpdate, stateQuery, submitDraftUpdate, talentManagerChangedSignal,
} from '../../workflows/messages';
import { Brand, Creator, ExclusivityWindow, User } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { testTemporalAddress } from '../support/environment';
import { createBookingRow, createCampaignRow, createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { quietTemporalRuntime } from '../support/temporal-runtime';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { HISTORIES_DIR } from '../support/workflow-histories';
import { signingClient, TEST_ACTOR_SIGNING_KEY } from '../support/workflow-harness';

const RECORDED_SLA: SlaPolicy = {
  briefAckReminder: 600_000, briefAckEscalation: 1_200_000, negotiation: 3_600_000, contractReminder: 3_600_000, contractEscalation: 7_200_000, draftReview: 3_600_000,
  revision: 3_600_000, postingWindow: 3_600_000, measureFirst: 3_600_000, measureSecond: 7_200_000, paymentDay: 86_400_000,
  negotiationReminder: 1_800_000, commercialsApprovalReminder: 1_800_000, commercialsApproval: 3_600_000, draftDueReminder: 1_800_000, draftReviewReminder: 1_800_000,
  postingReminder: 1_800_000, payoutDueReminder: 3 * 86_400_000, escalationResponse: 86_400_000,
};

/**
 * Not part of `npm test`: `npm run histories:record` runs it to (re)write the fixtures that
 * test/integration/replay.spec.ts replays. Record new scenarios when a stage is added; never
 * re-record an existing one to make a replay failure go away (that failure is the point).
 */
describe('record workflow histories', () => {
  const taskQueue = 'record-histories';
  let database: TestDatabase;
  let team: Team;
  let native: NativeConnection;
  let connection: Connection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    quietTemporalRuntime();
    database = await createTestDatabase();
    team = await createTeam(database.db);
    native = await NativeConnection.connect({ address: testTemporalAddress() });
    worker = await Worker.create({ connection: native, taskQueue, ...creatorOpsWorkflowOptions(TEST_ACTOR_SIGNING_KEY), activities: collaborationActivities(collaborationActivityProviders(database.db)) });
    running = worker.run();
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = signingClient(connection);
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await native?.close();
    await database?.drop();
  });

  async function book(sla: Partial<SlaPolicy>, prepare?: (row: Collaboration) => Promise<unknown>): Promise<{ row: Collaboration; handle: WorkflowHandle }> {
    const row = await createBookingRow(database.db, team);
    await prepare?.(row);
    const input: CollaborationInput = { collaborationId: row.id, campaignId: row.campaignId, creatorId: row.creatorId, brandId: 'recorded', talentManagerId: row.talentManagerId, sla: { ...RECORDED_SLA, ...sla }, currency: 'INR', marginFloorBps: 2_000 };
    const handle = await client.workflow.start('collaborationWorkflow', { workflowId: row.workflowId!, taskQueue, args: [input] });
    return { row, handle };
  }

  async function save(name: string, handle: WorkflowHandle): Promise<void> {
    const history = await handle.fetchHistory();
    fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
  }

  const actor = () => ({ userId: team.talentManager.id, role: Role.TalentManager });

  it('brief acknowledged in time', async () => {
    const { handle } = await book({ briefAckReminder: 600_000, briefAckEscalation: 1_200_000 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await save('brief-acknowledged-in-time', handle);
  });

  it('brief reminded, escalated, then acknowledged late', async () => {
    const { handle } = await book({ briefAckReminder: 1_000, briefAckEscalation: 2_000 });
    await waitFor('the escalation', async () => ((await handle.query(stateQuery)).openEscalations.length ? true : undefined), 20_000);
    const state = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    expect(state.stage).toBe(CollaborationStage.ConflictCheck);
    await save('brief-escalated-then-acknowledged', handle);
  });

  const manager = () => ({ userId: team.manager.id, role: Role.Manager });

  it('blocking conflict overridden by a manager', async () => {
    const { handle } = await book({ briefAckReminder: 600_000, briefAckEscalation: 1_200_000 }, (row) =>
      database.db.getRepository(Creator).update({ id: row.creatorId }, { preferences: { refusedCategories: ['skincare'] } }),
    );
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    const conflict = await waitFor('CONFLICT', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.Conflict));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: 'Agreed' }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    await save('conflict-overridden', handle);
  });

  it('creator dropped in BRIEFED, dropout accepted, workflow completed', async () => {
    const { handle } = await book({ briefAckReminder: 600_000, briefAckEscalation: 1_200_000 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(dropOutUpdate, { args: [{ actor: actor(), reason: 'Unavailable' }] });
    const alert = await waitFor('CREATOR_DROPPED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: alert.escalationId, resolution: EscalationResolution.Accept, reason: 'Replaced' }] });
    await handle.result();
    await save('dropped-in-briefed', handle);
  });

  it('terms below the margin floor approved by a manager', async () => {
    const { handle } = await book({});
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 8_500_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables() };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager(), reason: 'Strategic' }] });
    await save('terms-below-floor-approved', handle);
  });

  it('brief changed after acknowledgement, acknowledged again, booking moved to another talent manager, then dropped by them', async () => {
    const { handle } = await book({});
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    await handle.signal(briefChangedSignal, { actor: manager() });
    await waitFor('the brief change', async () => ((await handle.query(stateQuery)).briefChangedAt ? true : undefined));
    const reacknowledged = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    expect(reacknowledged.briefChangedAt).toBeUndefined();
    await handle.signal(talentManagerChangedSignal, { actor: manager(), talentManagerId: team.manager.id });
    await waitFor('the new talent manager', async () => ((await handle.query(stateQuery)).talentManagerId === team.manager.id ? true : undefined));
    await handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Creator unavailable' }] });
    const alert = await waitFor('CREATOR_DROPPED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: alert.escalationId, resolution: EscalationResolution.Accept, reason: 'Replaced' }] });
    await handle.result();
    await save('brief-reacknowledged-then-reassigned', handle);
  });

  it('negotiated exclusivity clashing with another brand’s window: CONFLICT before contracting, overridden, contracts sent', async () => {
    // A rival skincare brand holds the creator from February; the campaign ends in January, so the
    // check after the brief passes, and the agreed exclusivity (to 28 February) is caught before contracting.
    const { handle } = await book({}, async (row) => {
      const rival = await database.db.getRepository(Brand).save({ name: `Rival ${row.id.slice(0, 8)}`, category: 'skincare' });
      await database.db.getRepository(ExclusivityWindow).save({ creatorId: row.creatorId, brandId: rival.id, brandName: rival.name, category: 'skincare', startsOn: '2027-02-01', endsOn: '2027-03-31' });
    });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = {
      brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables(),
      exclusivity: { category: 'skincare', start: '2026-12-01', end: '2027-02-28' },
    };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    const conflict = await waitFor('CONFLICT', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.Conflict));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: 'The rival released the creator' }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    await save('conflict-before-contracting-overridden', handle);
  });

  it('contracts executed, drafts (compliance failure, revision, approval), then the creator drops out and the kill fee is paid', async () => {
    const { row, handle } = await book({ paymentDay: 10 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = {
      brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables(),
      exclusivity: { category: 'skincare', start: '2026-12-01', end: '2027-02-28' },
    };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    for (const contract of (await handle.query(stateQuery)).contracts!) {
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: actor(), contractId: contract.contractId, party: 'creator', documentHash: contract.documentHash }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] });
    }
    await waitFor('deliverables', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const [reel, story] = (await handle.query(stateQuery)).deliverables!;
    const submit = (deliverableId: string, caption: string) =>
      handle.executeUpdate(submitDraftUpdate, { args: [{ actor: actor(), deliverableId, assetUrl: 'https://drive.example/draft.mp4', caption }] });
    await submit(reel.deliverableId, 'Three days with the serum #skincare');
    await submit(reel.deliverableId, 'Sponsored: three days with the serum');
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId: reel.deliverableId, version: 2, decision: 'request_changes', feedback: 'Closer shot' }] });
    await submit(reel.deliverableId, 'Sponsored: three days with the serum');
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId: reel.deliverableId, version: 3, decision: 'approve' }] });
    await submit(story.deliverableId, 'Sponsored: the serum');
    await handle.executeUpdate(dropOutUpdate, { args: [{ actor: actor(), reason: 'Injured' }] });
    const killFee = client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the kill fee request', async () => ((await killFee.query(payoutStateQuery)).payoutId ? true : undefined));
    await killFee.executeUpdate(submitInvoiceUpdate, { args: [{ actor: actor(), invoiceNumber: 'KILL-1' }] });
    await killFee.executeUpdate(approvePayout, { args: [{ actor: { userId: team.finance.id, role: Role.Finance } }] });
    const alert = await waitFor('CREATOR_DROPPED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: alert.escalationId, resolution: EscalationResolution.Accept, reason: 'Replaced' }] });
    await handle.result();
    await save('produced-then-dropped', handle);
    await save('kill-fee-paid', killFee);
  });

  it('produced, posted (one rejected report), measured, paid and completed', async () => {
    const { row, handle } = await book({ measureFirst: 500, measureSecond: 1_000, paymentDay: 20 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables().slice(0, 1) };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    for (const contract of (await handle.query(stateQuery)).contracts!) {
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: actor(), contractId: contract.contractId, party: 'creator', documentHash: contract.documentHash }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] });
    }
    await waitFor('deliverables', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const [reel] = (await handle.query(stateQuery)).deliverables!;
    // Declared as a reel with its on-screen label (patched('compliance-disclosure-facts')).
    const disclosed = { format: 'reel' as const, durationSeconds: 30, onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 10 } };
    await handle.executeUpdate(submitDraftUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: the serum', ...disclosed }] });
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] });
    await waitFor('POSTING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Posting ? true : undefined));
    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, liveUrl: 'https://tiktok.com/@x/video/1', caption: 'Sponsored: the serum' }] });
    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, liveUrl: 'https://instagram.com/reel/1/', caption: 'Sponsored: the serum', ...disclosed }] });
    await waitFor('PAYOUT', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Payout ? true : undefined), 20_000);
    const payout = client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('payout requested', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: actor(), invoiceNumber: 'INV-1' }] });
    await payout.executeUpdate(approvePayout, { args: [{ actor: { userId: team.finance.id, role: Role.Finance } }] });
    await handle.result();
    await save('completed-with-payout', handle);
    await save('payout-paid', payout);
  });

  it('payout due to a creator with no payout details: PAYOUT_DETAILS_MISSING to finance, paid once they are added', async () => {
    const { row, handle } = await book({ measureFirst: 500, measureSecond: 1_000, paymentDay: 20 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables().slice(0, 1) };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    for (const contract of (await handle.query(stateQuery)).contracts!) {
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: actor(), contractId: contract.contractId, party: 'creator', documentHash: contract.documentHash }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] });
    }
    await waitFor('deliverables', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const [reel] = (await handle.query(stateQuery)).deliverables!;
    // Declared as a reel with its on-screen label (patched('compliance-disclosure-facts')).
    const disclosed = { format: 'reel' as const, durationSeconds: 30, onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 10 } };
    await handle.executeUpdate(submitDraftUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: the serum', ...disclosed }] });
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] });
    await waitFor('POSTING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Posting ? true : undefined));
    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, liveUrl: 'https://tiktok.com/@x/video/1', caption: 'Sponsored: the serum' }] });
    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, liveUrl: 'https://instagram.com/reel/1/', caption: 'Sponsored: the serum', ...disclosed }] });
    // No payout token: the disbursement is refused before the provider is called (patched('payout-details-missing')).
    await database.db.getRepository(Creator).update({ id: row.creatorId }, { payoutReference: null });
    await waitFor('PAYOUT', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Payout ? true : undefined), 20_000);
    const payout = client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('payout requested', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: actor(), invoiceNumber: 'INV-1' }] });
    await payout.executeUpdate(approvePayout, { args: [{ actor: { userId: team.finance.id, role: Role.Finance } }] });
    await waitFor('the escalation', async () => ((await payout.query(payoutStateQuery)).detailsEscalationId ? true : undefined));
    await database.db.getRepository(Creator).update({ id: row.creatorId }, { payoutReference: 'tok_recorded1' });
    await handle.result();
    await save('payout-details-missing', payout);
  });

  it('campaign: bookings added while it runs, continued as new, one dropped, then cancelled with its bookings', async () => {
    const campaign = await createCampaignRow(database.db, team);
    const handle = await client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue,
      args: [{ campaignId: campaign.id, closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), historyLimit: 20 }],
    });
    const firstRunId = (await handle.describe()).runId;
    const rows: Collaboration[] = [];
    for (let i = 0; i < 4; i += 1) {
      const row = await createBookingRow(database.db, team, { campaignId: campaign.id });
      const collaboration: CollaborationInput = { collaborationId: row.id, campaignId: campaign.id, creatorId: row.creatorId, brandId: 'recorded', talentManagerId: row.talentManagerId, sla: RECORDED_SLA, currency: 'INR', marginFloorBps: 2_000 };
      await handle.executeUpdate(bookCreatorUpdate, { args: [{ actor: manager(), booking: collaboration }] });
      rows.push(row);
    }
    await waitFor('a new run', async () => ((await handle.query(campaignStateQuery)).runs > 1 ? true : undefined));
    // One creator has dropped and waits for the manager when the campaign is cancelled.
    const dropped = client.workflow.getHandle(rows[1].workflowId!);
    await dropped.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Creator unavailable' }] });
    await waitFor('CREATOR_DROPPED', async () => (await dropped.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped));
    await handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: manager(), reason: 'Brand pulled out' }] });
    await handle.result();
    await save('campaign-continued-as-new', client.workflow.getHandle(handle.workflowId, firstRunId));
    await save('campaign-cancelled', handle);
    await save('booking-cancelled-with-campaign', client.workflow.getHandle(rows[0].workflowId!));
    await save('dropped-then-campaign-cancelled', dropped);
  });

  it('negotiation reminded, stalled, then terms agreed late', async () => {
    const { handle } = await book({ negotiationReminder: 1_000, negotiation: 2_000 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATION_STALLED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.NegotiationStalled), 20_000);
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables() };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    await save('negotiation-reminded-escalated-then-agreed', handle);
  });

  it("brief escalation re-escalated to the manager's manager, then acknowledged late", async () => {
    const users = database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-${Date.now()}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: team.manager.passwordHash }));
    await users.update({ id: team.manager.id }, { managerId: head.id });
    try {
      const { handle } = await book({ briefAckReminder: 500, briefAckEscalation: 1_000, escalationResponse: 1_500 });
      await waitFor('the re-escalation', async () => ((await handle.query(stateQuery)).history.some((h) => h.event === 'escalation.reescalated') ? true : undefined), 20_000);
      await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
      await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
      await save('brief-escalation-reescalated', handle);
    } finally {
      await users.update({ id: team.manager.id }, { managerId: null });
    }
  });

  it('PAYOUT_OVERDUE accepted on the booking, then the payout approved and paid', async () => {
    const { row, handle } = await book({ measureFirst: 300, measureSecond: 600, paymentDay: 20 });
    await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
    await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables().slice(0, 1) };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
    await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
    for (const contract of (await handle.query(stateQuery)).contracts!) {
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: actor(), contractId: contract.contractId, party: 'creator', documentHash: contract.documentHash }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] });
    }
    await waitFor('deliverables', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const [reel] = (await handle.query(stateQuery)).deliverables!;
    await handle.executeUpdate(submitDraftUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: the serum' }] });
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: manager(), deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] });
    await waitFor('POSTING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Posting ? true : undefined));
    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: actor(), deliverableId: reel.deliverableId, liveUrl: 'https://instagram.com/reel/1/', caption: 'Sponsored: the serum' }] });
    const overdue = await waitFor('PAYOUT_OVERDUE', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.PayoutOverdue), 20_000);
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: overdue.escalationId, resolution: EscalationResolution.Accept, reason: 'Quarter close' }] });
    const payout = client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout told', async () => ((await payout.query(payoutStateQuery)).overdueAccepted ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: actor(), invoiceNumber: 'INV-1' }] });
    await payout.executeUpdate(approvePayout, { args: [{ actor: { userId: team.finance.id, role: Role.Finance } }] });
    await handle.result();
    await save('payout-overdue-accepted', handle);
    await save('payout-overdue-accepted-payout', payout);
  });

  it('margin exception above the manager\'s approval limit, endorsed, then approved by their manager', async () => {
    const users = database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-limit-${Date.now()}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: team.manager.passwordHash }));
    await users.update({ id: team.manager.id }, { managerId: head.id, approvalLimitMinor: 100_000, approvalLimitCurrency: 'INR' });
    try {
      const { handle } = await book({});
      await waitFor('BRIEFED', async () => ((await handle.query(stateQuery)).deadlines.length ? true : undefined));
      await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: actor() }] });
      await waitFor('NEGOTIATING', async () => ((await handle.query(stateQuery)).stage === CollaborationStage.Negotiating ? true : undefined));
      const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 8_500_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables() };
      await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: actor(), terms }] });
      await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: actor() }] });
      const endorsed = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager(), reason: 'Strategic' }] });
      expect(endorsed.negotiation?.approvalAwaitedFrom).toBe(head.id);
      await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: head.id, role: Role.Manager }, reason: 'Approved above the limit' }] });
      await waitFor('contracts', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined));
      await save('approval-above-limit', handle);
    } finally {
      await users.update({ id: team.manager.id }, { managerId: null, approvalLimitMinor: null, approvalLimitCurrency: null });
    }
  });
});
