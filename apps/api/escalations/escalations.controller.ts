import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
}
