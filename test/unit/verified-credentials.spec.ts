import { randomBytes } from 'node:crypto';
import { VerifiedCredentials } from '../../libs/auth/verified-credentials';

describe('passwords verified a moment ago (HTTP Basic without argon2id on every request)', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('accepts exactly the credentials verified, within the window only', () => {
    const recent = new VerifiedCredentials(60_000, 10, clock);
    expect(recent.has('u1', 'hash-1', 'right password')).toBe(false);
    recent.remember('u1', 'hash-1', 'right password');
    expect(recent.has('u1', 'hash-1', 'right password')).toBe(true);
    expect(recent.has('u1', 'hash-1', 'wrong password')).toBe(false);
    expect(recent.has('u2', 'hash-1', 'right password')).toBe(false);
    now += 59_999;
    expect(recent.has('u1', 'hash-1', 'right password')).toBe(true);
    now += 1;
    expect(recent.has('u1', 'hash-1', 'right password')).toBe(false);
    expect(recent.size).toBe(0);
  });

  it('misses once the password is changed (the stored hash is part of what is remembered)', () => {
    const recent = new VerifiedCredentials(60_000, 10, clock);
    recent.remember('u1', 'hash-before-reset', 'old password');
    expect(recent.has('u1', 'hash-after-reset', 'old password')).toBe(false);
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const recent = new VerifiedCredentials(60_000, 2, clock);
    recent.remember('u1', 'h', 'p');
    recent.remember('u2', 'h', 'p');
    recent.remember('u3', 'h', 'p');
    expect(recent.size).toBe(2);
    expect(recent.has('u1', 'h', 'p')).toBe(false);
    expect(recent.has('u3', 'h', 'p')).toBe(true);
  });

  it('is off with a window of 0', () => {
    const recent = new VerifiedCredentials(0, 10, clock);
    recent.remember('u1', 'h', 'p');
    expect(recent.has('u1', 'h', 'p')).toBe(false);
    expect(recent.size).toBe(0);
  });

  it('keeps a keyed digest, never the password', () => {
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const one = new VerifiedCredentials(60_000, 10, clock);
    const other = new VerifiedCredentials(60_000, 10, clock);
    one.remember('u1', 'h', password);
    other.remember('u1', 'h', password);
    const digestOf = (recent: VerifiedCredentials) => [...(recent as unknown as { verified: Map<string, number> }).verified.keys()][0];
    expect(digestOf(one)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(digestOf(one)).not.toContain(password);
    // Keyed per process: the same credentials give another digest elsewhere (nothing to look up offline).
    expect(digestOf(other)).not.toBe(digestOf(one));
  });
});
