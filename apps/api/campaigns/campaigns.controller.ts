import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBasicAuth, ApiConflictResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Campaign } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import type { CampaignState } from '../../../workflows/campaign-messages';
import { CurrentActor, DecidedBy, Roles } from '../users/api-auth.guard';
import { checkedKey } from '../common/idempotency-key';
import { CampaignTargetingDto, CancelCampaignDto, CloseCampaignDto, CreateCampaignDto } from './campaign.dto';
import { CampaignsService, CampaignView } from './campaigns.service';

@ApiTags('campaigns')
@ApiBasicAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  /** Creates the campaign and starts its workflow, which books creators from then on. */
  @Post()
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  @ApiAcceptedResponse({
    description: 'Saved, but Temporal did not answer the workflow start in time: `workflowId` is null until the API reconciles it (within a minute, or at the first booking). Do not create it again.',
    type: Campaign,
  })
  async create(@Body() dto: CreateCampaignDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<Campaign> {
    const campaign = await this.campaigns.create(dto, actor);
    if (!campaign.workflowId) response.status(HttpStatus.ACCEPTED);
    return campaign;
  }

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Campaign> {
    return this.campaigns.findOne(id);
  }

  /** Edits the targeting the creator ranking reads: niches, platforms, deliverable types, fee range, brand safety, audience. */
  @Patch(':id/targeting')
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  updateTargeting(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CampaignTargetingDto, @CurrentActor() actor: Actor): Promise<Campaign> {
    return this.campaigns.updateTargeting(id, dto, actor);
  }

  /** The row plus the campaign workflow's live view: its collaborations and how each ended. */
  @Get(':id/state')
  view(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.view(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @DecidedBy('closeOrCancelCampaign')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: one decision however often it is sent' })
  @ApiConflictResponse({ description: 'The campaign has already stopped taking bookings' })
  close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseCampaignDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CampaignState> {
    return this.campaigns.close(id, actor, dto.reason, checkedKey(key));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @DecidedBy('closeOrCancelCampaign')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: one decision however often it is sent' })
  @ApiConflictResponse({ description: 'The campaign has already ended' })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelCampaignDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CampaignState> {
    return this.campaigns.cancel(id, actor, dto.reason, checkedKey(key));
  }
}
