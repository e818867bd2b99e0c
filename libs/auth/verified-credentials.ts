import { createHmac, randomBytes } from 'node:crypto';

/**
 * Passwords verified a moment ago. HTTP Basic sends the password with every request, and argon2id
 * is slow on purpose (about 240 ms of CPU here): verified on every call it was the API's
 * bottleneck (docs/operations.md, the benchmark). A password is therefore verified with argon2id
 * once per window, and within it a request is accepted on a match of
 * HMAC(process key, user id + stored hash + password).
 *
 * - Nothing stored is the password, nor usable away from this process: the key is random and
 *   lives only in memory.
 * - The stored hash is part of the digest, so a changed password misses at once (on every API
 *   instance, since each reads the hash from the database on every request).
 * - Whether the account is active, its role and the login throttle are still read from the
 *   database on every request; only the hash comparison is skipped.
 * - A window of 0 turns this off.
 */
export class VerifiedCredentials {
  private readonly key = randomBytes(32);
  /** Digest → when it stops counting (ms). A Map keeps insertion order: the oldest go first. */
  private readonly verified = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when exactly these credentials were verified within the window. */
  has(userId: string, passwordHash: string, password: string): boolean {
    if (this.windowMs <= 0) return false;
    const digest = this.digest(userId, passwordHash, password);
    const until = this.verified.get(digest);
    if (until === undefined) return false;
    if (until <= this.clock()) {
      this.verified.delete(digest);
      return false;
    }
    return true;
  }

  /** After a successful argon2id verification. */
  remember(userId: string, passwordHash: string, password: string): void {
    if (this.windowMs <= 0) return;
    const digest = this.digest(userId, passwordHash, password);
    this.verified.delete(digest);
    this.verified.set(digest, this.clock() + this.windowMs);
    while (this.verified.size > this.capacity) {
      const oldest = this.verified.keys().next().value as string;
      this.verified.delete(oldest);
    }
  }

  get size(): number {
    return this.verified.size;
  }

  private digest(userId: string, passwordHash: string, password: string): string {
    return createHmac('sha256', this.key).update(userId).update('\0').update(passwordHash).update('\0').update(password).digest('base64url');
  }
}
