import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Brand, Campaign, Collaboration, Creator, ExclusivityWindow } from '../libs/domain/entities';
import { Conflict, findConflicts, hasBlockingConflict } from '../libs/domain/rules/conflicts';
import { TERMINAL_STAGES } from '../libs/domain/rules/stages';
import { requireCollaboration } from './booking-record';

export interface ConflictReport {
  blocking: boolean;
  /** One line per conflict, for the escalation and the history. */
  summary: string;
  conflicts: { kind: string; severity: 'blocking' | 'warning'; message: string }[];
}

/**
 * CONFLICT_CHECK (docs/domain.md#the-collaboration-lifecycle): the creator's exclusivity windows, concurrent collaborations with
 * competitors, availability and refused categories, against this campaign's brand and window.
 * Run again before contracting with `negotiated`: the data may have moved since the brief, and
 * the exclusivity the agreed terms grant is checked against the creator's other bookings and windows.
 * Messages name brands and dates, never the creator (workflow histories hold no personal data).
 */
@Injectable()
export class ConflictActivities {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async checkConflicts(input: { collaborationId: string; negotiated?: boolean }): Promise<ConflictReport> {
    const collaboration = await requireCollaboration(this.db.manager, input.collaborationId);
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    const brand = await this.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
    const creator = await this.db.getRepository(Creator).findOneByOrFail({ id: collaboration.creatorId });
    const exclusivities = await this.db.getRepository(ExclusivityWindow).find({
      where: { creatorId: creator.id, releasedAt: IsNull() },
      relations: { brand: true, sourceContract: true },
      order: { startsOn: 'ASC', createdAt: 'ASC' },
    });
    const others = await this.db.getRepository(Collaboration).find({
      where: { creatorId: creator.id, id: Not(collaboration.id), stage: Not(In([...TERMINAL_STAGES])) },
      relations: { campaign: { brand: true } },
      order: { createdAt: 'ASC' },
    });
    const registered = new Set(exclusivities.map((w) => w.sourceContract?.collaborationId).filter(Boolean));

    const conflicts = findConflicts({
      campaignWindow: { start: campaign.startsOn, end: campaign.endsOn },
      brand: {
        id: brand.id,
        name: brand.name,
        category: brand.category,
        competitorCategories: brand.competitorCategories,
        competitorBrands: brand.competitorBrands,
      },
      creator: {
        id: creator.id,
        status: creator.status,
        preferences: creator.preferences,
        // Dates only: a block's reason (a holiday, an illness) is private to the creator.
        availabilityBlocks: creator.availabilityBlocks.map(({ start, end }) => ({ start, end })),
      },
      exclusivityWindows: [
        ...exclusivities.map((w) => ({
          start: w.startsOn,
          end: w.endsOn,
          category: w.category ?? undefined,
          brandId: w.brandId ?? undefined,
          brandName: w.brand?.name ?? w.brandName ?? undefined,
          holderCompetitorBrands: w.brand?.competitorBrands,
          sourceContractId: w.sourceContractId ?? undefined,
        })),
        // Exclusivity agreed on another booking binds from its execution; until then it is about to.
        ...others
          .filter((other) => other.exclusivity && other.campaign?.brand && !registered.has(other.id))
          .map((other) => ({
            start: other.exclusivity!.start,
            end: other.exclusivity!.end,
            category: other.exclusivity!.category,
            brandId: other.campaign!.brand!.id,
            brandName: other.campaign!.brand!.name,
            holderCompetitorBrands: other.campaign!.brand!.competitorBrands,
            sourceCollaborationId: other.id,
          })),
      ],
      activeBookings: others
        .filter((other) => other.campaign?.brand)
        .map((other) => ({
          collaborationId: other.id,
          campaignId: other.campaignId,
          brandId: other.campaign!.brand!.id,
          brandName: other.campaign!.brand!.name,
          brandCategory: other.campaign!.brand!.category,
          brandCompetitorBrands: other.campaign!.brand!.competitorBrands,
          campaignWindow: { start: other.campaign!.startsOn, end: other.campaign!.endsOn },
        })),
      negotiatedExclusivity: input.negotiated ? collaboration.exclusivity : undefined,
    });
    return report(conflicts);
  }
}

function report(conflicts: Conflict[]): ConflictReport {
  const lines = conflicts.map((c) => ({ kind: c.kind, severity: c.severity, message: c.message }));
  return {
    blocking: hasBlockingConflict(conflicts),
    summary: lines.length ? lines.map((l) => `${l.severity === 'blocking' ? 'Blocking' : 'Warning'}: ${l.message}`).join('\n') : 'No conflicts found.',
    conflicts: lines,
  };
}
