import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { User } from '../../../libs/domain/entities';
import {
  applyPreferences,
  effectivePreferences,
  preferencesProblem,
  type EmailCadence,
  type NotificationCategory,
  type NotificationPreferences,
} from '../../../libs/domain/rules/notification-preferences';
import type { Actor } from '../../../libs/domain/rules/roles';

export interface PreferencesChange {
  email?: Partial<Record<NotificationCategory, boolean>>;
  emailCadence?: EmailCadence;
}

/** A user's own notification preferences (docs/notifications.md#preferences): read and changed by that user only. */
@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor): Promise<NotificationPreferences> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw new NotFoundException('Your account no longer exists');
    return effectivePreferences(user.notificationPreferences);
  }

  /** Applies the fields given (the others are kept) and answers the whole result. */
  async update(actor: Actor, given: PreferencesChange): Promise<NotificationPreferences> {
    // A DTO instance may carry its optional fields as undefined: only what was given counts.
    const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
    const change = defined({ ...given, ...(given.email && typeof given.email === 'object' ? { email: defined({ ...given.email }) } : {}) });
    const problem = preferencesProblem(change);
    if (problem) throw new BadRequestException(problem);
    return this.db.transaction(async (tx) => {
      const user = await tx.findOne(User, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('Your account no longer exists');
      const before = effectivePreferences(user.notificationPreferences);
      const after = applyPreferences(before, change);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await tx.update(User, { id: user.id }, { notificationPreferences: after });
        await appendAudit(tx, { actor, action: 'user.notification_preferences', entity: 'User', entityId: user.id, before: { ...before }, after: { ...after } });
      }
      return after;
    });
  }
}
