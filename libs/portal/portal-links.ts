import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { appendAudit } from '../db/audit';
import { PortalLink } from '../domain/entities/portal-link.entity';
import { extendedExpiry, isTokenShaped, linkStatus } from '../domain/rules/portal-links';
import type { Actor, Party } from '../domain/rules/roles';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a token opens: the link, or why it opens nothing (the page says only "not valid" or "expired"). */
export type Resolved = { status: 'usable'; link: PortalLink } | { status: 'unknown' | 'expired' | 'revoked' };

/**
 * Portal links in PostgreSQL (docs/portal.md): issued with a fresh random token (only its hash
 * is kept), resolved on each request (which extends the link), revoked by staff or when the
 * booking ends. Used by the API (the portal, the panel's actions) and the worker (invitations).
 */
export class PortalLinks {
  constructor(
    private readonly db: DataSource,
    private readonly ttlMs: number,
  ) {}

  /**
   * A new link for the booking's party. Earlier links of the same booking and party stop
   * working: one live link per booking and party, the one in the latest e-mail.
   */
  async issue(input: { collaborationId: string; party: Party; partyId: string; by?: Actor; now?: Date }): Promise<{ token: string; link: PortalLink }> {
    const now = input.now ?? new Date();
    const token = newToken();
    const link = await this.db.transaction(async (tx) => {
      await this.revokeWhere(tx, { collaborationId: input.collaborationId, party: input.party }, 'replaced by a new link', now, input.by);
      const created = tx.create(PortalLink, {
        tokenHash: tokenHash(token),
        collaborationId: input.collaborationId,
        party: input.party,
        partyId: input.partyId,
        expiresAt: new Date(now.getTime() + this.ttlMs),
        createdById: input.by?.userId ?? null,
      });
      const saved = await tx.save(PortalLink, created);
      await appendAudit(tx, { actor: input.by, action: 'portal_link.issued', entity: 'Collaboration', entityId: input.collaborationId, after: { linkId: saved.id, party: input.party, expiresAt: saved.expiresAt.toISOString() } });
      return saved;
    });
    return { token, link };
  }

  /** The link a token opens; a usable one is extended (it lasts PORTAL_LINK_TTL from its last use). */
  async resolve(token: string, now = new Date()): Promise<Resolved> {
    if (!isTokenShaped(token)) return { status: 'unknown' };
    const link = await this.db.getRepository(PortalLink).findOneBy({ tokenHash: tokenHash(token) });
    if (!link) return { status: 'unknown' };
    const status = linkStatus(link, now);
    if (status !== 'usable') return { status };
    const expiresAt = extendedExpiry(link, now, this.ttlMs);
    await this.db.getRepository(PortalLink).update({ id: link.id }, { expiresAt, lastUsedAt: now });
    return { status, link: Object.assign(link, { expiresAt, lastUsedAt: now }) };
  }

  /** The newest link of the booking's party that still works, if any. */
  async current(collaborationId: string, party: Party, now = new Date()): Promise<PortalLink | null> {
    const link = await this.db.getRepository(PortalLink).findOne({ where: { collaborationId, party, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
    return link && linkStatus(link, now) === 'usable' ? link : null;
  }

  async markSent(linkId: string, at = new Date()): Promise<void> {
    await this.db.getRepository(PortalLink).update({ id: linkId }, { sentAt: at });
  }

  /** Staff revoke a booking's links (all parties, or one); returns how many stopped working. */
  async revoke(collaborationId: string, reason: string, by?: Actor, party?: Party): Promise<number> {
    return this.db.transaction((tx) => this.revokeWhere(tx, { collaborationId, ...(party ? { party } : {}) }, reason, new Date(), by));
  }

  private async revokeWhere(tx: EntityManager, where: { collaborationId: string; party?: Party }, reason: string, now: Date, by?: Actor): Promise<number> {
    const result = await tx.update(PortalLink, { ...where, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason.slice(0, 200) });
    const count = result.affected ?? 0;
    if (count > 0) {
      await appendAudit(tx, { actor: by, action: 'portal_link.revoked', entity: 'Collaboration', entityId: where.collaborationId, after: { party: where.party ?? 'all', reason, count } });
    }
    return count;
  }
}
