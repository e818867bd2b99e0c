import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { calendarPeriod } from '../../../libs/domain/rules/periods';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor } from '../users/api-auth.guard';
import { KPI_BOARD } from './kpi-answers';
import { KpiBoardQueryDto } from './kpi-query.dto';
import { KpiBoardView, KpisService } from './kpis.service';

@ApiTags('insight')
@ApiBasicAuth()
@Controller('kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  /** The team KPIs of an executive or a team for a month or quarter, each with its target and progress (docs/metrics.md). */
  @Get()
  @ApiOkResponse({ schema: KPI_BOARD })
  board(@Query() query: KpiBoardQueryDto, @CurrentActor() actor: Actor): Promise<KpiBoardView> {
    const period = calendarPeriod(query.period, query.start);
    if (typeof period === 'string') throw new BadRequestException(period);
    return this.kpis.board(actor, query.scope, query.id, period);
  }
}
