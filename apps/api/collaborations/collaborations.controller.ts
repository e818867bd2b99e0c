import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Collaboration, Contract, Escalation } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import type { CollaborationState } from '../../../workflows/messages';
import { CurrentActor, Roles } from '../auth/api-auth.guard';
import { CreateCollaborationDto } from './collaboration.dto';
import { ApproveCommercialsDto, DropOutDto, InvoiceDto, MarkPostedDto, ResolveEscalationDto, ReviewDraftDto, SignatureDto, SubmitDraftDto, TermsDto } from './decision.dto';
import { checkedKey } from '../common/idempotency-key';
import { CollaborationsService, CollaborationView } from './collaborations.service';


@ApiTags('collaborations')
@ApiBasicAuth()
@Controller('collaborations')
export class CollaborationsController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Post()
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: the same booking, never a second one' })
  create(@Body() dto: CreateCollaborationDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string): Promise<Collaboration> {
    return this.collaborations.create(dto, actor, checkedKey(key));
  }

  @Get(':id')
  view(@Param('id', ParseUUIDPipe) id: string): Promise<CollaborationView> {
    return this.collaborations.view(id);
  }

  @Post(':id/acknowledge-brief')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
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
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not negotiating, or terms already agreed' })
  proposeTerms(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TermsDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.offerTerms(id, 'agency', actor, dto, checkedKey(key));
  }

  @Post(':id/counter-offer')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  counterOffer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TermsDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.offerTerms(id, 'creator', actor, dto, checkedKey(key));
  }

  @Post(':id/accept-terms')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  acceptTerms(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.acceptTerms(id, actor, checkedKey(key));
  }

  @Post(':id/approve-commercials')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  approveCommercials(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveCommercialsDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.collaborations.approveCommercials(id, actor, dto.reason, checkedKey(key));
  }

  @Get(':id/contracts')
  contracts(@Param('id', ParseUUIDPipe) id: string): Promise<Contract[]> {
    return this.collaborations.contracts(id);
  }

  @Post(':id/contracts/:contractId/signatures')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Out of order (the agency signs last) or already signed' })
  recordSignature(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contractId', ParseUUIDPipe) contractId: string,
    @Body() dto: SignatureDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.recordSignature(id, contractId, actor, dto, checkedKey(key));
  }

  @Get(':id/deliverables')
  deliverables(@Param('id', ParseUUIDPipe) id: string) {
    return this.collaborations.deliverables(id);
  }

  @Post(':id/deliverables/:deliverableId/drafts')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'A draft is already in review, or the deliverable is approved' })
  submitDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliverableId', ParseUUIDPipe) deliverableId: string,
    @Body() dto: SubmitDraftDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.submitDraft(id, deliverableId, actor, dto, checkedKey(key));
  }

  @Post(':id/deliverables/:deliverableId/drafts/:version/review')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
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
    return this.collaborations.reviewDraft(id, deliverableId, version, actor, dto, checkedKey(key));
  }

  @Post(':id/deliverables/:deliverableId/post')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not posting, or already verified' })
  markPosted(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliverableId', ParseUUIDPipe) deliverableId: string,
    @Body() dto: MarkPostedDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.markPosted(id, deliverableId, actor, dto, checkedKey(key));
  }

  @Get(':id/payout')
  @Roles(Role.TalentManager, Role.Manager, Role.Finance, Role.Admin)
  payout(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.collaborations.payout(id, actor);
  }

  @Post(':id/payout/invoice')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Finance, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  submitInvoice(@Param('id', ParseUUIDPipe) id: string, @Body() dto: InvoiceDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.submitInvoice(id, actor, dto.invoiceNumber, checkedKey(key));
  }

  @Post(':id/payout/approve')
  @HttpCode(200)
  @Roles(Role.Finance, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'Not invoiced yet, or already approved' })
  approvePayout(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    return this.collaborations.approvePayout(id, actor, checkedKey(key));
  }

  @Post(':id/drop-out')
  @HttpCode(200)
  @Roles(Role.TalentManager, Role.Manager, Role.Admin)
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

  @Get(':id/escalations')
  escalations(@Param('id', ParseUUIDPipe) id: string): Promise<Escalation[]> {
    return this.collaborations.escalations(id);
  }

  @Post(':id/escalations/:escalationId/resolve')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiConflictResponse({ description: 'The escalation is not open (already resolved, or the booking is ending)' })
  resolveEscalation(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('escalationId', ParseUUIDPipe) escalationId: string,
    @Body() dto: ResolveEscalationDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CollaborationState> {
    return this.collaborations.resolveEscalation(id, escalationId, actor, dto, checkedKey(idempotencyKey));
  }
}

