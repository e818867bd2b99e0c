import { Client, WorkflowClientInterceptor, WorkflowHandle } from '@temporalio/client';
import { ACTOR_PROOF_HEADER } from '../../libs/domain/rules/actor-proof';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { actorSigningInterceptor } from '../../libs/temporal/actor-signing';
import { waitFor } from '../../scripts/lib/ports';
import { acknowledgeBriefUpdate, stateQuery } from '../../workflows/messages';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { collaborationInput, startWorkflowHarness, TEST_ACTOR_SIGNING_KEY, WorkflowHarness } from '../support/workflow-harness';
import { createCampaignRow } from '../support/fixtures';
import { campaignWorkflowId } from '../../libs/temporal/workflow-ids';
import * as campaignMessages from '../../workflows/campaign-messages';
import * as collaborationMessages from '../../workflows/messages';
import * as payoutMessages from '../../workflows/payout-messages';
import { campaignStateQuery } from '../../workflows/campaign-messages';

/**
 * Issue 11 item 3: whoever reaches Temporal cannot claim to be finance. The worker's update
 * validators accept a decision only with its actor signed by the API's key (docs/access.md#temporal).
 */
describe('decisions sent straight to Temporal with a forged actor', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });
  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  /** A client on the same connection, with the given interceptors (none: nothing signed). */
  const clientWith = (...workflow: WorkflowClientInterceptor[]) => new Client({ connection: harness.client.connection, interceptors: { workflow } });
  const historyLength = async (handle: WorkflowHandle) => (await handle.fetchHistory()).events?.length ?? 0;

  /** A booking in PAYOUT whose invoice is in: the next decision is finance's approval. */
  async function invoicedPayout() {
    const { row } = await drive().toPayout({ sla: { measureFirst: 200, measureSecond: 400, paymentDay: 50 }, terms: { paymentNetDays: 30, killFeeBps: 0 } });
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: drive().talentManager(), invoiceNumber: `INV-${row.id.slice(0, 8)}` }] });
    return { row, payout };
  }

  it('refuses a payout approval claiming the finance role without, or with a wrong, stale or borrowed signature, and changes nothing', async () => {
    const { payout } = await invoicedPayout();
    const other = await invoicedPayout();
    const before = await payout.query(payoutStateQuery);
    const eventsBefore = await historyLength(payout);
    const finance = drive().finance();
    const approve = (client: Client, workflowId = payout.workflowId) =>
      client.workflow.getHandle(workflowId).executeUpdate(approvePayoutUpdate, { args: [{ actor: finance }] });

    // Someone with Temporal access and no key: a well-formed finance actor, unsigned.
    const unsigned = await updateRejection(approve(clientWith()));
    expect(unsigned).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/could not be verified: the decision carries no signature/) });

    // Signed with a key of their own.
    const wrongKey = await updateRejection(approve(clientWith(actorSigningInterceptor('a-key-the-worker-does-not-know-at-all'))));
    expect(wrongKey).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/signature does not match/) });

    // A genuine signature from ten minutes ago.
    const stale = await updateRejection(approve(clientWith(actorSigningInterceptor(TEST_ACTOR_SIGNING_KEY, () => Date.now() - 10 * 60_000))));
    expect(stale).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/signature has expired/) });

    // A genuine, fresh proof the API made for another booking's approval, taken off the wire and attached here.
    let borrowed: unknown;
    const intercept: WorkflowClientInterceptor = {
      async startUpdate(input) {
        borrowed = input.headers[ACTOR_PROOF_HEADER];
        throw new Error('taken, not sent');
      },
    };
    await expect(approve(clientWith(actorSigningInterceptor(TEST_ACTOR_SIGNING_KEY), intercept), other.payout.workflowId)).rejects.toThrow('taken, not sent');
    expect(borrowed).toBeDefined();
    const attach: WorkflowClientInterceptor = {
      startUpdate: (input, next) => next({ ...input, headers: { ...input.headers, [ACTOR_PROOF_HEADER]: borrowed as never } }),
    };
    const replayed = await updateRejection(approve(clientWith(attach)));
    expect(replayed).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/signature does not match/) });

    // A signed actor whose role was raised after signing.
    const raised: WorkflowClientInterceptor = {
      async startUpdate(input, next) {
        const [arg] = input.args as [{ actor: { userId: string; role: Role } }];
        return next({ ...input, args: [{ ...arg, actor: { ...arg.actor, role: Role.Finance } }] });
      },
    };
    const tm = drive().talentManager();
    const promoted = await updateRejection(
      clientWith(actorSigningInterceptor(TEST_ACTOR_SIGNING_KEY), raised).workflow.getHandle(payout.workflowId).executeUpdate(approvePayoutUpdate, { args: [{ actor: tm }] }),
    );
    expect(promoted).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/signature does not match/) });

    // Nothing happened: the same state, and not one event in the history (refused updates are not recorded).
    expect(await payout.query(payoutStateQuery)).toEqual(before);
    expect(before).toMatchObject({ status: 'invoiced' });
    expect(before.approvedBy).toBeUndefined();
    expect(await historyLength(payout)).toBe(eventsBefore);

    // The same decision signed with the shared key, as the API sends it, goes through.
    const approved = await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance }] });
    expect(approved).toMatchObject({ status: 'scheduled', approvedBy: finance });
  });

  it('checks every decision of the booking, payout and campaign workflows before its own validator runs', async () => {
    // The check wraps validators (the SDK calls the interceptor only where one exists): every update must have one.
    const { row, handle } = await harness.book();
    const { payout } = await invoicedPayout();
    const campaign = await createCampaignRow(harness.database.db, harness.team);
    const campaignHandle = await harness.client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue: harness.taskQueue,
      args: [{ campaignId: campaign.id, closesAt: new Date(Date.now() + 86_400_000).toISOString() }],
    });
    const admin = { userId: harness.team.manager.id, role: Role.Admin };
    const targets: [WorkflowHandle, readonly string[]][] = [
      [handle, ['acknowledgeBrief', 'resolveEscalation', 'dropOut', 'proposeTerms', 'counterOffer', 'acceptTerms', 'approveCommercials', 'recordSignature', 'submitDraft', 'reviewDraft', 'markPosted']],
      [payout, ['submitInvoice', 'approvePayout']],
      [campaignHandle, ['bookCreator', 'closeBookings', 'cancelCampaign']],
    ];
    const defined = ([...Object.values(collaborationMessages), ...Object.values(payoutMessages), ...Object.values(campaignMessages)] as unknown[])
      .filter((value) => (value as { type?: string })?.type === 'update')
      .map((update) => (update as { name: string }).name);
    expect(targets.flatMap(([, names]) => names).sort()).toEqual(defined.sort());

    const unsigned = clientWith();
    for (const [target, names] of targets) {
      for (const name of names) {
        const refusal = await updateRejection(unsigned.workflow.getHandle(target.workflowId).executeUpdate(name, { args: [{ actor: admin, reason: 'forged', booking: collaborationInput(row) }] }));
        expect({ name, type: refusal.type, message: refusal.message }).toEqual({ name, type: 'Forbidden', message: expect.stringMatching(/could not be verified/) });
      }
    }
    expect((await handle.query(stateQuery)).stage).toBe(CollaborationStage.Briefed);
    expect((await payout.query(payoutStateQuery)).status).toBe('invoiced');
    expect((await campaignHandle.query(campaignStateQuery)).status).toBe('active');
    await campaignHandle.terminate('test over');
  });

  it('guards the booking workflow too: an unsigned brief acknowledgement leaves it BRIEFED', async () => {
    const { handle } = await harness.book();
    const unsigned = clientWith().workflow.getHandle(handle.workflowId);
    const refusal = await updateRejection(unsigned.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: { userId: harness.team.talentManager.id, role: Role.TalentManager } }] }));
    expect(refusal).toMatchObject({ type: 'Forbidden', message: expect.stringMatching(/no signature/) });
    expect((await handle.query(stateQuery)).stage).toBe(CollaborationStage.Briefed);
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: drive().talentManager() }] });
    await harness.reachStage(handle, CollaborationStage.Negotiating);
  });
});
