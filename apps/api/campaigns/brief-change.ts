import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { EntityManager, In } from 'typeorm';
import { Collaboration } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import { BRIEF_REACKNOWLEDGEMENT_STAGES } from '../../../libs/domain/rules/stages';
import { briefChangedSignal } from '../../../workflows/messages';
import { toHttpError } from '../common/workflow-errors';

/**
 * Tells every booking of the campaign whose content is not final yet that the brief changed; each
 * workflow decides whether it asks for a fresh acknowledgement (only once it had one). Answers
 * the bookings told.
 */
export async function tellBookingsOfBriefChange(tx: EntityManager, client: Client, campaignId: string, actor: Actor): Promise<string[]> {
  const bookings = await tx.find(Collaboration, {
    where: { campaignId, stage: In([...BRIEF_REACKNOWLEDGEMENT_STAGES]) },
    select: { id: true, workflowId: true, briefAcknowledgedAt: true },
    order: { createdAt: 'ASC' },
  });
  const told: string[] = [];
  for (const booking of bookings) {
    if (!booking.workflowId) continue;
    try {
      await client.workflow.getHandle(booking.workflowId).signal(briefChangedSignal, { actor });
      told.push(booking.id);
      // What the workflow will ask for, on the row for the panel: only an acknowledged brief is acknowledged again.
      if (booking.briefAcknowledgedAt) await tx.update(Collaboration, { id: booking.id }, { briefChangedAt: new Date() });
    } catch (error) {
      // Never started (a row from before workflows) or just ended: nothing runs to be told.
      if (error instanceof WorkflowNotFoundError) continue;
      throw toHttpError(error, `Collaboration ${booking.id}`);
    }
  }
  return told;
}
