import { createHash, randomBytes } from 'node:crypto';
import {
  generateApiKeyToken,
  hashApiKeySecret,
  parseApiKeyToken,
  parseAuthorizationHeader,
  verifyApiKeySecret,
} from '../../libs/auth/api-keys';

describe('API key tokens', () => {
  it('are co_<16 hex prefix>_<43 base64url secret>, and parse back into their parts', () => {
    const generated = generateApiKeyToken();
    expect(generated.token).toMatch(/^co_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(generated.token).toBe(`co_${generated.prefix}_${generated.secret}`);
    expect(parseApiKeyToken(generated.token)).toEqual({ prefix: generated.prefix, secret: generated.secret });
    expect(Buffer.from(generated.secret, 'base64url')).toHaveLength(32);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => generateApiKeyToken().token));
    expect(tokens.size).toBe(50);
  });

  it('parse a secret that contains the separator, since the prefix is hex', () => {
    const secret = `_${'a'.repeat(20)}_-${'B'.repeat(20)}`;
    expect(secret).toHaveLength(43);
    expect(parseApiKeyToken(`co_0123456789abcdef_${secret}`)).toEqual({ prefix: '0123456789abcdef', secret });
  });

  // Token shapes built from parts, so no literal here looks like a usable key.
  const prefix = '0123456789abcdef';
  const secretOfLength = (length: number) => 'a'.repeat(length);
  it.each([
    ['nothing', ''],
    ['another scheme', `sk_${prefix}_${secretOfLength(43)}`],
    ['a short prefix', `co_${prefix.slice(1)}_${secretOfLength(43)}`],
    ['an upper-case prefix', `co_${prefix.toUpperCase()}_${secretOfLength(43)}`],
    ['a short secret', `co_${prefix}_${secretOfLength(42)}`],
    ['a long secret', `co_${prefix}_${secretOfLength(44)}`],
    ['base64 padding', `co_${prefix}_${secretOfLength(42)}=`],
    ['a missing separator', `co_${prefix}${secretOfLength(43)}`],
    ['garbage', 'not-a-key'],
  ])('refuses %s', (_what, token) => {
    expect(parseApiKeyToken(token)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(parseApiKeyToken(undefined)).toBeNull();
    expect(parseApiKeyToken(null)).toBeNull();
  });

  it('store only the hex SHA-256 of the secret, and verify against it', () => {
    const { secret, secretHash, token } = generateApiKeyToken();
    expect(secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashApiKeySecret(secret)).toBe(secretHash);
    expect(secretHash).not.toContain(secret);
    expect(secretHash).not.toContain(token);
    expect(verifyApiKeySecret(secret, secretHash)).toBe(true);
    expect(verifyApiKeySecret(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, secretHash)).toBe(false);
    expect(verifyApiKeySecret(secret, generateApiKeyToken().secretHash)).toBe(false);
  });

  it('fail verification, without throwing, against a missing or malformed stored hash', () => {
    const { secret } = generateApiKeyToken();
    expect(verifyApiKeySecret(secret, undefined)).toBe(false);
    expect(verifyApiKeySecret(secret, '')).toBe(false);
    expect(verifyApiKeySecret(secret, 'abc')).toBe(false);
    expect(verifyApiKeySecret(secret, 'z'.repeat(64))).toBe(false);
  });
});

describe('parseAuthorizationHeader', () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it('reads HTTP Basic credentials, a password with colons included', () => {
    const withColons = `${randomBytes(4).toString('hex')}:${randomBytes(4).toString('hex')}`;
    expect(parseAuthorizationHeader(basic(`tara@example.test:${withColons}`))).toEqual({ scheme: 'basic', email: 'tara@example.test', password: withColons });
    expect(parseAuthorizationHeader(basic('tara@example.test:'))).toEqual({ scheme: 'basic', email: 'tara@example.test', password: '' });
  });

  it('reads a Bearer token, whatever the case of the scheme', () => {
    const { token } = generateApiKeyToken();
    expect(parseAuthorizationHeader(`Bearer ${token}`)).toEqual({ scheme: 'bearer', token });
    expect(parseAuthorizationHeader(`bearer  ${token}`)).toEqual({ scheme: 'bearer', token });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['Basic without an e-mail', basic(':password')],
    ['Basic without a colon', basic('just-a-name')],
    ['an empty Bearer', 'Bearer '],
    ['a Bearer with spaces in the token', 'Bearer two words'],
    ['another scheme', 'Digest username="x"'],
  ])('returns null for %s', (_what, header) => {
    expect(parseAuthorizationHeader(header)).toBeNull();
  });
});
