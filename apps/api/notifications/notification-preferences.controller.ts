import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBasicAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailCadence, NOTIFICATION_CATEGORIES, type NotificationPreferences } from '../../../libs/domain/rules/notification-preferences';
import type { Actor } from '../../../libs/domain/rules/roles';
import { boolean, object, oneOf } from '../common/answer-schemas';
import { CurrentActor } from '../users/api-auth.guard';
import { UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

const PREFERENCES = object({
  email: object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((category) => [category, boolean()]))),
  emailCadence: oneOf(Object.values(EmailCadence)),
});

/** The signed-in user's own notification preferences (docs/notifications.md#preferences). */
@ApiTags('notifications')
@ApiBasicAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'Which notifications reach you by e-mail, and whether one by one or in a daily digest' })
  @ApiOkResponse({ schema: PREFERENCES })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.preferences.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Change your notification preferences', description: 'Fields left out are kept. The in-panel inbox always receives everything.' })
  @ApiOkResponse({ schema: PREFERENCES })
  update(@Body() dto: UpdateNotificationPreferencesDto, @CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.preferences.update(actor, dto);
  }
}
