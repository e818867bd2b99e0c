import { ApplicationFailure } from '@temporalio/common';
import { EntityManager } from 'typeorm';
import { findById } from '../libs/db/entity-rows';
import { Collaboration } from '../libs/domain/entities';

/**
 * The collaboration an activity works on. A missing row fails the activity for good: retrying cannot
 * make it appear.
 */
export async function requireCollaboration(manager: EntityManager, id: string): Promise<Collaboration> {
  const collaboration = await findById(manager, Collaboration, id);
  if (!collaboration) throw ApplicationFailure.nonRetryable(`Collaboration ${id} does not exist`, 'CollaborationNotFound');
  return collaboration;
}
