import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/rules/roles';
import { CurrentActor, PasswordOnly } from './api-auth.guard';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQueryDto } from './api-key.dto';
import { ApiKeysService, ApiKeyView, CreatedApiKey } from './api-keys.service';

/** API keys for integrations: each acts as the user who created it, with that user's current role. */
@ApiTags('api-keys')
@ApiBasicAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @PasswordOnly()
  @ApiOperation({ summary: 'Create an API key for yourself', description: 'Needs your e-mail and password (HTTP Basic). The token is returned once and cannot be retrieved again.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Body() dto: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    return this.apiKeys.create(actor, dto);
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your API keys (admins: anyone\'s with ?userId=), without secrets' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiForbiddenResponse({ description: "userId is someone else's and you are not an admin" })
  list(@Query() query: ListApiKeysQueryDto, @CurrentActor() actor: Actor): Promise<ApiKeyView[]> {
    return this.apiKeys.list(actor, query.userId);
  }

  @Delete(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke an API key at once (your own; an admin: anyone\'s)' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ description: 'No such key' })
  @ApiForbiddenResponse({ description: "Someone else's key and you are not an admin" })
  revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<ApiKeyView> {
    return this.apiKeys.revoke(actor, id);
  }
}
