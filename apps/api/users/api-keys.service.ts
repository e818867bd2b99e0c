import { ForbiddenException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { generateApiKeyToken, hashApiKeySecret, parseApiKeyToken, verifyApiKeySecret } from '../../../libs/auth/api-keys';
import { appendAudit } from '../../../libs/db/audit';
import { queryPrepared } from '../../../libs/db/prepared-statements';
import { ApiKey, User } from '../../../libs/domain/entities';
import { Actor, Role } from '../../../libs/domain/rules/roles';

/** What anyone may see of a key: never the secret or its hash. */
export interface ApiKeyView {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The whole token: shown once, here, and never again. */
  token: string;
}

/** `lastUsedAt` is written at most this often per key, so a busy integration costs no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 86_400_000;

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    userId: key.userId,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  };
}

/** The key a token names, with what authentication needs of its user. */
interface KeyWithUser extends Pick<ApiKey, 'id' | 'secretHash' | 'lastUsedAt' | 'expiresAt' | 'revokedAt'> {
  userId: string;
  role: Role;
  active: boolean;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The actor a bearer token acts as: the key's user with their current role. Refuses (401)
   * malformed, unknown, wrong, revoked and expired keys and keys of disabled users. Messages
   * never contain the token; a key's state is only revealed to a caller holding its secret.
   */
  async authenticate(token: string, now = new Date()): Promise<{ actor: Actor; apiKeyId: string }> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) throw new UnauthorizedException('Malformed API key: expected "Authorization: Bearer co_<prefix>_<secret>"');

    // Every request with a key pays this, so it is one prepared statement: no query building, no entity hydration, no planning.
    const [row] = await queryPrepared<KeyWithUser>(
      this.db,
      'api-key-with-user',
      `SELECT k."id", k."secretHash", k."lastUsedAt", k."expiresAt", k."revokedAt", u."id" AS "userId", u."role", u."active"
         FROM "api_keys" k JOIN "users" u ON u."id" = k."userId"
        WHERE k."prefix" = $1`,
      [parsed.prefix],
    );
    if (!row) {
      // Same work as for a known key, so timing tells nothing beyond what the public prefix does.
      hashApiKeySecret(parsed.secret);
      throw new UnauthorizedException('Invalid API key');
    }
    if (!verifyApiKeySecret(parsed.secret, row.secretHash)) throw new UnauthorizedException('Invalid API key');
    if (row.revokedAt) throw new UnauthorizedException('This API key has been revoked');
    if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw new UnauthorizedException('This API key has expired');
    if (!row.active) throw new UnauthorizedException('The account this API key belongs to is disabled');

    await this.touch(row, now);
    return { actor: { userId: row.userId, role: row.role }, apiKeyId: row.id };
  }

  /** Records use at most once a minute; a failure here is logged and never fails the request. */
  private async touch(key: Pick<ApiKey, 'id' | 'lastUsedAt'>, now: Date): Promise<void> {
    if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    try {
      await this.db.query(
        `UPDATE "api_keys" SET "lastUsedAt" = $2 WHERE "id" = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $2::timestamptz - interval '1 minute')`,
        [key.id, now],
      );
    } catch (error) {
      this.logger.warn(`could not record the use of API key ${key.id}: ${(error as Error).message}`);
    }
  }

  /** A new key for the actor; the token is in the answer and nowhere else. */
  async create(actor: Actor, input: { name: string; expiresInDays?: number }, now = new Date()): Promise<CreatedApiKey> {
    const generated = generateApiKeyToken();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
    const saved = await this.db.transaction(async (tx) => {
      const key = await tx.save(
        tx.create(ApiKey, {
          userId: actor.userId,
          name: input.name,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          lastUsedAt: null,
          expiresAt,
          revokedAt: null,
        }),
      );
      await appendAudit(tx, {
        actor,
        action: 'api_key.created',
        entity: 'ApiKey',
        entityId: key.id,
        after: { userId: key.userId, name: key.name, prefix: key.prefix, expiresAt: key.expiresAt?.toISOString() ?? null },
      });
      return key;
    });
    return { ...toApiKeyView(saved), token: generated.token };
  }

  /** The keys of `userId` (default: the actor's own), newest first. Only admins list other people's. */
  async list(actor: Actor, userId?: string): Promise<ApiKeyView[]> {
    const owner = userId ?? actor.userId;
    if (owner !== actor.userId) {
      if (actor.role !== Role.Admin) throw new ForbiddenException("Only an admin may list another user's API keys");
      if (!(await this.db.getRepository(User).existsBy({ id: owner }))) throw new NotFoundException(`User ${owner} does not exist`);
    }
    const keys = await this.db.getRepository(ApiKey).find({ where: { userId: owner }, order: { createdAt: 'DESC' } });
    return keys.map(toApiKeyView);
  }

  /** Revokes a key at once. Your own, or anyone's for an admin. Revoking twice changes nothing. */
  async revoke(actor: Actor, id: string, now = new Date()): Promise<ApiKeyView> {
    return this.db.transaction(async (tx) => {
      const key = await tx.getRepository(ApiKey).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFoundException(`API key ${id} does not exist`);
      if (key.userId !== actor.userId && actor.role !== Role.Admin) {
        throw new ForbiddenException("You may only revoke your own API keys (an admin may revoke anyone's)");
      }
      if (key.revokedAt) return toApiKeyView(key);
      key.revokedAt = now;
      await tx.getRepository(ApiKey).update({ id }, { revokedAt: now });
      await appendAudit(tx, {
        actor,
        action: 'api_key.revoked',
        entity: 'ApiKey',
        entityId: key.id,
        before: { revokedAt: null },
        after: { userId: key.userId, name: key.name, prefix: key.prefix, revokedAt: now.toISOString() },
      });
      return toApiKeyView(key);
    });
  }

  /**
   * Revokes every live key of a user whose password was reset: a reset says the password may be
   * known to someone else, and a key made with it would outlive the reset otherwise. Audited per
   * key with the reason. Returns how many were revoked.
   */
  async revokeAllOf(userId: string, actor: Actor | undefined, reason: string, now = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const keys = await tx.getRepository(ApiKey).find({ where: { userId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      for (const key of keys) {
        await tx.getRepository(ApiKey).update({ id: key.id }, { revokedAt: now });
        await appendAudit(tx, {
          actor,
          action: 'api_key.revoked',
          entity: 'ApiKey',
          entityId: key.id,
          before: { revokedAt: null },
          after: { userId: key.userId, name: key.name, prefix: key.prefix, revokedAt: now.toISOString(), reason },
        });
      }
      return keys.length;
    });
  }
}
