import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreatorRating } from '../../../libs/domain/entities';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { instant, list, nullable, object, text, uuid } from '../common/answer-schemas';
import { RateCreatorDto } from './rating.dto';
import { RatingTask, SatisfactionService } from './satisfaction.service';

const RATING_TASK = object({ collaborationId: uuid(), creatorId: uuid(), creatorName: text(), campaignName: text(), talentManagerId: uuid(), requestedAt: instant(), remindedAt: nullable(instant()) });

/** Who records a creator's satisfaction: the collaboration's people (within reach), not finance. */
const RATERS = [Role.TalentManager, Role.Manager, Role.Admin];

@ApiTags('satisfaction')
@ApiBasicAuth()
@Controller()
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  /** The open rating tasks within your reach (your own collaborations; a manager: the team's). */
  @Get('satisfaction/tasks')
  @ApiOkResponse({ schema: list(RATING_TASK) })
  tasks(@CurrentActor() actor: Actor): Promise<RatingTask[]> {
    return this.satisfaction.openTasks(actor);
  }

  @Get('collaborations/:id/satisfaction')
  @ApiOkResponse({ type: CreatorRating })
  rating(@Param('id', ParseUUIDPipe) id: string): Promise<CreatorRating> {
    return this.satisfaction.ofCollaboration(id);
  }

  /** Records the creator's 1–5 rating once the fee is paid; repeating the same rating is harmless. */
  @Post('collaborations/:id/satisfaction')
  @HttpCode(200)
  @Roles(...RATERS)
  @ApiOkResponse({ type: CreatorRating })
  @ApiConflictResponse({ description: 'Not paid yet, or a different rating is already recorded' })
  rate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RateCreatorDto, @CurrentActor() actor: Actor): Promise<CreatorRating> {
    return this.satisfaction.rate(id, actor, dto.rating, dto.note);
  }
}
