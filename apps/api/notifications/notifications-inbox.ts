import { DataSource, IsNull } from 'typeorm';
import { Notification } from '../../../libs/domain/entities';
import type { Actor } from '../../../libs/domain/rules/roles';

/**
 * A user's own notifications: marking one read (the first time only: readAt says when it was
 * first read) and counting the unread ones. Only the recipient's own rows are touched, whatever
 * the id given.
 */
export class NotificationsInbox {
  constructor(private readonly db: DataSource) {}

  /** Marks the notification read for its recipient; false when it is not theirs (nothing changes). */
  async markRead(notificationId: string, actor: Actor): Promise<Notification | null> {
    await this.db.getRepository(Notification).update({ id: notificationId, recipientId: actor.userId, readAt: IsNull() }, { readAt: new Date() });
    return this.db.getRepository(Notification).findOneBy({ id: notificationId, recipientId: actor.userId });
  }

  unreadCount(userId: string): Promise<number> {
    return this.db.getRepository(Notification).countBy({ recipientId: userId, readAt: IsNull() });
  }
}
