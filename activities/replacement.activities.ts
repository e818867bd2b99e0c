import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Brand, Campaign, Collaboration, Creator, ExclusivityWindow } from '../libs/domain/entities';
import { EscalationKind, EscalationSeverity } from '../libs/domain/rules/escalations';
import { rankReplacements, Replacement, ReplacementCandidate } from '../libs/domain/rules/replacements';
import type { Actor } from '../libs/domain/rules/roles';
import { TERMINAL_STAGES } from '../libs/domain/rules/stages';
import { CreatorStatus } from '../libs/domain/rules/statuses';
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
      ? shortlist.map((r, i) => `${i + 1}. @${r.name} — score ${r.score} (${r.reasons.join('; ')})${r.warnings.length ? ` ⚠ ${r.warnings.join('; ')}` : ''}`)
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

  private async shortlist(collaboration: Collaboration, campaign: Campaign, dropped: Creator, today: string): Promise<Replacement[]> {
    if (dropped.niches.length === 0) return [];
    const brand = await this.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
    const roster = await this.db
      .getRepository(Creator)
      .createQueryBuilder('creator')
      .where('creator.id <> :dropped', { dropped: dropped.id })
      .andWhere('creator.status = :active', { active: CreatorStatus.Active })
      .andWhere('creator.niches && :niches', { niches: dropped.niches })
      .orderBy('creator.id')
      .limit(CANDIDATE_LIMIT)
      .getMany();
    if (roster.length === 0) return [];
    const ids = roster.map((c) => c.id);
    const exclusivities = await this.db.getRepository(ExclusivityWindow).find({ where: { creatorId: In(ids), releasedAt: IsNull() }, relations: { brand: true } });
    const bookings = await this.db.getRepository(Collaboration).find({
      where: { creatorId: In(ids), stage: Not(In([...TERMINAL_STAGES])) },
      relations: { campaign: { brand: true } },
    });
    const candidates: ReplacementCandidate[] = roster.map((creator) => ({
      id: creator.id,
      name: creator.handle,
      status: creator.status,
      niches: creator.niches,
      channels: creator.channels,
      audience: creator.audience,
      baseRates: creator.baseRates,
      preferences: creator.preferences,
      availabilityBlocks: creator.availabilityBlocks.map(({ start, end }) => ({ start, end })),
      exclusivityWindows: exclusivities
        .filter((w) => w.creatorId === creator.id)
        .map((w) => ({
          start: w.startsOn,
          end: w.endsOn,
          category: w.category ?? undefined,
          brandId: w.brandId ?? undefined,
          brandName: w.brand?.name ?? w.brandName ?? undefined,
          holderCompetitorBrands: w.brand?.competitorBrands,
        })),
      activeBookings: bookings
        .filter((b) => b.creatorId === creator.id && b.campaign?.brand)
        .map((b) => ({
          collaborationId: b.id,
          campaignId: b.campaignId,
          brandName: b.campaign!.brand!.name,
          brandCategory: b.campaign!.brand!.category,
          campaignWindow: { start: b.campaign!.startsOn, end: b.campaign!.endsOn },
        })),
    }));
    try {
      return rankReplacements({
        droppedCreatorId: dropped.id,
        campaign: {
          id: campaign.id,
          brand: { id: brand.id, name: brand.name, category: brand.category, competitorCategories: brand.competitorCategories, competitorBrands: brand.competitorBrands },
          window: { start: campaign.startsOn, end: campaign.endsOn },
          niches: dropped.niches,
          targetAudience: Object.keys(campaign.targetAudience ?? {}).length ? campaign.targetAudience : undefined,
        },
        candidates,
        // Only the rest of the window needs covering; once it has passed, all of it is judged.
        today: today <= campaign.endsOn ? today : undefined,
        limit: 5,
      });
    } catch (error) {
      // A shortlist is advice: the dropout and its escalation must go ahead without one.
      this.logger.warn(`no replacement shortlist for collaboration ${collaboration.id}: ${(error as Error).message}`);
      return [];
    }
  }
}
