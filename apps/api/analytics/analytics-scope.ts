import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Brand, Campaign, Creator } from '../../../libs/domain/entities';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { InsightScopes } from '../kpis/scope';
import { RecordReach } from '../users/record-reach';
import { ANALYTICS_KINDS, ENTITY_CHOICES_LIMIT, type AnalyticsChildren, type AnalyticsKind, type EntityChoice } from './analytics-page.component';

export { ANALYTICS_KINDS, type AnalyticsKind };

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
  children: AnalyticsChildren;
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
          // Sales follow the creator's current owner (docs/metrics.md). As an array of creator
          // ids the planner drives the sales index instead of hashing every creator's sales.
          sales: `s."creatorId" = ANY(ARRAY(SELECT "id" FROM "creators" WHERE "ownerId" = ANY($1)))`,
          collaborations: `c."talentManagerId" = ANY($1)`,
          children: kind === 'teams' ? 'executives' : 'creators',
        };
      }
    }
  }

  /**
   * The entities of a kind whose figures the actor may read, matching `search` (name, handle):
   * creators and campaigns by their owner, talent managers and teams like the KPI board, brands
   * for everyone but a talent manager. At most ENTITY_CHOICES_LIMIT; `note` says when cut short or empty.
   */
  async choices(actor: Actor, kind: AnalyticsKind, search = ''): Promise<{ entities: EntityChoice[]; note: string | null }> {
    const owners = await this.reach.owners(actor, INSIGHT_READ);
    const like = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // $1: the owners reached (null: all), $2: the search pattern, $3: the limit (one more, to tell a cut list).
    const params = [owners === 'all' ? null : owners, like, ENTITY_CHOICES_LIMIT + 1];
    let rows: EntityChoice[];
    switch (kind) {
      case 'creators':
        rows = await this.db.query(
          `SELECT cr."id", cr."name", '@' || cr."handle" || ' · ' || cr."status" AS "detail" FROM "creators" cr
            WHERE ($1::uuid[] IS NULL OR cr."ownerId" = ANY($1)) AND (cr."name" ILIKE $2 OR cr."handle" ILIKE $2)
            ORDER BY cr."name", cr."id" LIMIT $3`,
          params,
        );
        break;
      case 'campaigns':
        rows = await this.db.query(
          `SELECT ca."id", ca."name", b."name" || ' · ' || ca."startsOn" || ' – ' || ca."endsOn" AS "detail" FROM "campaigns" ca JOIN "brands" b ON b."id" = ca."brandId"
            WHERE ($1::uuid[] IS NULL OR ca."ownerId" = ANY($1)) AND (ca."name" ILIKE $2 OR b."name" ILIKE $2)
            ORDER BY ca."startsOn" DESC, ca."name" LIMIT $3`,
          params,
        );
        break;
      case 'brands':
        if (actor.role === Role.TalentManager) return { entities: [], note: "A brand's figures span every team: a talent manager sees their own creators' and campaigns' instead." };
        rows = await this.db.query(
          `SELECT b."id", b."name", coalesce(b."category", '') AS "detail" FROM "brands" b WHERE b."name" ILIKE $1 ORDER BY b."name" LIMIT $2`,
          params.slice(1),
        );
        break;
      case 'executives':
      case 'teams': {
        const role = kind === 'teams' ? Role.Manager : Role.TalentManager;
        if (kind === 'teams' && actor.role === Role.TalentManager) return { entities: [], note: 'A team is the tree below a manager: a talent manager sees their own figures (Talent manager).' };
        rows = await this.db.query(
          `SELECT u."id", u."name", replace(u."role", '_', ' ') AS "detail" FROM "users" u
            WHERE u."active" AND u."role" = $4 AND ($1::uuid[] IS NULL OR u."id" = ANY($1)) AND u."name" ILIKE $2
            ORDER BY u."name" LIMIT $3`,
          [...params, role],
        );
        break;
      }
    }
    const cut = rows.length > ENTITY_CHOICES_LIMIT;
    const entities = rows.slice(0, ENTITY_CHOICES_LIMIT).map((row) => ({ id: row.id, name: row.name, detail: row.detail ?? '' }));
    const note = cut ? `The first ${ENTITY_CHOICES_LIMIT}: search to narrow the list.` : entities.length ? null : search.trim() ? `Nothing matches "${search.trim()}" within your reach.` : 'Nothing of this kind within your reach.';
    return { entities, note };
  }
}
