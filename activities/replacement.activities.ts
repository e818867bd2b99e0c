import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Campaign, Collaboration, Creator, User } from '../libs/domain/entities';
import { EscalationKind, EscalationSeverity } from '../libs/domain/rules/escalations';
import { FactorWeights, RankedCreator, recommendCreators, resolveWeights } from '../libs/domain/rules/recommendation';
import { Actor, Role } from '../libs/domain/rules/roles';
import { loadRecommendationInput } from '../libs/insight/candidates';
import { requireCollaboration } from './booking-record';
import { CollaborationActivities } from './collaboration.activities';

export interface EscalateDropoutInput {
  collaborationId: string;
  reason: string;
  actor: Actor;
  at: string;
  eventKey: string;
}

/** How many candidates the replacement ranking reads at most; the roster is filtered by niche first. */
const CANDIDATE_LIMIT = 300;

/**
 * When a creator drops out, the manager gets a CREATOR_DROPPED escalation with a shortlist of
 * available, conflict-free creators in the same niche, each with why it ranks where it does.
 * Handles and names stay in the database: the workflow only learns the escalation's id.
 */
@Injectable()
export class ReplacementActivities {
  private readonly logger = new Logger(ReplacementActivities.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collaborations: CollaborationActivities,
  ) {}

  async escalateDropout(input: EscalateDropoutInput): Promise<string> {
    const collaboration = await requireCollaboration(this.db.manager, input.collaborationId);
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    const dropped = await this.db.getRepository(Creator).findOneByOrFail({ id: collaboration.creatorId });
    const shortlist = await this.shortlist(collaboration, campaign, dropped, input.at.slice(0, 10));
    const lines = shortlist.length
      ? shortlist.map((r, i) => `${i + 1}. @${r.handle} — score ${r.score} (${why(r)})`)
      : ['No available, conflict-free creator in the same niche was found.'];
    const summary = [`@${dropped.handle} dropped out of "${campaign.name}": ${input.reason}`, 'Replacement shortlist:', ...lines].join('\n');
    return this.collaborations.escalate({
      collaborationId: collaboration.id,
      kind: EscalationKind.CreatorDropped,
      severity: EscalationSeverity.High,
      summary,
      at: input.at,
      eventKey: input.eventKey,
    });
  }

  /**
   * The same ranking as GET /campaigns/:id/candidates (docs/metrics.md#creator-recommendations),
   * over active creators sharing a niche with the one who dropped out, for what is left of the window.
   */
  private async shortlist(collaboration: Collaboration, campaign: Campaign, dropped: Creator, today: string): Promise<Shortlisted[]> {
    const niches = campaign.targetNiches?.length ? campaign.targetNiches : dropped.niches;
    if (niches.length === 0) return [];
    try {
      const input = await loadRecommendationInput(this.db.manager, campaign, {
        asOf: new Date(),
        owners: 'all',
        sharingNiches: niches,
        poolLimit: CANDIDATE_LIMIT,
        leaveOut: [dropped.id],
      });
      // Only the rest of the window needs covering; once it has passed, all of it is judged.
      const window = today > campaign.startsOn && today <= campaign.endsOn ? { start: today, end: campaign.endsOn } : input.campaign.window;
      const { items } = recommendCreators({
        ...input,
        campaign: { ...input.campaign, window, niches },
        // The dropped creator's audience is no overlap to avoid: they are leaving.
        booked: (input.booked ?? []).filter((b) => b.creatorId !== dropped.id),
        weights: await this.teamWeights(campaign.ownerId),
        limit: 5,
      });
      if (items.length === 0) return [];
      const handles = new Map((await this.db.getRepository(Creator).findBy({ id: In(items.map((i) => i.creatorId)) })).map((c) => [c.id, c.handle]));
      return items.map((item) => ({ ...item, handle: handles.get(item.creatorId) ?? item.name }));
    } catch (error) {
      // A shortlist is advice: the dropout and its escalation must go ahead without one.
      this.logger.warn(`no replacement shortlist for collaboration ${collaboration.id}: ${(error as Error).message}`);
      return [];
    }
  }

  /** The campaign owner's team weights (their own as a manager, else their manager's). */
  private async teamWeights(ownerId: string): Promise<Partial<FactorWeights> | undefined> {
    const owner = await this.db.getRepository(User).findOneBy({ id: ownerId });
    const lead = owner && owner.role !== Role.Manager && owner.role !== Role.Admin && owner.managerId ? await this.db.getRepository(User).findOneBy({ id: owner.managerId }) : owner;
    try {
      return resolveWeights(lead?.recommendationWeights);
    } catch {
      return undefined;
    }
  }
}

type Shortlisted = RankedCreator & { handle: string };

/** The three factors that added most, in words, so the manager sees why without opening the ranking. */
function why(item: RankedCreator): string {
  return [...item.factors]
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3)
    .map((factor) => `${factor.name} +${factor.contribution}: ${factor.explanation}`)
    .join('; ');
}
