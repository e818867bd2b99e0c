import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Deliverable, DraftSubmission } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { DisclosureFacts } from '../../../libs/domain/rules/disclosure-facts';
import { markPostedUpdate, reviewDraftUpdate, submitDraftUpdate, type CollaborationState } from '../../../workflows/messages';
import { CollaborationDecisions } from '../collaborations/collaboration-decisions';

/** A collaboration's deliverables: drafts, reviews and the live post (the REST API and the panel). */
@Injectable()
export class DeliverablesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: CollaborationDecisions,
  ) {}

  /** The collaboration's deliverables with their draft versions. */
  async deliverables(id: string): Promise<(Deliverable & { drafts: DraftSubmission[] })[]> {
    await this.decisions.findOne(id);
    const deliverables = await this.db.getRepository(Deliverable).find({ where: { collaborationId: id }, order: { draftDueAt: 'ASC', type: 'ASC' } });
    const drafts = deliverables.length
      ? await this.db.getRepository(DraftSubmission).find({ where: deliverables.map((d) => ({ deliverableId: d.id })), order: { version: 'ASC' } })
      : [];
    return deliverables.map((d) => Object.assign(d, { drafts: drafts.filter((draft) => draft.deliverableId === d.id) }));
  }

  async submitDraft(
    id: string,
    deliverableId: string,
    actor: Actor,
    draft: { assetUrl: string; caption: string; paidPartnershipLabel?: boolean } & DisclosureFacts,
    requestId?: string,
  ): Promise<CollaborationState> {
    await this.requireDeliverable(id, deliverableId);
    return this.decisions.decide(id, submitDraftUpdate, { actor, deliverableId, ...draft }, requestId);
  }

  async reviewDraft(
    id: string,
    deliverableId: string,
    version: number,
    actor: Actor,
    review: { decision: 'approve' | 'request_changes'; feedback?: string },
    requestId?: string,
  ): Promise<CollaborationState> {
    await this.requireDeliverable(id, deliverableId);
    return this.decisions.decide(id, reviewDraftUpdate, { actor, deliverableId, version, ...review }, requestId);
  }

  /** A deliverable reported live; the workflow verifies the URL and the caption as posted. */
  async markPosted(
    id: string,
    deliverableId: string,
    actor: Actor,
    post: { liveUrl: string; caption: string; paidPartnershipLabel?: boolean; postedAt?: string } & DisclosureFacts,
    requestId?: string,
  ): Promise<CollaborationState> {
    await this.requireDeliverable(id, deliverableId);
    return this.decisions.decide(id, markPostedUpdate, { actor, deliverableId, ...post }, requestId);
  }

  /** A deliverable id in the path that is not one of this collaboration's is unknown here: 404, like any unknown id. */
  private async requireDeliverable(id: string, deliverableId: string): Promise<void> {
    const exists = await this.db.getRepository(Deliverable).existsBy({ id: deliverableId, collaborationId: id });
    if (!exists) throw new NotFoundException(`Deliverable ${deliverableId} does not exist on collaboration ${id}`);
  }
}
