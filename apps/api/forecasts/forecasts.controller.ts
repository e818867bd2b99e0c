import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor } from '../users/api-auth.guard';
import { NMV_FORECAST } from './forecast-answers';
import { NmvForecastQueryDto } from './forecast-query.dto';
import { ForecastsService } from './forecasts.service';

@ApiTags('insight')
@ApiBasicAuth()
@Controller('forecasts')
export class ForecastsController {
  constructor(private readonly forecasts: ForecastsService) {}

  /**
   * Creator-driven NMV for the next 1–3 months, per (entity, currency), summed bottom-up from
   * the creators, each with its 80 % interval and its rolling-origin back-test beside the two
   * naive baselines (docs/metrics.md#forecast). Only the entities within the caller's reach.
   */
  @Get('nmv')
  @ApiOkResponse({
    description: 'Per entity and currency, the forecast months with their 80 % interval and the back-test against the naive baselines',
    schema: NMV_FORECAST,
  })
  async nmv(@Query() query: NmvForecastQueryDto, @CurrentActor() actor: Actor) {
    return ForecastsService.forApi(await this.forecasts.nmv(actor, query.level ?? 'creator', query.horizon ?? 3, query.asOf));
  }
}
