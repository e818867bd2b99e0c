import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A reminder or alert for a user: the outbox that delivery channels (e-mail, chat) read.
 * Recording it here first is what makes a reminder durable and countable.
 */
@Entity({ name: 'notifications' })
export class Notification extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipientId' })
  recipient?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  collaborationId: string | null;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  eventKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
