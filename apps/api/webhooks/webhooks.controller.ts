import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { boolean, instant, list, nullable, object, text, uuid } from '../common/answer-schemas';
import { CurrentActor, Roles } from '../users/api-auth.guard';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService, WebhookView, WebhookWithSecret } from './webhooks.service';

const VIEW = { id: uuid(), name: text(), url: text(), teamLeadId: uuid(), active: boolean(), createdById: nullable(uuid()), createdAt: instant(), updatedAt: instant() };
const WEBHOOK = object(VIEW);
const WITH_SECRET = object({ ...VIEW, secret: text('The signing secret (whsec_…): give it to the receiver; docs/webhooks.md says how to verify') });

/** Team webhooks (docs/webhooks.md): managers for their team, admins for any. */
@ApiTags('webhooks')
@ApiBasicAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Roles(Role.Manager, Role.Admin)
  @ApiOperation({ summary: "Your team's webhooks (admins: every team's), without secrets" })
  @ApiOkResponse({ schema: list(WEBHOOK) })
  list(@CurrentActor() actor: Actor): Promise<WebhookView[]> {
    return this.webhooks.list(actor);
  }

  @Post()
  @Roles(Role.Manager, Role.Admin)
  @ApiOperation({ summary: 'Add a webhook for a team', description: 'Answers the signing secret once; reveal or rotate it later.' })
  @ApiCreatedResponse({ schema: WITH_SECRET })
  create(@Body() dto: CreateWebhookDto, @CurrentActor() actor: Actor): Promise<WebhookWithSecret> {
    return this.webhooks.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.Manager, Role.Admin)
  @ApiOperation({ summary: 'Rename, move or pause a webhook' })
  @ApiOkResponse({ schema: WEBHOOK })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWebhookDto, @CurrentActor() actor: Actor): Promise<WebhookView> {
    return this.webhooks.update(actor, id, dto);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Admin)
  @ApiOperation({ summary: 'Replace the signing secret; the old one stops working at once' })
  @ApiOkResponse({ schema: WITH_SECRET })
  rotate(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<WebhookWithSecret> {
    return this.webhooks.rotateSecret(actor, id);
  }

  @Delete(':id')
  @Roles(Role.Manager, Role.Admin)
  @ApiOperation({ summary: 'Remove a webhook (its delivery records stay)' })
  @ApiOkResponse({ schema: WEBHOOK })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<WebhookView> {
    return this.webhooks.remove(actor, id);
  }
}
