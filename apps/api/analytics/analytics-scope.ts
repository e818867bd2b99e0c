import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Brand, Campaign, Creator } from '../../../libs/domain/entities';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { InsightScopes } from '../kpis/scope';
import { RecordReach } from '../users/record-reach';

export type AnalyticsKind = 'creators' | 'campaigns' | 'brands' | 'executives' | 'teams';
export const ANALYTICS_KINDS: readonly AnalyticsKind[] = ['creators', 'campaigns', 'brands', 'executives', 'teams'];

/**
 * What an analytics page counts, as SQL conditions: `sales` on creator_sales `s` joined with
 * its creator `cr`; `collaborations` on collaborations `c` joined with its campaign `ca`. `$1`
 * is always `ids`. `children` says what the table below lists.
 */
export interface AnalyticsScope {
  kind: AnalyticsKind;
  id: string;
  name: string;
  ids: string[];
  sales: string;
  collaborations: string;
  children: 'collaborations' | 'campaigns' | 'creators' | 'executives';
}

/**
 * Resolves an analytics page's entity and checks the reader may see it: a creator by its
 * owner, a campaign by its owner, an executive or a team like the KPI board (INSIGHT_READ); a
 * brand's figures span every team, so managers, finance and admins read them.
 */
@Injectable()
export class AnalyticsScopes {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
    private readonly people: InsightScopes,
  ) {}

  async resolve(actor: Actor, kind: AnalyticsKind, id: string): Promise<AnalyticsScope> {
    switch (kind) {
      case 'creators': {
        const creator = await this.db.getRepository(Creator).findOneBy({ id });
        if (!creator) throw new NotFoundException(`Creator ${id} does not exist`);
        await this.reach.require(actor, INSIGHT_READ, creator.ownerId, `The figures of ${creator.name}`);
        return { kind, id, name: creator.name, ids: [id], sales: `s."creatorId" = ANY($1)`, collaborations: `c."creatorId" = ANY($1)`, children: 'collaborations' };
      }
      case 'campaigns': {
        const campaign = await this.db.getRepository(Campaign).findOneBy({ id });
        if (!campaign) throw new NotFoundException(`Campaign ${id} does not exist`);
        await this.reach.require(actor, INSIGHT_READ, campaign.ownerId, `The figures of campaign ${campaign.name}`);
        // Sales attributed to a campaign: its creators' sales for its brand, within its window.
        return {
          kind, id, name: campaign.name, ids: [id],
          sales: `s."brandId" = (SELECT "brandId" FROM "campaigns" WHERE "id" = ($1::uuid[])[1])
                  AND s."creatorId" IN (SELECT "creatorId" FROM "collaborations" WHERE "campaignId" = ANY($1))
                  AND s."date" BETWEEN (SELECT "startsOn" FROM "campaigns" WHERE "id" = ($1::uuid[])[1]) AND (SELECT "endsOn" FROM "campaigns" WHERE "id" = ($1::uuid[])[1])`,
          collaborations: `c."campaignId" = ANY($1)`,
          children: 'collaborations',
        };
      }
      case 'brands': {
        const brand = await this.db.getRepository(Brand).findOneBy({ id });
        if (!brand) throw new NotFoundException(`Brand ${id} does not exist`);
        if (actor.role === Role.TalentManager) throw new ForbiddenException(`A brand's figures span every team; a talent manager sees their own creators' and campaigns' instead`);
        return { kind, id, name: brand.name, ids: [id], sales: `s."brandId" = ANY($1)`, collaborations: `ca."brandId" = ANY($1)`, children: 'campaigns' };
      }
      case 'executives':
      case 'teams': {
        const scope = await this.people.resolve(actor, kind === 'teams' ? 'team' : 'executive', id);
        return {
          kind, id, name: scope.name, ids: scope.members,
          sales: `cr."ownerId" = ANY($1)`,
          collaborations: `c."talentManagerId" = ANY($1)`,
          children: kind === 'teams' ? 'executives' : 'creators',
        };
      }
    }
  }

}
