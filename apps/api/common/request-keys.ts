import { HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * What a request asks for, reduced to what makes it the same request: which workflow, which
 * decision, who decides and what they send. Object keys are sorted, so the same body written in
 * another order is the same request; an actor counts by who they are (`userId`), not by how
 * their role was looked up.
 */
export function requestFingerprint(target: string, decision: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([target, decision, canonical(input)])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (isActor(record)) return { userId: record.userId };
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, canonical(record[key])]));
}

function isActor(record: Record<string, unknown>): boolean {
  return typeof record.userId === 'string' && typeof record.role === 'string';
}

/**
 * Idempotency-Keys as payment APIs treat them: the first request with a key claims it; the same
 * request again is a replay and gets the original answer (Temporal's update id makes it the same
 * decision); a different request with a used key is refused with 422 instead of being answered
 * with the first request's now stale result. A refused request (4xx) decided nothing, so its key
 * may be claimed again: Temporal remembers the refusal under the update id, so each new attempt
 * gets an update id of its own.
 */
@Injectable()
export class RequestKeys {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims `key` for the request, or confirms this is a replay of the request that holds it.
   * Answers the attempt the update id carries, and whether this call made the claim.
   */
  async claim(key: string, fingerprint: string): Promise<{ attempt: number; claimed: boolean }> {
    const [fresh]: Array<{ attempt: number }> = await this.db.query(
      `INSERT INTO "request_keys" ("key", "fingerprint") VALUES ($1, $2) ON CONFLICT ("key") DO NOTHING RETURNING "attempt"`,
      [key, fingerprint],
    );
    if (fresh) return { attempt: fresh.attempt, claimed: true };
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [[again]]: [Array<{ attempt: number }>, number] = await this.db.query(
      `UPDATE "request_keys" SET "fingerprint" = $2, "attempt" = "attempt" + 1, "refused" = false WHERE "key" = $1 AND "refused" RETURNING "attempt"`,
      [key, fingerprint],
    );
    if (again) return { attempt: again.attempt, claimed: true };
    const [earlier]: Array<{ fingerprint: string; attempt: number }> = await this.db.query(`SELECT "fingerprint", "attempt" FROM "request_keys" WHERE "key" = $1`, [key]);
    if (earlier && earlier.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException('This Idempotency-Key was used for a different request; send a new key for a new request');
    }
    return { attempt: earlier?.attempt ?? 0, claimed: false };
  }

  /** Marks the key's request as refused: nothing was decided, so the key may be claimed again. */
  async release(key: string, fingerprint: string): Promise<void> {
    await this.db.query(`UPDATE "request_keys" SET "refused" = true WHERE "key" = $1 AND "fingerprint" = $2`, [key, fingerprint]);
  }

  /**
   * Runs `decide` under the key with the update id for this attempt (`<key>` first, then
   * `<key>:<attempt>`); without a key, with a fresh id.
   */
  async run<T>(key: string | undefined, fingerprint: string, decide: (requestId: string) => Promise<T>): Promise<T> {
    if (key === undefined) return decide(randomUUID());
    const { attempt, claimed } = await this.claim(key, fingerprint);
    try {
      return await decide(attempt === 0 ? key : `${key}:${attempt}`);
    } catch (error) {
      if (claimed && error instanceof HttpException && error.getStatus() < 500) await this.release(key, fingerprint);
      throw error;
    }
  }
}
