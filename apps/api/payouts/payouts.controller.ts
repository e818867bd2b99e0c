import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import { checkedKey } from '../common/idempotency-key';
import { CurrentActor, DecidedBy, Roles } from '../users/api-auth.guard';
import { InvoiceDto } from './invoice.dto';
import { PAYOUT_STATE } from './payout-answers';
import { PayoutsService } from './payouts.service';

@ApiTags('payouts')
@ApiBasicAuth()
@Controller('collaborations/:id/payout')
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  /** Who may read it is the money reach (MONEY_READ), checked per record in the service. */
  @Get()
  @ApiOkResponse({ schema: PAYOUT_STATE })
  @Roles(Role.TalentManager, Role.Manager, Role.Finance, Role.Admin)
  payout(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.payouts.payout(id, actor);
  }

  @Post('invoice')
  @ApiOkResponse({ schema: PAYOUT_STATE })
  @HttpCode(200)
  @DecidedBy('submitInvoice')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  submitInvoice(@Param('id', ParseUUIDPipe) id: string, @Body() dto: InvoiceDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.payouts.submitInvoice(id, actor, dto.invoiceNumber, checkedKey(key));
  }

  @Post('approve')
  @ApiOkResponse({ schema: PAYOUT_STATE })
  @HttpCode(200)
  @DecidedBy('approvePayout')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not invoiced yet, or already approved' })
  approvePayout(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.payouts.approvePayout(id, actor, checkedKey(key));
  }
}
