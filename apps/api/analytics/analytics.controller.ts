import { BadRequestException, Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor } from '../users/api-auth.guard';
import { ANALYTICS_VIEW } from './analytics-answers';
import { analyticsCsv } from './analytics-csv';
import { periodOf } from './analytics-period';
import { AnalyticsQueryDto } from './analytics-query.dto';
import { ANALYTICS_KINDS, type AnalyticsKind } from './analytics-scope';
import { AnalyticsService, AnalyticsView } from './analytics.service';

function kindOf(value: string): AnalyticsKind {
  if (!(ANALYTICS_KINDS as readonly string[]).includes(value)) throw new BadRequestException(`Analytics exist for ${ANALYTICS_KINDS.join(', ')}; not for "${value}"`);
  return value as AnalyticsKind;
}

@ApiTags('insight')
@ApiBasicAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Totals, the monthly trend (NMV and its growth, ROAS, engagement, conversion) and the entities below, for a period. */
  @Get(':kind/:id')
  @ApiParam({ name: 'kind', enum: ANALYTICS_KINDS })
  @ApiOkResponse({ schema: ANALYTICS_VIEW })
  view(@Param('kind') kind: string, @Param('id', ParseUUIDPipe) id: string, @Query() query: AnalyticsQueryDto, @CurrentActor() actor: Actor): Promise<AnalyticsView> {
    return this.analytics.view(actor, kindOf(kind), id, periodOf(query));
  }

  /** The table of the entities below as CSV: one line per entity and currency, amounts in minor units. */
  @Get(':kind/:id/table.csv')
  @ApiParam({ name: 'kind', enum: ANALYTICS_KINDS })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One line per entity and currency, header first', schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async table(@Param('kind') kind: string, @Param('id', ParseUUIDPipe) id: string, @Query() query: AnalyticsQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    const view = await this.analytics.view(actor, kindOf(kind), id, periodOf(query));
    return analyticsCsv(view.table.rows);
  }
}
