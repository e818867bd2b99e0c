import { ForbiddenException } from '@nestjs/common';
import { referenceKey, type CreatorReference } from '../../../libs/domain/rules/creator-sales';
import { isUuid, postUrlKey } from '../../../libs/domain/rules/post-performance';
import { OPERATIONS_WRITE, outOfReachReason, reachesOwner, type Reacher } from '../../../libs/domain/rules/reach';
import { isRole, type Actor, type Role } from '../../../libs/domain/rules/roles';

/**
 * The records a file's rows name (creators, brands, posts), looked up once per distinct
 * reference per import: a 100,000-row file about 50 creators runs 50 creator queries. Each
 * answer is the id, or why the row cannot be stored (unknown, ambiguous, out of the importer's
 * reach). The caches grow with the distinct references, not the rows.
 */

/** Who may import at all (the roster's writers); reach then decides on whose records. A finance officer imports nothing. */
export const IMPORT_ROLES: readonly Role[] = (Object.keys(OPERATIONS_WRITE) as Role[]).filter((role) => OPERATIONS_WRITE[role] !== 'none');

/** The importer as the reach rules see them (a manager with their team); refused outright when their role imports nothing. */
export async function importerOf(actor: Actor, users: { teamOf(managerId: string): Promise<string[]> }): Promise<Reacher> {
  const { userId, role } = actor;
  if (!isRole(role) || !IMPORT_ROLES.includes(role)) throw new ForbiddenException(`A ${role.replace('_', ' ')} may not import; allowed roles: ${IMPORT_ROLES.join(', ')}`);
  return { id: userId, role, teamIds: OPERATIONS_WRITE[role] === 'team' ? await users.teamOf(userId) : [] };
}

export type Resolution = { ok: true; id: string } | { ok: false; problem: string };

/** The import's transaction (or, before it starts, the data source). */
export interface Queries {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * Creators by CreatorOps handle or by a channel (`platform:channelHandle`), both
 * case-insensitive and without a leading @; reach as for editing the roster
 * (OPERATIONS_WRITE on the creator's owner: a talent manager their own creators, a manager
 * their team's, an admin everyone's).
 */
export class CreatorLookup {
  private readonly found = new Map<string, Resolution>();

  constructor(
    private readonly tx: Queries,
    private readonly importer: Reacher,
  ) {}

  async resolve(reference: CreatorReference, written: string): Promise<Resolution> {
    const key = referenceKey(reference);
    let resolution = this.found.get(key);
    if (!resolution) {
      resolution = await this.lookUp(reference, written);
      this.found.set(key, resolution);
    }
    return resolution;
  }

  private async lookUp(reference: CreatorReference, written: string): Promise<Resolution> {
    const matches: Array<{ id: string; ownerId: string }> = reference.platform
      ? await this.tx.query(
          `SELECT c."id", c."ownerId" FROM "creators" c
            WHERE jsonb_typeof(c."channels") = 'array'
              AND EXISTS (SELECT 1 FROM jsonb_array_elements(c."channels") channel
                           WHERE lower(channel->>'platform') = $1 AND lower(ltrim(btrim(channel->>'handle'), '@')) = $2)`,
          [reference.platform, reference.handle],
        )
      : await this.tx.query(`SELECT "id", "ownerId" FROM "creators" WHERE lower(ltrim(btrim("handle"), '@')) = $1`, [reference.handle]);
    const what = reference.platform ? `no creator has the ${reference.platform} channel "${reference.handle}"` : `no creator has the handle "${reference.handle}"`;
    if (matches.length === 0) return { ok: false, problem: what };
    if (matches.length > 1) {
      return { ok: false, problem: `"${written}" matches ${matches.length} creators; name the creator by their CreatorOps handle` };
    }
    const [creator] = matches;
    if (!reachesOwner(this.importer, OPERATIONS_WRITE, creator.ownerId)) {
      return { ok: false, problem: outOfReachReason(this.importer.role, OPERATIONS_WRITE[this.importer.role], `Creator "${written}"`) };
    }
    return { ok: true, id: creator.id };
  }
}

/** Brands by id or by name (case-insensitive). Brands are shared records: anyone who imports may name any. */
export class BrandLookup {
  private readonly found = new Map<string, Resolution>();

  constructor(private readonly tx: Queries) {}

  async resolve(written: string): Promise<Resolution> {
    const key = written.trim().toLowerCase();
    let resolution = this.found.get(key);
    if (!resolution) {
      resolution = await this.lookUp(written.trim());
      this.found.set(key, resolution);
    }
    return resolution;
  }

  private async lookUp(written: string): Promise<Resolution> {
    const matches: Array<{ id: string }> = isUuid(written)
      ? await this.tx.query(`SELECT "id" FROM "brands" WHERE "id" = $1`, [written])
      : await this.tx.query(`SELECT "id" FROM "brands" WHERE lower("name") = lower($1)`, [written]);
    if (matches.length === 0) return { ok: false, problem: `no brand is called or has the id "${written}"` };
    if (matches.length > 1) return { ok: false, problem: `"${written}" matches ${matches.length} brands; name the brand by its id` };
    return { ok: true, id: matches[0].id };
  }
}

/**
 * Posts by deliverable id or by live URL (compared as postUrlKey: trimmed, no trailing slash,
 * host in any case). Reach: the collaboration's talent manager's (OPERATIONS_WRITE: their own
 * collaborations' posts for a talent manager, their team's for a manager, all for an admin),
 * the person the workflow asks for the numbers when a capture finds none.
 */
export class DeliverableLookup {
  private readonly found = new Map<string, Resolution>();

  constructor(
    private readonly tx: Queries,
    private readonly importer: Reacher,
  ) {}

  async byId(id: string): Promise<Resolution> {
    const key = `id:${id.toLowerCase()}`;
    let resolution = this.found.get(key);
    if (!resolution) {
      const rows: Array<{ id: string; talentManagerId: string }> = await this.tx.query(
        `SELECT d."id", c."talentManagerId" FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId" WHERE d."id" = $1`,
        [id],
      );
      resolution = rows.length === 0 ? { ok: false, problem: `no deliverable has the id ${id}` } : this.reachable(rows[0], `Deliverable ${id}`);
      this.found.set(key, resolution);
    }
    return resolution;
  }

  /** `url` is already a postUrlKey. */
  async byUrl(url: string): Promise<Resolution> {
    const key = `url:${url}`;
    let resolution = this.found.get(key);
    if (!resolution) {
      // A case-insensitive match finds the candidates; the exact comparison keeps the path's case.
      const rows: Array<{ id: string; talentManagerId: string; liveUrl: string }> = await this.tx.query(
        `SELECT d."id", c."talentManagerId", d."liveUrl" FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId"
          WHERE lower(rtrim(btrim(d."liveUrl"), '/')) = lower($1)`,
        [url],
      );
      const matches = rows.filter((row) => postUrlKey(row.liveUrl) === url);
      if (matches.length === 0) resolution = { ok: false, problem: `no deliverable went live at ${url}` };
      else if (matches.length > 1) resolution = { ok: false, problem: `${matches.length} deliverables went live at ${url}; name the post by deliverable_id` };
      else resolution = this.reachable(matches[0], `The post ${url}`);
      this.found.set(key, resolution);
    }
    return resolution;
  }

  private reachable(row: { id: string; talentManagerId: string }, what: string): Resolution {
    if (!reachesOwner(this.importer, OPERATIONS_WRITE, row.talentManagerId)) {
      return { ok: false, problem: outOfReachReason(this.importer.role, OPERATIONS_WRITE[this.importer.role], what) };
    }
    return { ok: true, id: row.id };
  }
}
