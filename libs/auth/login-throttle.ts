/**
 * Sign-in throttle, shared by the back office and the REST API (HTTP Basic), counting failed
 * sign-ins only:
 * - per account: after 5 failures for one e-mail within 15 minutes the account is locked for
 *   15 minutes, whatever password is sent (counted for any e-mail, known or not, so a lock
 *   reveals nothing about who has an account); a successful sign-in clears the count;
 * - per client address: after 50 failures within 15 minutes the address is locked for 15
 *   minutes (password spraying across many accounts). Successes are never counted, so an
 *   office behind one address is not locked out by its own sign-ins.
 * Kept in PostgreSQL (`login_throttle`), so a lock holds across restarts and API instances.
 * Attempts refused during a lock are not counted (a lock ends).
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export interface ThrottleRow {
  failures: number;
  lockedUntil: Date | null;
}

/** Seconds until a lock ends, or 0 when the account may try to sign in. */
export function lockRemainingSeconds(row: ThrottleRow | undefined, now: Date = new Date()): number {
  if (!row?.lockedUntil) return 0;
  const remaining = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
  return remaining > 0 ? remaining : 0;
}

export class AccountLockedError extends Error {
  constructor(readonly retryAfterSeconds: number, what: 'account' | 'address' = 'account') {
    // No ":" or ".": AdminJS passes the login error through i18next, which reads those as separators.
    super(`Too many failed sign-ins for this ${what === 'account' ? 'account' : 'network address'}, try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s)`);
    this.name = 'AccountLockedError';
  }
}

/** Minimal query interface (a TypeORM DataSource or EntityManager). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** The rows of several keys (an account and a client address) in one round trip; keys without a row are absent. */
export async function readThrottles(db: Queryable, keys: string[]): Promise<Map<string, ThrottleRow>> {
  const rows: Array<ThrottleRow & { key: string }> = await db.query(`SELECT "key", "failures", "lockedUntil" FROM "login_throttle" WHERE "key" = ANY($1)`, [keys]);
  return new Map(rows.map(({ key, ...row }) => [key, row]));
}

/**
 * Counts one failure atomically (concurrent attempts cannot slip past the limit) and returns
 * the new state; `lockedNow` is true for the failure that set the lock.
 */
export async function recordFailure(db: Queryable, key: string, policy: ThrottlePolicy = LOGIN_THROTTLE): Promise<ThrottleRow & { lockedNow: boolean }> {
  const window = `${policy.windowSeconds} seconds`;
  const lock = `${policy.lockSeconds} seconds`;
  const rows: Array<ThrottleRow & { lockedNow: boolean }> = await db.query(
    `INSERT INTO "login_throttle" AS t ("key", "failures", "windowStartedAt", "lockedUntil")
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + $4::interval END)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN t."windowStartedAt" < now() - $3::interval THEN 1 ELSE t."failures" + 1 END,
       "windowStartedAt" = CASE WHEN t."windowStartedAt" < now() - $3::interval THEN now() ELSE t."windowStartedAt" END,
       "lockedUntil" = CASE
         WHEN (CASE WHEN t."windowStartedAt" < now() - $3::interval THEN 1 ELSE t."failures" + 1 END) >= $2 THEN now() + $4::interval
         ELSE NULL END
     RETURNING "failures", "lockedUntil", ("failures" = $2) AS "lockedNow"`,
    [key, policy.maxFailures, window, lock],
  );
  // Old rows of addresses nobody tries any more: cheap, and keeps the table small.
  await db.query(`DELETE FROM "login_throttle" WHERE "windowStartedAt" < now() - $1::interval AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`, [
    `${Math.max(LOGIN_THROTTLE.windowSeconds + LOGIN_THROTTLE.lockSeconds, ADDRESS_THROTTLE.windowSeconds + ADDRESS_THROTTLE.lockSeconds)} seconds`,
  ]);
  return rows[0];
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query(`DELETE FROM "login_throttle" WHERE "key" = $1`, [key]);
}
