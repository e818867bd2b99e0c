import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Collaboration } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { CollaborationState } from '../../../workflows/messages';
import { checkedKey } from '../common/idempotency-key';
import { CurrentActor, DecidedBy } from '../users/api-auth.guard';
import { COLLABORATION_READ, COLLABORATION_STATE } from './collaboration-answers';
import { CreateCollaborationDto } from './collaboration.dto';
import { CollaborationProjectedView, CollaborationsService, CollaborationView } from './collaborations.service';
import { ApproveCommercialsDto, DropOutDto, TermsDto } from './decision.dto';

@ApiTags('collaborations')
@ApiBasicAuth()
@Controller('collaborations')
export class CollaborationsController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Post()
  @DecidedBy('bookCreator')
  @ApiCreatedResponse({ type: Collaboration, description: 'Booked (a replay of the same Idempotency-Key answers the same booking)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: the same booking, never a second one' })
  create(@Body() dto: CreateCollaborationDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string): Promise<Collaboration> {
    return this.collaborations.create(dto, actor, checkedKey(key));
  }

  @Get(':id')
  @ApiOkResponse({ schema: COLLABORATION_READ })
  @ApiQuery({
    name: 'live',
    required: false,
    type: Boolean,
    description: "true: ask the workflow itself (a Temporal query: history, negotiation offers, contracts); default: the state it projected onto the database (docs/projections.md)",
  })
  @ApiForbiddenResponse({ description: 'The collaboration is out of your reach (the same reach as its decisions)' })
  view(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Query('live') live?: string,
  ): Promise<CollaborationView | CollaborationProjectedView> {
    // Read as text: the global pipe's implicit conversion would take any word for true.
    if (live !== undefined && live !== 'true' && live !== 'false') throw new BadRequestException('live must be true or false');
    return live === 'true' ? this.collaborations.viewFor(id, actor) : this.collaborations.projectedViewFor(id, actor);
  }

  @Post(':id/acknowledge-brief')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('acknowledgeBrief')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: one decision however often it is sent' })
  @ApiConflictResponse({ description: 'The workflow refused the decision (wrong stage); the body says why' })
  acknowledgeBrief(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.acknowledgeBrief(id, actor, checkedKey(idempotencyKey));
  }

  @Post(':id/terms')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('negotiate')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not negotiating, or terms already agreed' })
  proposeTerms(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TermsDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.offerTerms(id, 'agency', actor, dto, checkedKey(key));
  }

  @Post(':id/counter-offer')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('negotiate')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  counterOffer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TermsDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.offerTerms(id, 'creator', actor, dto, checkedKey(key));
  }

  @Post(':id/accept-terms')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('negotiate')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  acceptTerms(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.acceptTerms(id, actor, checkedKey(key));
  }

  @Post(':id/approve-commercials')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('approveCommercials')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  approveCommercials(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveCommercialsDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.collaborations.approveCommercials(id, actor, dto.reason, checkedKey(key));
  }

  @Post(':id/drop-out')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('dropOut')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'The booking has already ended' })
  dropOut(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DropOutDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.dropOut(id, actor, dto.reason, checkedKey(idempotencyKey));
  }
}
