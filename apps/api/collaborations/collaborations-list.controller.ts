import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Collaboration } from '../../../libs/domain/entities';
import { BOOKING_ACT } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import { IsSort, ListQueryDto, Page, PageDto, pageOf, withinOwners, YES_NO, type YesNo } from '../common/list-query';
import { CurrentActor } from '../users/api-auth.guard';
import { RecordReach } from '../users/record-reach';
import { OVERDUE_COLLABORATIONS } from './collaborations.panel';

const COLLABORATION_SORT = { createdAt: 'c.createdAt', updatedAt: 'c.updatedAt', stage: 'c.stage' } as const;

export class CollaborationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  creatorId?: string;

  @ApiPropertyOptional({ description: 'The talent manager handling the booking' }) @IsOptional() @IsUUID()
  talentManagerId?: string;

  @ApiPropertyOptional({ enum: CollaborationStage }) @IsOptional() @IsEnum(CollaborationStage)
  stage?: CollaborationStage;

  @ApiPropertyOptional({ enum: YES_NO, description: 'true: one of its current deadlines has passed; false: none has' })
  @IsOptional() @IsIn(YES_NO, { message: 'overdue must be true or false' })
  overdue?: YesNo;

  @ApiPropertyOptional({ enum: ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'stage', '-stage'], default: '-createdAt' })
  @IsOptional() @IsSort(Object.keys(COLLABORATION_SORT))
  sort?: string;
}

class CollaborationPageDto extends PageDto {
  @ApiProperty({ type: [Collaboration] }) items: Collaboration[];
}

/**
 * Bookings within the actor's reach, the same reach as reading one (`GET /collaborations/:id`)
 * and deciding on it: a talent manager their own, a manager their team's, finance and admins all.
 */
@ApiTags('collaborations')
@ApiBasicAuth()
@Controller('collaborations')
export class CollaborationsListController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
  ) {}

  @Get()
  @ApiOkResponse({ type: CollaborationPageDto })
  async list(@Query() query: CollaborationListQueryDto, @CurrentActor() actor: Actor): Promise<Page<Collaboration>> {
    const rows = withinOwners(this.db.getRepository(Collaboration).createQueryBuilder('c'), 'c.talentManagerId', await this.reach.owners(actor, BOOKING_ACT));
    if (query.campaignId) rows.andWhere('c.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.creatorId) rows.andWhere('c.creatorId = :creatorId', { creatorId: query.creatorId });
    if (query.talentManagerId) rows.andWhere('c.talentManagerId = :talentManagerId', { talentManagerId: query.talentManagerId });
    if (query.stage) rows.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.overdue) rows.andWhere(`c.id ${query.overdue === 'true' ? 'IN' : 'NOT IN'} (${OVERDUE_COLLABORATIONS})`);
    return pageOf(rows, query, COLLABORATION_SORT, '-createdAt');
  }
}
