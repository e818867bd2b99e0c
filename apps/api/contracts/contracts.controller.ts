import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Contract } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { CollaborationState } from '../../../workflows/messages';
import { COLLABORATION_STATE } from '../collaborations/collaboration-answers';
import { checkedKey } from '../common/idempotency-key';
import { CurrentActor, DecidedBy } from '../users/api-auth.guard';
import { ContractsService } from './contracts.service';
import { SignatureDto } from './signature.dto';

@ApiTags('contracts')
@ApiBasicAuth()
@Controller('collaborations/:id/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @ApiOkResponse({ type: [Contract] })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<Contract[]> {
    return this.contracts.contracts(id);
  }

  @Post(':contractId/signatures')
  @ApiOkResponse({ schema: COLLABORATION_STATE })
  @HttpCode(200)
  @DecidedBy('recordCreatorSignature', 'signForAgency')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Out of order (the agency signs last) or already signed' })
  recordSignature(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contractId', ParseUUIDPipe) contractId: string,
    @Body() dto: SignatureDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.contracts.recordSignature(id, contractId, actor, dto, checkedKey(key));
  }
}
