import { WorkflowUpdateStage } from '@temporalio/client';
import { Contract, Deliverable } from '../../libs/domain/entities';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { acceptTermsUpdate, proposeTermsUpdate, recordSignatureUpdate, stateQuery, submitDraftUpdate } from '../../workflows/messages';
import { DISCLOSED_CAPTION, lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** Holds an activity after it has stored its records, until the test lets it answer the workflow. */
class Gate {
  private open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  release(): void {
    this.open();
  }
}

/**
 * Contracts and deliverables are in the database (and so in the back office and the API's
 * lists) a moment before the workflow hears back from the activity that stored them. A decision
 * about one of them sent in that moment waits for the workflow to know them, and is then checked
 * in full; it is not refused as "not one of this booking's".
 */
describe('collaboration workflow: decisions about records still being stored', () => {
  let harness: WorkflowHarness;
  let contractsStored: Gate;
  let deliverablesStored: Gate;

  beforeAll(async () => {
    harness = await startWorkflowHarness({
      activities: (real) => ({
        async prepareContracts(input) {
          const prepared = await real.prepareContracts(input);
          await contractsStored.opened;
          return prepared;
        },
        async createDeliverables(input) {
          const planned = await real.createDeliverables(input);
          await deliverablesStored.opened;
          return planned;
        },
      }),
    });
  });

  afterAll(() => harness?.stop());

  beforeEach(() => {
    contractsStored = new Gate();
    deliverablesStored = new Gate();
  });

  it('takes signatures and a draft sent while the contracts and deliverables are being stored', async () => {
    const drive = lifecycleDriver(harness);
    const { row, handle } = await drive.toNegotiating();
    await handle.executeUpdate(proposeTermsUpdate, {
      args: [{ actor: drive.talentManager(), terms: { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 0, deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 86_400_000).toISOString() }] } as never }],
    });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: drive.talentManager() }] });

    const [contract] = await waitFor('the stored contract', async () => {
      const stored = await harness.database.db.getRepository(Contract).findBy({ collaborationId: row.id });
      return stored.length ? stored : undefined;
    });
    expect((await handle.query(stateQuery)).contracts).toBeUndefined();
    const signed = { contractId: contract.id, documentHash: contract.documentHash! };
    const creatorSigns = await handle.startUpdate(recordSignatureUpdate, {
      args: [{ actor: drive.talentManager(), party: 'creator', ...signed }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    // A different document sent in the same moment is accepted for now, then refused with the reason.
    const forged = await handle.startUpdate(recordSignatureUpdate, {
      args: [{ actor: drive.talentManager(), party: 'creator', contractId: contract.id, documentHash: '0'.repeat(64) }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    contractsStored.release();
    const afterCreator = await creatorSigns.result();
    expect(afterCreator.contracts![0].creatorSignedAt).toBeDefined();
    const refused = await updateRejection(forged.result());
    expect(refused).toMatchObject({ type: 'InvalidDecision', message: 'The signed document is not the one sent: its hash differs from the contract on record' });
    await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: drive.manager(), party: 'agency', ...signed }] });

    const [deliverable] = await waitFor('the stored deliverable', async () => {
      const stored = await harness.database.db.getRepository(Deliverable).findBy({ collaborationId: row.id });
      return stored.length ? stored : undefined;
    });
    expect((await handle.query(stateQuery)).deliverables).toBeUndefined();
    const draft = await handle.startUpdate(submitDraftUpdate, {
      args: [{ actor: drive.talentManager(), deliverableId: deliverable.id, assetUrl: 'https://drive.example/reel.mp4', caption: DISCLOSED_CAPTION }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const unknown = await handle.startUpdate(submitDraftUpdate, {
      args: [{ actor: drive.talentManager(), deliverableId: '00000000-0000-4000-8000-000000000000', assetUrl: 'https://drive.example/reel.mp4', caption: DISCLOSED_CAPTION }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    deliverablesStored.release();
    const afterDraft = await draft.result();
    expect(afterDraft.stage).toBe(CollaborationStage.InProduction);
    expect(afterDraft.deliverables![0]).toMatchObject({ deliverableId: deliverable.id, status: 'in_review' });
    expect(await updateRejection(unknown.result())).toMatchObject({
      type: 'InvalidDecision',
      message: "Deliverable 00000000-0000-4000-8000-000000000000 is not one of this booking's deliverables",
    });
  });
});
