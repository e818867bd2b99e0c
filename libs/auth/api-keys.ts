import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys for integrations: `co_<prefix>_<secret>`.
 *
 * - `prefix`: 16 lower-case hex characters (8 random bytes). Not secret: it is stored as is,
 *   shown in listings, and used to find the key. Hex, so it never contains the `_` separator.
 * - `secret`: 32 random bytes, base64url without padding (43 characters, may contain `_`/`-`).
 *   Only its SHA-256 is stored. A 256-bit random secret cannot be guessed or brute-forced from
 *   the hash, so a slow password hash (argon2) would add cost to every request and no safety.
 *
 * Nothing here logs or returns the token except `generateApiKeyToken`, once, to its caller.
 */
export const API_KEY_TOKEN_PREFIX = 'co_';

const PREFIX_BYTES = 8;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^co_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKeyToken {
  prefix: string;
  secret: string;
}

export interface GeneratedApiKeyToken extends ParsedApiKeyToken {
  /** The whole token, for the caller to hand to the user once. Never store or log it. */
  token: string;
  /** Hex SHA-256 of the secret: what is stored. */
  secretHash: string;
}

export function generateApiKeyToken(): GeneratedApiKeyToken {
  const prefix = randomBytes(PREFIX_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { prefix, secret, token: `${API_KEY_TOKEN_PREFIX}${prefix}_${secret}`, secretHash: hashApiKeySecret(secret) };
}

/** The token's parts, or null when it is not shaped like one of our keys (no lookup is worth doing). */
export function parseApiKeyToken(token: string | undefined | null): ParsedApiKeyToken | null {
  if (typeof token !== 'string') return null;
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return null;
  return { prefix: match[1], secret: match[2] };
}

/** Hex SHA-256 of the secret part of a token. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether the secret matches the stored hash, compared in constant time. */
export function verifyApiKeySecret(secret: string, storedHash: string | null | undefined): boolean {
  if (typeof storedHash !== 'string' || !/^[0-9a-f]{64}$/.test(storedHash)) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(expected, actual);
}

/**
 * The credentials in an Authorization header: HTTP Basic (people) or a Bearer token
 * (integrations). Null when the header is missing or uses another scheme.
 */
export type AuthorizationCredentials =
  | { scheme: 'basic'; email: string; password: string }
  | { scheme: 'bearer'; token: string };

export function parseAuthorizationHeader(header: string | undefined): AuthorizationCredentials | null {
  if (typeof header !== 'string') return null;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    return { scheme: 'basic', email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return { scheme: 'bearer', token: bearer[1] };
  return null;
}
