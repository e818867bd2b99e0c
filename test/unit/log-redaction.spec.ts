import { randomBytes } from 'node:crypto';
import { createLogger } from '../../libs/logging/logger';
import { formatEntry, prettyLines } from '../../libs/logging/pretty-lines';
import { REDACTED, redactUrl } from '../../libs/logging/redaction';
import { loadConfig } from '../../libs/config/config';

/** A logger as the apps build it, writing into an array instead of stdout. */
function capture(level: 'debug' | 'warn' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: level, logFormat: 'json' }, 'api', { write: (line: string) => void lines.push(line) });
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), text: () => lines.join('') };
}

describe('log redaction, by the logger configuration', () => {
  // Generated per run: the assertions look for these exact values in the output.
  const password = randomBytes(12).toString('hex');
  const sessionId = randomBytes(12).toString('hex');
  const secrets = {
    password,
    apiKey: `co_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`,
    iban: 'DE89370400440532013000',
    accountNumber: '000123456789',
    payoutReference: `tok_${randomBytes(6).toString('hex')}`,
    cookie: `connect.sid=s%3A${sessionId}`,
    basic: `Basic ${Buffer.from(`ops@example.com:${password}`).toString('base64')}`,
  };

  it('removes credentials and payout details from a logged object, at its top and nested', () => {
    const { logger, text, entries } = capture();
    logger.info({ password: secrets.password, apiKey: secrets.apiKey }, 'top level');
    logger.debug({ requestBody: { password: secrets.password, creator: { payoutDetails: { iban: secrets.iban, accountNumber: secrets.accountNumber } }, payoutReference: secrets.payoutReference } }, 'nested');
    logger.warn({ deep: { a: { b: { newPassword: secrets.password } } } }, 'three levels down');
    for (const value of [secrets.password, secrets.apiKey, secrets.iban, secrets.accountNumber, secrets.payoutReference]) expect(text()).not.toContain(value);
    const [top, nested] = entries();
    expect(top).toMatchObject({ password: REDACTED, apiKey: REDACTED, msg: 'top level', level: 'info', service: 'api' });
    expect(nested).toMatchObject({ requestBody: { password: REDACTED, creator: { payoutDetails: REDACTED }, payoutReference: REDACTED } });
  });

  it('removes them at any depth and inside arrays, without changing the object the caller logged', () => {
    const { logger, text, entries } = capture();
    const body = { creators: [{ name: 'Asha', payout: { bank: { details: { iban: secrets.iban } } } }], note: 'kept' };
    logger.info({ body }, 'deep');
    expect(text()).not.toContain(secrets.iban);
    expect(entries()[0]).toMatchObject({ body: { creators: [{ name: 'Asha', payout: { bank: { details: { iban: REDACTED } } } }], note: 'kept' } });
    expect(body.creators[0].payout.bank.details.iban).toBe(secrets.iban);
  });

  it("removes the request's authorization, cookies and the answer's Set-Cookie, and keeps the harmless headers", () => {
    const { logger, text, entries } = capture();
    logger.info({ req: { headers: { authorization: secrets.basic, cookie: secrets.cookie, 'x-api-key': secrets.apiKey, 'user-agent': 'curl/8' } }, res: { headers: { 'set-cookie': secrets.cookie } } }, 'GET / → 200');
    expect(text()).not.toContain(secrets.basic.slice(6));
    expect(text()).not.toContain(sessionId);
    expect(text()).not.toContain(secrets.apiKey);
    expect(entries()[0]).toMatchObject({ req: { headers: { authorization: REDACTED, 'user-agent': 'curl/8' } } });
  });

  it('writes one JSON object a line with an ISO time and a level name, and honours LOG_LEVEL', () => {
    const { logger, entries } = capture('warn');
    logger.info('not written');
    logger.warn('written');
    expect(entries()).toEqual([expect.objectContaining({ level: 'warn', msg: 'written', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it('redacts the values of credential-bearing query parameters in URLs, and keeps the rest', () => {
    expect(redactUrl('/portal/bookings/1?token=abc.def&tab=brief')).toBe('/portal/bookings/1?token=%5Bredacted%5D&tab=brief');
    expect(redactUrl('/collaborations?stage=BRIEFED&api_key=x')).toBe('/collaborations?stage=BRIEFED&api_key=%5Bredacted%5D');
    expect(redactUrl('/health')).toBe('/health');
    expect(redactUrl('/x?%zz=1&sig=2')).toBe('/x?%zz=1&sig=%5Bredacted%5D');
  });
});

describe('LOG_FORMAT=pretty', () => {
  it('writes each (already redacted) line readably: time, level, context, message, then the other fields', () => {
    const out: string[] = [];
    const stream = prettyLines({ write: (text: string) => out.push(text) });
    const logger = createLogger({ logLevel: 'log', logFormat: 'pretty' }, 'worker', stream);
    logger.info({ context: 'Worker', requestId: 'r-1', password: 'pw' }, 'polling');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  \[Worker\] polling requestId=r-1 password=\[redacted\]\n$/);
    expect(formatEntry({ level: 'warn', msg: 'm', n: 2 })).toBe(' WARN  m n=2');
  });
});

describe('LOG_LEVEL and LOG_FORMAT settings', () => {
  it('default to log and json, accept pretty outside production, and refuse anything else with a reason', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'log', logFormat: 'json' });
    expect(loadConfig({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' })).toMatchObject({ logLevel: 'debug', logFormat: 'pretty' });
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or pretty \(got "xml"\)/);
    expect(() => loadConfig({ LOG_LEVEL: 'info' })).toThrow(/LOG_LEVEL must be one of/);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', SESSION_SECRET: 'x'.repeat(32), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'y'.repeat(12), ACTOR_SIGNING_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://ops.example.com' };
    expect(() => loadConfig({ ...production, LOG_FORMAT: 'pretty' })).toThrow(/production logs are json/);
  });
});
