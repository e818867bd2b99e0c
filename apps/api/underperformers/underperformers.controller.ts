import { Controller, Get, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/rules/roles';
import { Page } from '../common/list-query';
import { CurrentActor } from '../users/api-auth.guard';
import { UnderperformerFlagDto, UnderperformerListQueryDto, UnderperformerPageDto } from './underperformer.dto';
import { UnderperformersService } from './underperformers.service';

@ApiTags('insight')
@ApiBasicAuth()
@Controller('underperformers')
export class UnderperformersController {
  constructor(private readonly underperformers: UnderperformersService) {}

  /**
   * The underperformer flags the daily Schedule stored, within the caller's reach, newest first:
   * what is low, compared with what, since when, the suggested action, raised and cleared days
   * (docs/metrics.md#underperformer-flags).
   */
  @Get()
  @ApiOkResponse({ type: UnderperformerPageDto })
  list(@Query() query: UnderperformerListQueryDto, @CurrentActor() actor: Actor): Promise<Page<UnderperformerFlagDto>> {
    return this.underperformers.list(actor, query.status ?? 'open', query);
  }
}
