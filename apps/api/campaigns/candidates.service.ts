import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { Campaign, User } from '../../../libs/domain/entities';
import { loadRecommendationInput } from '../../../libs/insight/candidates';
import { FactorWeights, Recommendation, recommendCreators, resolveWeights } from '../../../libs/domain/rules/recommendation';
import { OPERATIONS_WRITE } from '../../../libs/domain/rules/reach';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { CampaignStatus } from '../../../libs/domain/rules/statuses';
import { RecordReach } from '../users/record-reach';

/**
 * Creator recommendations for a campaign (docs/metrics.md#creator-recommendations): the pool is
 * the creators the caller may book (their reach), ranked by the pure rule with the team's weights.
 */
@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
  ) {}

  async rank(campaignId: string, actor: Actor, limit: number): Promise<Recommendation> {
    const campaign = await this.db.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) throw new NotFoundException(`Campaign ${campaignId} does not exist`);
    const owners = await this.reach.owners(actor, OPERATIONS_WRITE);
    const input = await loadRecommendationInput(this.db.manager, campaign, { asOf: new Date(), owners });
    return recommendCreators({ ...input, weights: await this.weightsFor(actor), limit });
  }

  /**
   * Running campaigns, newest first: the Find creators page's picker. Every campaign, as in the
   * panel's list: who may be booked is the creators' reach, not the campaign's owner.
   */
  async campaignChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
    if (actor.role === Role.Finance) return [];
    const rows = await this.db
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .select(['c.id', 'c.name', 'c.startsOn'])
      .where('c.status = :active', { active: CampaignStatus.Active })
      .orderBy('c.startsOn', 'DESC')
      .addOrderBy('c.name', 'ASC')
      .limit(200)
      .getMany();
    return rows.map((c) => ({ id: c.id, name: c.name }));
  }

  /** The team's weights: a manager's own, a talent manager's manager's; the defaults when none are stored. */
  async weightsFor(actor: Actor): Promise<FactorWeights> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.userId });
    const lead = user && user.role !== Role.Manager && user.role !== Role.Admin && user.managerId ? await this.db.getRepository(User).findOneBy({ id: user.managerId }) : user;
    try {
      return resolveWeights(lead?.recommendationWeights);
    } catch {
      // Stored weights are checked when set; a row edited by hand falls back rather than failing every ranking.
      return resolveWeights(null);
    }
  }

  /** A manager (or admin) sets the weights for their team; checked to sum to 1. */
  async setWeights(actor: Actor, weights: Record<string, number>): Promise<FactorWeights> {
    let resolved: FactorWeights;
    try {
      resolved = resolveWeights(weights);
    } catch (error) {
      throw new BadRequestException((error as Error).message);
    }
    await this.db.transaction(async (tx) => {
      const before = await tx.findOneByOrFail(User, { id: actor.userId });
      await tx.update(User, { id: actor.userId }, { recommendationWeights: resolved });
      await appendAudit(tx, { actor, action: 'recommendation_weights.set', entity: 'User', entityId: actor.userId, before: { weights: before.recommendationWeights }, after: { weights: resolved } });
    });
    return resolved;
  }
}
