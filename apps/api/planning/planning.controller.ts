import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { PLANNING_VIEW, TARGETS_SET } from './planning-answers';
import { planningCsv } from './planning-csv';
import { PlanningQueryDto, PlanningTargetsDto } from './planning.dto';
import { PlanningService, type PlanningView, type TargetsSet } from './planning.service';

@ApiTags('insight')
@ApiBasicAuth()
@Controller()
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  /**
   * A quarter's or a year's plan (docs/metrics.md#planning): the NMV forecast of each executive or
   * team within your reach, per currency and quarter, with its 80 % bounds and back-tested error,
   * the target forecast + stretchPercent proposes, and the targets already set.
   */
  @Get('planning')
  @ApiOkResponse({ schema: PLANNING_VIEW })
  view(@Query() query: PlanningQueryDto, @CurrentActor() actor: Actor): Promise<PlanningView> {
    return this.planning.view(actor, query);
  }

  /** The plan as CSV: one line per executive or team, currency and quarter (columns in docs/metrics.md#planning). */
  @Get('planning.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One line per executive or team, currency and quarter', schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@Query() query: PlanningQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    return planningCsv(await this.planning.view(actor, query));
  }

  /**
   * Sets the plan's NMV targets at forecast + stretchPercent, one per subject, currency and
   * quarter (a year is four quarterly targets), recording who set them and when. Managers and
   * admins only, within their reach; repeating the request changes nothing.
   */
  @Post('planning/targets')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
  @ApiOkResponse({ schema: TARGETS_SET })
  setTargets(@Body() body: PlanningTargetsDto, @CurrentActor() actor: Actor): Promise<TargetsSet> {
    return this.planning.setTargets(actor, body);
  }
}
