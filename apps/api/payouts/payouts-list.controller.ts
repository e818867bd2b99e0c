import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Payout } from '../../../libs/domain/entities';
import { PayoutStatus } from '../../../libs/domain/rules/lifecycle';
import { MONEY_READ } from '../../../libs/domain/rules/reach';
import type { Actor } from '../../../libs/domain/rules/roles';
import { IsSort, ListQueryDto, Page, PageDto, pageOf, withinOwners, YES_NO, type YesNo } from '../common/list-query';
import { CurrentActor } from '../users/api-auth.guard';
import { RecordReach } from '../users/record-reach';
import { OVERDUE_PAYOUTS } from './payouts.panel';

const PAYOUT_SORT = { dueOn: 'p.dueOn', createdAt: 'p.createdAt', amountMinor: 'p.amountMinor' } as const;

export class PayoutListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: YES_NO, description: 'true: has a due date today or later and is not paid or cancelled' })
  @IsOptional() @IsIn(YES_NO, { message: 'due must be true or false' })
  due?: YesNo;

  @ApiPropertyOptional({ enum: YES_NO, description: 'true: past its due date and not paid or cancelled' })
  @IsOptional() @IsIn(YES_NO, { message: 'overdue must be true or false' })
  overdue?: YesNo;

  @ApiPropertyOptional({ enum: PayoutStatus }) @IsOptional() @IsEnum(PayoutStatus)
  status?: PayoutStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ enum: ['dueOn', '-dueOn', 'createdAt', '-createdAt', 'amountMinor', '-amountMinor'], default: 'dueOn' })
  @IsOptional() @IsSort(Object.keys(PAYOUT_SORT))
  sort?: string;
}

class PayoutPageDto extends PageDto {
  @ApiProperty({ type: [Payout] }) items: Payout[];
}

/** Payouts, for money reach only: finance and admins all, a talent manager their own bookings', a manager their team's. */
@ApiTags('payouts')
@ApiBasicAuth()
@Controller('payouts')
export class PayoutsListController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
  ) {}

  @Get()
  @ApiOkResponse({ type: PayoutPageDto })
  async list(@Query() query: PayoutListQueryDto, @CurrentActor() actor: Actor): Promise<Page<Payout>> {
    const rows = withinOwners(this.db.getRepository(Payout).createQueryBuilder('p').innerJoin('p.collaboration', 'c'), 'c.talentManagerId', await this.reach.owners(actor, MONEY_READ));
    const open = `p.status NOT IN ('${PayoutStatus.Paid}', '${PayoutStatus.Cancelled}')`;
    if (query.due === 'true') rows.andWhere(`${open} AND p.dueOn >= CURRENT_DATE`);
    if (query.due === 'false') rows.andWhere(`NOT (${open} AND p.dueOn IS NOT NULL AND p.dueOn >= CURRENT_DATE)`);
    if (query.overdue) rows.andWhere(`p.id ${query.overdue === 'true' ? 'IN' : 'NOT IN'} (${OVERDUE_PAYOUTS})`);
    if (query.status) rows.andWhere('p.status = :status', { status: query.status });
    if (query.collaborationId) rows.andWhere('p.collaborationId = :collaborationId', { collaborationId: query.collaborationId });
    return pageOf(rows, query, PAYOUT_SORT, 'dueOn');
  }
}
