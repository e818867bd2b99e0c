import { BadRequestException, Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBasicAuth, ApiConflictResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DECISION_ROLES } from '../../../libs/domain/rules/decision-roles';
import { Party, type Actor } from '../../../libs/domain/rules/roles';
import { boolean, integer, oneOf } from '../common/answer-schemas';
import { CollaborationsService } from '../collaborations/collaborations.service';
import { CurrentActor, Roles } from '../users/api-auth.guard';

const PARTIES = [Party.Creator, Party.Brand];

export class SendPortalLinkDto {
  @ApiProperty({ enum: PARTIES, description: 'Whose link: the booking’s creator, or the brand contact who reviews drafts' })
  @IsIn(PARTIES, { message: 'party must be creator or brand' })
  party: Party;
}

export class RevokePortalLinksDto {
  @ApiPropertyOptional({ enum: PARTIES, description: 'Only this party’s link; absent: every link of the booking' })
  @IsOptional()
  @IsIn(PARTIES, { message: 'party must be creator or brand' })
  party?: Party;
}

/** Staff send and revoke a booking's portal links (docs/portal.md); the same as the panel's actions. */
@ApiTags('collaborations')
@ApiBasicAuth()
@Controller('collaborations/:id/portal-links')
export class PortalLinksController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Post()
  @HttpCode(200)
  @Roles(...DECISION_ROLES.bookCreator)
  @ApiOkResponse({ schema: { type: 'object', required: ['party', 'sent'], properties: { party: oneOf(PARTIES), sent: boolean('The e-mail went out; the previous link stopped working') } } })
  @ApiConflictResponse({ description: 'The booking has ended, e-mail is off, the party has no e-mail address, or the campaign does not route reviews to the brand' })
  send(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SendPortalLinkDto, @CurrentActor() actor: Actor) {
    return this.collaborations.sendPortalLink(id, dto.party, actor);
  }

  @Post('revoke')
  @HttpCode(200)
  @Roles(...DECISION_ROLES.bookCreator)
  @ApiOkResponse({ schema: { type: 'object', required: ['revoked'], properties: { revoked: integer('How many links stopped working') } } })
  revoke(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RevokePortalLinksDto, @CurrentActor() actor: Actor) {
    return this.collaborations.revokePortalLinks(id, actor, dto.party);
  }
}

/** Draft files the creator uploaded through the portal, for staff who reach the booking. */
@ApiTags('collaborations')
@ApiBasicAuth()
@Controller('collaborations/:id/draft-files')
export class DraftFilesController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Get(':hash')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: "The draft file, as uploaded (a draft's assetUrl is upload:<hash>)", schema: { type: 'string', format: 'binary' } })
  @Header('Content-Type', 'application/octet-stream')
  @Header('Content-Disposition', 'attachment')
  async file(@Param('id', ParseUUIDPipe) id: string, @Param('hash') hash: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new BadRequestException('hash must be the SHA-256 of the file, lower-case hex');
    return new StreamableFile(await this.collaborations.draftFile(id, hash, actor));
  }
}
