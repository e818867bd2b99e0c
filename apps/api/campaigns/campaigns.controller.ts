import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBasicAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Campaign } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';
import type { CampaignState } from '../../../workflows/campaign-messages';
import { CurrentActor, DecidedBy, Roles } from '../users/api-auth.guard';
import { checkedKey } from '../common/idempotency-key';
import { CampaignBriefDto, CampaignTargetingDto, CancelCampaignDto, CloseCampaignDto, CreateCampaignDto } from './campaign.dto';
import { BriefUpdate, CampaignsService, CampaignView } from './campaigns.service';
import { CAMPAIGN_STATE, CAMPAIGN_VIEW } from './campaign-answers';

class BriefUpdateDto {
  @ApiProperty({ type: Campaign }) campaign: Campaign;
  @ApiProperty({ type: [String], description: 'Running bookings told of the change; those that had acknowledged the brief ask for a fresh acknowledgement' })
  bookingsTold: string[];
}

@ApiTags('campaigns')
@ApiBasicAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  /** Creates the campaign and starts its workflow, which books creators from then on. */
  @Post()
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  @ApiCreatedResponse({ type: Campaign })
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
  @ApiOkResponse({ type: Campaign })
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<Campaign> {
    return this.campaigns.findOne(id);
  }

  /** Edits the targeting the creator ranking reads: niches, platforms, deliverable types, fee range, brand safety, audience. */
  @Patch(':id/targeting')
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  @ApiOkResponse({ type: Campaign })
  updateTargeting(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CampaignTargetingDto, @CurrentActor() actor: Actor): Promise<Campaign> {
    return this.campaigns.updateTargeting(id, dto, actor);
  }

  /**
   * Edits the brief (each field given replaces the stored one). Running bookings that acknowledged
   * it ask for a fresh acknowledgement before their next draft (docs/workflow-stages.md#brief-changes).
   */
  @Patch(':id/brief')
  @Roles(Role.Manager, Role.TalentManager, Role.Admin)
  @ApiOkResponse({ type: BriefUpdateDto })
  @ApiConflictResponse({ description: 'The campaign has ended; its brief is kept as it ran' })
  updateBrief(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CampaignBriefDto, @CurrentActor() actor: Actor): Promise<BriefUpdate> {
    return this.campaigns.updateBrief(id, dto, actor);
  }

  /** The row plus the campaign workflow's live view: its collaborations and how each ended. */
  @Get(':id/state')
  @ApiOkResponse({ schema: CAMPAIGN_VIEW })
  view(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.view(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @DecidedBy('closeOrCancelCampaign')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it on retries: one decision however often it is sent' })
  @ApiConflictResponse({ description: 'The campaign has already stopped taking bookings' })
  @ApiOkResponse({ schema: CAMPAIGN_STATE })
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
  @ApiOkResponse({ schema: CAMPAIGN_STATE })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelCampaignDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key?: string,
  ): Promise<CampaignState> {
    return this.campaigns.cancel(id, actor, dto.reason, checkedKey(key));
  }
}
