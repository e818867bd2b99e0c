import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Notification } from './notification.entity';

export enum DeliveryStatus {
  /** Waiting for the recipient's daily digest (channel `digest`). */
  Queued = 'queued',
  /** A try failed and Temporal will try again. */
  Retrying = 'retrying',
  Sent = 'sent',
  /** Given up: the last try failed, or the server refused the message for good. */
  Failed = 'failed',
}

/**
 * One notification sent over one channel: what makes delivery idempotent per event key (a
 * retried activity finds `sent` and sends nothing) and a failure visible in the panel.
 */
@Entity({ name: 'deliveries' })
@Index('UQ_deliveries_channel_event_key', ['channel', 'eventKey'], { unique: true })
export class Delivery extends BaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_deliveries' })
  id: string;

  /** The notification's event key (workflow id + step); for a webhook, followed by `:webhook:<webhook id>` (one row per receiver). */
  @Column({ type: 'varchar', length: 200 })
  eventKey: string;

  @Index('IDX_deliveries_notification')
  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notificationId', foreignKeyConstraintName: 'FK_deliveries_notification' })
  notification?: Notification;

  /** `email`, `webhook`, or `digest` (the notification went out in a daily digest e-mail). */
  @Column({ type: 'varchar', length: 20 })
  channel: string;

  /** Where it went: the recipient's e-mail address, or the webhook's name (never its URL, which may be a credential). */
  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  /** The webhook it went to (null for e-mail; null too once the webhook is deleted: the record stays). */
  @Index('IDX_deliveries_webhook')
  @Column({ type: 'uuid', nullable: true })
  webhookId: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Derived from the event key, so a message sent twice by a crash at the worst moment reads as one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  messageId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
