import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { newWebhookSecret, SecretBox } from '../../../libs/auth/secret-box';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { appendAudit } from '../../../libs/db/audit';
import { User, Webhook } from '../../../libs/domain/entities';
import { isStaff, Role, type Actor } from '../../../libs/domain/rules/roles';
import { webhookUrlProblem } from '../../../libs/domain/rules/webhook-url';
import { teamOf } from '../../../libs/insight/team';

/** A webhook as anyone who manages it sees it: never its secret. */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  teamLeadId: string;
  active: boolean;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A new or rotated webhook with its signing secret, shown to the person who asked. */
export interface WebhookWithSecret extends WebhookView {
  secret: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  /** Whose team it serves (a manager or admin); default: the person adding it. */
  teamLeadId?: string;
}

export interface WebhookChange {
  name?: string;
  url?: string;
  active?: boolean;
}

/** Who manages webhooks: admins every team's, a manager their own team's (theirs and their managers'). */
export const WEBHOOK_MANAGERS: readonly Role[] = [Role.Manager, Role.Admin];

function toView(webhook: Webhook): WebhookView {
  const { id, name, url, teamLeadId, active, createdById, createdAt, updatedAt } = webhook;
  return { id, name, url, teamLeadId, active, createdById, createdAt, updatedAt };
}

/**
 * Team webhooks (docs/webhooks.md): added, changed, paused and removed by admins and managers
 * (within their team); the signing secret is generated here, sealed at rest, and shown only to
 * the person who creates, rotates or reveals it, each of which is audited (the secret never is).
 */
@Injectable()
export class WebhooksService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'webhooks'>,
  ) {
    this.box = new SecretBox(config.webhooks.secretKey);
  }

  async list(actor: Actor): Promise<WebhookView[]> {
    this.requireManager(actor);
    const where = actor.role === Role.Admin ? {} : { teamLeadId: In(await teamOf(this.db, actor.userId)) };
    const rows = await this.db.getRepository(Webhook).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  async get(actor: Actor, id: string): Promise<WebhookView> {
    return toView(await this.reachable(actor, id));
  }

  async create(actor: Actor, input: WebhookInput): Promise<WebhookWithSecret> {
    const secret = newWebhookSecret();
    const fields = await this.newRecord(actor, input, secret);
    const saved = await this.db.transaction(async (tx) => {
      const webhook = await tx.save(tx.create(Webhook, fields));
      await appendAudit(tx, { actor, action: 'webhook.created', entity: 'Webhook', entityId: webhook.id, after: { name: fields.name, url: fields.url, teamLeadId: fields.teamLeadId, active: true } });
      return webhook;
    });
    return { ...toView(saved), secret };
  }

  /**
   * The row of a new webhook, checked (name, URL, a team lead within the actor's team) and with
   * its secret sealed: what create() saves, and what the panel's "new" form saves (it audits itself).
   */
  async newRecord(actor: Actor, input: WebhookInput, secret = newWebhookSecret()): Promise<Pick<Webhook, 'name' | 'url' | 'teamLeadId' | 'secretSealed' | 'active' | 'createdById'>> {
    this.requireManager(actor);
    const name = this.nameOf(input.name);
    const url = this.urlOf(input.url);
    const teamLeadId = input.teamLeadId || actor.userId;
    const lead = /^[0-9a-f-]{36}$/i.test(teamLeadId) ? await this.db.getRepository(User).findOneBy({ id: teamLeadId }) : null;
    if (!lead || !lead.active) throw new BadRequestException('teamLeadId must be an active user');
    if (!WEBHOOK_MANAGERS.includes(lead.role)) throw new BadRequestException('teamLeadId must be a manager or an admin: a webhook serves a team');
    await this.requireTeam(actor, teamLeadId);
    return { name, url, teamLeadId, secretSealed: this.box.seal(secret), active: true, createdById: actor.userId };
  }

  /** A change's fields, checked as update() checks them (for the panel's edit form). */
  checkChange(change: { name?: unknown; url?: unknown }): { name?: string; url?: string } {
    return {
      ...(change.name !== undefined ? { name: this.nameOf(change.name) } : {}),
      ...(change.url !== undefined ? { url: this.urlOf(change.url) } : {}),
    };
  }

  async update(actor: Actor, id: string, change: WebhookChange): Promise<WebhookView> {
    const current = await this.reachable(actor, id);
    const next: Partial<Webhook> = {};
    if (change.name !== undefined) next.name = this.nameOf(change.name);
    if (change.url !== undefined) next.url = this.urlOf(change.url);
    if (change.active !== undefined) {
      if (typeof change.active !== 'boolean') throw new BadRequestException('active must be true or false');
      next.active = change.active;
    }
    const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => current[key as keyof Webhook] !== value));
    if (Object.keys(changed).length === 0) return toView(current);
    await this.db.transaction(async (tx) => {
      await tx.update(Webhook, { id }, changed);
      const before = Object.fromEntries(Object.keys(changed).map((key) => [key, current[key as keyof Webhook]]));
      await appendAudit(tx, { actor, action: 'webhook.updated', entity: 'Webhook', entityId: id, before, after: changed });
    });
    return toView(await this.db.getRepository(Webhook).findOneByOrFail({ id }));
  }

  /** A new secret: the old one stops working at once (receivers must be given the new one). */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    const current = await this.reachable(actor, id);
    const secret = newWebhookSecret();
    await this.db.transaction(async (tx) => {
      await tx.update(Webhook, { id }, { secretSealed: this.box.seal(secret) });
      await appendAudit(tx, { actor, action: 'webhook.secret_rotated', entity: 'Webhook', entityId: id });
    });
    return { ...toView(current), secret };
  }

  /** The current secret, to paste into the receiver again; who looked is audited. */
  async revealSecret(actor: Actor, id: string): Promise<WebhookWithSecret> {
    const current = await this.reachable(actor, id);
    const { secretSealed } = await this.db.getRepository(Webhook).createQueryBuilder('w').select('w.secretSealed', 'secretSealed').where('w.id = :id', { id }).getRawOne<{ secretSealed: string }>() ?? {};
    if (!secretSealed) throw new NotFoundException(`Webhook ${id} does not exist`);
    let secret: string;
    try {
      secret = this.box.open(secretSealed);
    } catch {
      throw new BadRequestException('The secret cannot be read with the current WEBHOOK_SECRET_KEY: rotate it to get a new one');
    }
    await this.db.transaction((tx) => appendAudit(tx, { actor, action: 'webhook.secret_revealed', entity: 'Webhook', entityId: id }));
    return { ...toView(current), secret };
  }

  async remove(actor: Actor, id: string): Promise<WebhookView> {
    const current = await this.reachable(actor, id);
    await this.db.transaction(async (tx) => {
      await tx.delete(Webhook, { id });
      await appendAudit(tx, { actor, action: 'webhook.deleted', entity: 'Webhook', entityId: id, before: { name: current.name, url: current.url, teamLeadId: current.teamLeadId } });
    });
    return toView(current);
  }

  private requireManager(actor: Actor): void {
    if (!isStaff(actor) || !WEBHOOK_MANAGERS.includes(actor.role)) throw new ForbiddenException('Only managers and admins manage webhooks');
  }

  private async requireTeam(actor: Actor, teamLeadId: string): Promise<void> {
    if (actor.role === Role.Admin) return;
    if (!(await teamOf(this.db, actor.userId)).includes(teamLeadId)) throw new ForbiddenException("This webhook serves a team outside yours; a manager manages only their own team's");
  }

  private async reachable(actor: Actor, id: string): Promise<Webhook> {
    this.requireManager(actor);
    const webhook = await this.db.getRepository(Webhook).findOneBy({ id });
    if (!webhook) throw new NotFoundException(`Webhook ${id} does not exist`);
    await this.requireTeam(actor, webhook.teamLeadId);
    return webhook;
  }

  private nameOf(value: unknown): string {
    const name = typeof value === 'string' ? value.trim() : '';
    if (!name) throw new BadRequestException('name is required: what the receiver is, e.g. "#campaign-ops on Slack"');
    if (name.length > 120) throw new BadRequestException('name must be at most 120 characters');
    return name;
  }

  private urlOf(value: unknown): string {
    const problem = webhookUrlProblem(value);
    if (problem) throw new BadRequestException(`url: ${problem}`);
    return (value as string).trim();
  }
}
