import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnderperformerFlag } from '../../../libs/domain/entities';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { Page, pageOf, withinOwners } from '../common/list-query';
import { RecordReach } from '../users/record-reach';
import type { FlagStatus, UnderperformerFlagDto } from './underperformer.dto';

const FLAG_SORT = { raisedOn: 'f.raisedOn' } as const;

/**
 * The stored underperformer flags (made by the daily Schedule, docs/metrics.md#underperformer-flags)
 * within the reader's reach: a creator's flags reach whoever reaches the creator's owner, a
 * campaign's whoever reaches its owner (the insight reach).
 */
@Injectable()
export class UnderperformersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
  ) {}

  async list(actor: Actor, status: FlagStatus, page: { limit?: number; offset?: number }): Promise<Page<UnderperformerFlagDto>> {
    const rows = withinOwners(this.db.getRepository(UnderperformerFlag).createQueryBuilder('f'), 'f.ownerId', await this.reach.owners(actor, INSIGHT_READ));
    if (status === 'open') rows.andWhere('f.clearedOn IS NULL');
    if (status === 'cleared') rows.andWhere('f.clearedOn IS NOT NULL');
    const found = await pageOf(rows, { ...page, sort: '-raisedOn' }, FLAG_SORT, '-raisedOn');
    const names = await this.names(found.items);
    return { ...found, items: found.items.map((flag) => ({ ...UnderperformersService.forApi(flag), subjectName: names.get(flag.subjectId) ?? flag.subjectId })) };
  }

  private async names(flags: UnderperformerFlag[]): Promise<Map<string, string>> {
    const ids = (kind: string) => [...new Set(flags.filter((f) => f.subjectKind === kind).map((f) => f.subjectId))];
    const [creators, campaigns]: Array<Array<{ id: string; name: string }>> = await Promise.all([
      ids('creator').length ? this.db.query(`SELECT "id", "name" FROM "creators" WHERE "id" = ANY($1)`, [ids('creator')]) : [],
      ids('campaign').length ? this.db.query(`SELECT "id", "name" FROM "campaigns" WHERE "id" = ANY($1)`, [ids('campaign')]) : [],
    ]);
    return new Map([...creators, ...campaigns].map((row) => [row.id, row.name]));
  }

  private static forApi(flag: UnderperformerFlag): Omit<UnderperformerFlagDto, 'subjectName'> {
    const { id, subjectKind, subjectId, metric, observed, baseline, basis, since, suggestion, explanation, currency, raisedOn, evaluatedOn, clearedOn } = flag;
    return { id, subjectKind, subjectId, metric, observed, baseline, basis, since, suggestion, explanation, currency, raisedOn, evaluatedOn, clearedOn };
  }
}
