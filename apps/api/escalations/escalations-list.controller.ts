import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Escalation } from '../../../libs/domain/entities';
import { EscalationKind, EscalationStatus } from '../../../libs/domain/rules/escalations';
import { BOOKING_ACT } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { IsSort, ListQueryDto, Page, PageDto, pageOf, YES_NO, type YesNo } from '../common/list-query';
import { CurrentActor } from '../users/api-auth.guard';
import { RecordReach } from '../users/record-reach';

const ESCALATION_SORT = { raisedAt: 'e.raisedAt', severity: 'e.severity' } as const;

export class EscalationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: YES_NO, description: 'true: not resolved yet; false: resolved' })
  @IsOptional() @IsIn(YES_NO, { message: 'open must be true or false' })
  open?: YesNo;

  @ApiPropertyOptional({ enum: YES_NO, description: 'true: assigned to me' })
  @IsOptional() @IsIn(YES_NO, { message: 'mine must be true or false' })
  mine?: YesNo;

  @ApiPropertyOptional({ enum: EscalationKind }) @IsOptional() @IsEnum(EscalationKind)
  kind?: EscalationKind;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ enum: ['raisedAt', '-raisedAt', 'severity', '-severity'], default: '-raisedAt' }) @IsOptional() @IsSort(Object.keys(ESCALATION_SORT))
  sort?: string;
}

class EscalationPageDto extends PageDto {
  @ApiProperty({ type: [Escalation] }) items: Escalation[];
}

/**
 * Escalations on the bookings within the actor's reach (the reach of deciding on them), and a
 * campaign's own escalations within the reach of its owner.
 */
@ApiTags('escalations')
@ApiBasicAuth()
@Controller('escalations')
export class EscalationsListController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
  ) {}

  @Get()
  @ApiOkResponse({ type: EscalationPageDto })
  async list(@Query() query: EscalationListQueryDto, @CurrentActor() actor: Actor): Promise<Page<Escalation>> {
    const owners = await this.reach.owners(actor, BOOKING_ACT);
    const rows = this.db.getRepository(Escalation).createQueryBuilder('e').leftJoin('e.collaboration', 'c').leftJoin('e.campaign', 'ca');
    if (owners !== 'all') {
      rows.andWhere('(c.talentManagerId IN (:...owners) OR (e.collaborationId IS NULL AND ca.ownerId IN (:...owners)))', { owners: owners.length ? owners : [null] });
    }
    if (query.open) rows.andWhere(`e.status ${query.open === 'true' ? '<>' : '='} :resolved`, { resolved: EscalationStatus.Resolved });
    if (query.mine === 'true') rows.andWhere('e.assigneeId = :me', { me: actor.userId });
    if (query.mine === 'false') rows.andWhere('(e.assigneeId IS NULL OR e.assigneeId <> :me)', { me: actor.userId });
    if (query.kind) rows.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.collaborationId) rows.andWhere('e.collaborationId = :collaborationId', { collaborationId: query.collaborationId });
    if (query.campaignId) rows.andWhere('e.campaignId = :campaignId', { campaignId: query.campaignId });
    return pageOf(rows, query, ESCALATION_SORT, '-raisedAt');
  }
}
