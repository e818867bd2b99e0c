import { WorkflowHandle } from '@temporalio/client';
import { Escalation } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution, RESOLUTIONS_BY_KIND } from '../../libs/domain/rules/escalations';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { waitFor } from '../../scripts/lib/ports';
import { CollaborationState, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { DISCLOSED_CAPTION, lifecycleDriver } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * Every lapse that a manager decides on, with every choice it allows (RESOLUTIONS_BY_KIND), on a
 * real Temporal dev server: the escalation is raised, the choice is recorded on it, and the
 * workflow does what the choice says — EXTEND moves that deadline and keeps waiting, DROP ends
 * the booking, ACCEPT takes the draft as it is. (BRIEF_ACK_OVERDUE and CONFLICT are covered in
 * escalations-and-dropout.spec.ts, PAYOUT_OVERDUE in payout.spec.ts.)
 */
describe('collaboration workflow: each lapse and each way to resolve it', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const oneReel = (draftDueInMs: number, scheduledPostInMs = 10 * 86_400_000) => [
    {
      type: DeliverableType.Reel,
      platform: Platform.Instagram,
      draftDueAt: new Date(Date.now() + draftDueInMs).toISOString(),
      scheduledPostAt: new Date(Date.now() + scheduledPostInMs).toISOString(),
    },
  ];

  interface Lapsed {
    handle: WorkflowHandle;
    /** The deadline an EXTEND moves. */
    deadline: (state: CollaborationState) => string | undefined;
  }

  /** How each kind is made to lapse: shortened SLAs, or a due date a moment away. */
  const lapses: Partial<Record<EscalationKind, () => Promise<Lapsed>>> = {
    [EscalationKind.NegotiationStalled]: async () => {
      const { handle } = await drive().toNegotiating({ sla: { negotiation: 500 } });
      return { handle, deadline: named('negotiation') };
    },
    [EscalationKind.ContractUnsigned]: async () => {
      const { handle } = await drive().toContracting({ sla: { contractReminder: 300, contractEscalation: 600 } });
      return { handle, deadline: named('contractEscalation') };
    },
    [EscalationKind.DraftOverdue]: async () => {
      // Due before production starts: the draft gets its one-second grace, then escalates.
      const { handle, deliverables } = await drive().toProduction({ deliverables: oneReel(500) });
      return { handle, deadline: named(`draftDue:${deliverables[0].deliverableId}`) };
    },
    [EscalationKind.ReviewOverdue]: async () => {
      const { handle, deliverables } = await drive().toProduction({ sla: { draftReview: 700 } satisfies Partial<SlaPolicy>, deliverables: oneReel(86_400_000) });
      await drive().submitDraft(handle, deliverables[0].deliverableId);
      return { handle, deadline: named(`review:${deliverables[0].deliverableId}`) };
    },
    [EscalationKind.RevisionLimit]: async () => {
      const { handle, deliverables } = await drive().toProduction({ deliverables: oneReel(86_400_000) });
      const id = deliverables[0].deliverableId;
      // Two included rounds, then changes are asked for a third time.
      for (const version of [1, 2, 3]) {
        await drive().submitDraft(handle, id, DISCLOSED_CAPTION, version);
        await drive().reviewDraft(handle, id, version, 'request_changes', `Round ${version}: closer shot`);
      }
      return { handle, deadline: () => undefined };
    },
    [EscalationKind.PostingMissed]: async () => {
      const { handle, deliverables } = await drive().toPosting({ sla: { postingWindow: 500 }, deliverables: oneReel(1_000, 2_000), terms: { killFeeBps: 0 } });
      return { handle, deadline: named(`postBy:${deliverables[0].deliverableId}`) };
    },
  };

  function named(prefix: string) {
    return (state: CollaborationState) => state.deadlines.find((d) => d.name.startsWith(prefix))?.dueAt;
  }

  const cases = (Object.keys(lapses) as EscalationKind[]).flatMap((kind) => RESOLUTIONS_BY_KIND[kind].map((resolution) => [kind, resolution] as const));

  it('covers every choice of every lapse it drives', () => {
    expect(cases).toHaveLength(12);
  });

  it.each(cases)('%s resolved with %s', async (kind, resolution) => {
    const { handle, deadline } = await lapses[kind]!();
    const open = await waitFor(kind, async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === kind), 30_000);
    const before = await handle.query(stateQuery);
    const reason = `Manager chose ${resolution}`;
    const after = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: drive().manager(), escalationId: open.escalationId, resolution, reason, ...(resolution === EscalationResolution.Extend ? { extendBy: '2h' } : {}) }],
    });

    const [stored] = await harness.database.db.getRepository(Escalation).findBy({ id: open.escalationId });
    expect(stored).toMatchObject({ status: 'resolved', resolvedById: harness.team.manager.id });
    expect(stored.resolution).toBe(`${resolution}: ${reason}`);
    expect(after.openEscalations.map((e) => e.escalationId)).not.toContain(open.escalationId);

    if (resolution === EscalationResolution.Extend) {
      expect(after.stage).toBe(before.stage);
      if (kind === EscalationKind.RevisionLimit) {
        // One more round: the creator revises and the next draft is reviewed as usual.
        expect(after.deliverables![0]).toMatchObject({ status: 'changes_requested', maxRevisions: 3 });
      } else {
        // The same wait goes on, now two hours out.
        expect(Date.parse(deadline(after)!)).toBeGreaterThan(Date.now() + 90 * 60_000);
      }
    } else if (resolution === EscalationResolution.Drop) {
      expect(after.stage).toBe(CollaborationStage.Dropped);
      expect(after.dropout).toMatchObject({ actor: drive().manager(), reason });
      await waitFor('CREATOR_DROPPED for a replacement', async () =>
        (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped),
      );
    } else {
      // ACCEPT: the draft is taken as it is.
      expect(resolution).toBe(EscalationResolution.Accept);
      expect(after.deliverables![0]).toMatchObject({ status: 'approved' });
      await harness.reachStage(handle, CollaborationStage.Posting);
    }
  });
});
