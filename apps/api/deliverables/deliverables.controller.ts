import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { CollaborationState } from '../../../workflows/messages';
import { COLLABORATION_STATE } from '../collaborations/collaboration-answers';
import { list, record } from '../common/answer-schemas';
import { checkedKey } from '../common/idempotency-key';
import { CurrentActor, DecidedBy } from '../users/api-auth.guard';
import { MarkPostedDto, ReviewDraftDto, SubmitDraftDto } from './deliverable-decisions.dto';
import { DeliverablesService } from './deliverables.service';

@ApiTags('deliverables')
@ApiBasicAuth()
@Controller('collaborations/:id/deliverables')
export class DeliverablesController {
  constructor(private readonly deliverables: DeliverablesService) {}

  @Get()
  @ApiOkResponse({ schema: list({ allOf: [record('Deliverable'), { type: 'object', required: ['drafts'], properties: { drafts: list(record('DraftSubmission')) } }] }) })
  list(@Param('id', ParseUUIDPipe) id: string) {
    return this.deliverables.deliverables(id);
  }

  @Post(':deliverableId/drafts')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('submitDraft')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'A draft is already in review, or the deliverable is approved' })
  submitDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliverableId', ParseUUIDPipe) deliverableId: string,
    @Body() dto: SubmitDraftDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.deliverables.submitDraft(id, deliverableId, actor, dto, checkedKey(key));
  }

  @Post(':deliverableId/drafts/:version/review')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('reviewDraft')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'No draft of that version is in review' })
  reviewDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliverableId', ParseUUIDPipe) deliverableId: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: ReviewDraftDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.deliverables.reviewDraft(id, deliverableId, version, actor, dto, checkedKey(key));
  }

  @Post(':deliverableId/post')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('markPosted')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not posting, or already verified' })
  markPosted(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliverableId', ParseUUIDPipe) deliverableId: string,
    @Body() dto: MarkPostedDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.deliverables.markPosted(id, deliverableId, actor, dto, checkedKey(key));
  }
}
