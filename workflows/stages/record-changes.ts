import { patched, setHandler } from '@temporalio/workflow';
import { BRIEF_REACKNOWLEDGEMENT_STAGES } from '../../libs/domain/rules/stages';
import type { Actor } from '../../libs/domain/rules/roles';
import type { CollaborationLifecycle } from '../collaboration-lifecycle';
import { briefChangedSignal, talentManagerChangedSignal } from '../messages';

/**
 * Edits of the records a running booking depends on (docs/workflow-stages.md#record-changes):
 * the campaign's brief, and who runs the booking. Both arrive as signals from the API, which has
 * already saved the edit; runs from before these existed never receive them, and the patches mark
 * where a run first acted on one.
 */
export function handleRecordChanges(collaboration: CollaborationLifecycle): void {
  setHandler(briefChangedSignal, ({ actor }) => {
    if (!patched('brief-reacknowledgement')) return;
    // Not acknowledged yet: the acknowledgement to come is of the brief as it then is. From
    // POSTING on the content is final, so an edit no longer reaches it.
    if (!collaboration.state.briefAcknowledgedAt || !BRIEF_REACKNOWLEDGEMENT_STAGES.includes(collaboration.stage)) return;
    collaboration.briefChanges += 1;
    collaboration.state.briefChangedAt = collaboration.now();
    collaboration.record('brief.changed', actor);
  });

  setHandler(talentManagerChangedSignal, ({ actor, talentManagerId }) => {
    if (!patched('talent-manager-reassignment')) return;
    if (typeof talentManagerId !== 'string' || talentManagerId === collaboration.talentManagerId) return;
    collaboration.state.talentManagerId = talentManagerId;
    collaboration.record('talent_manager.changed', actor);
  });
}

/**
 * A fresh acknowledgement of a changed brief, in whatever stage the booking is: clears the pending
 * change and dates the acknowledgement on the row. Repeating it once cleared changes nothing.
 */
export async function reacknowledgeBrief(collaboration: CollaborationLifecycle, actor: Actor): Promise<void> {
  if (!collaboration.state.briefChangedAt) return;
  const at = collaboration.now();
  collaboration.state.briefChangedAt = undefined;
  collaboration.state.briefAcknowledgedAt = at;
  collaboration.record('brief.reacknowledged', actor);
  await collaboration.recordBriefAcknowledgement(actor, at, `brief-reacknowledged:${collaboration.briefChanges}`);
}
