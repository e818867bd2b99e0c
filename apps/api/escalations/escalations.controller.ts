import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Escalation } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { CollaborationState } from '../../../workflows/messages';
import { COLLABORATION_STATE } from '../collaborations/collaboration-answers';
import { checkedKey } from '../common/idempotency-key';
import { CurrentActor, DecidedBy } from '../users/api-auth.guard';
import { EscalationsService } from './escalations.service';
import { ResolveEscalationDto } from './resolve-escalation.dto';

@ApiTags('escalations')
@ApiBasicAuth()
@Controller('collaborations/:id/escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @ApiOkResponse({ type: [Escalation] })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<Escalation[]> {
    return this.escalations.escalations(id);
  }

  @Post(':escalationId/resolve')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('resolveEscalation')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'The escalation is not open (already resolved, or the collaboration is ending)' })
  resolveEscalation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('escalationId', ParseUUIDPipe) escalationId: string,
    @Body() dto: ResolveEscalationDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CollaborationState> {
    return this.escalations.resolveEscalation(id, escalationId, actor, dto, checkedKey(idempotencyKey));
  }

  /** The assignee says they have seen it: status `acknowledged` (panel: opening it does the same). */
  @Post(':escalationId/acknowledge')
  @ApiOkResponse({ type: Escalation })
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'Only the assignee may acknowledge an escalation' })
  @ApiConflictResponse({ description: 'The escalation is already resolved' })
  acknowledge(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('escalationId', ParseUUIDPipe) escalationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<Escalation> {
    return this.escalations.acknowledge(id, escalationId, actor);
  }
}
