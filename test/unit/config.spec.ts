import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, LOCAL_ACTOR_SIGNING_KEY } from '../../libs/config/config';
import { temporalConnectionOptions } from '../../libs/config/temporal-config';

describe('configuration', () => {
  it('runs locally on safe defaults without any environment', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.temporal).toEqual({ address: 'localhost:7233', namespace: 'default', taskQueue: 'creatorops' });
    expect(config.http.host).toBe('127.0.0.1');
  });

  it('refuses to start in production without its secrets, listing every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL is required in production',
        'SESSION_SECRET is required in production and must be at least 32 characters',
        'ACTOR_SIGNING_KEY is required in production and must be at least 32 characters',
        'ADMIN_EMAIL must be an e-mail address',
        'ADMIN_PASSWORD is required in production and must be at least 12 characters',
        'SMTP_URL is required in production (or MAIL_DISABLED=true to send no e-mail)',
      ]);
    }
  });

  it('reads SLA durations from the environment and rejects nonsense', () => {
    expect(loadConfig({ SLA_BRIEF_ACK_REMINDER: '10s', SLA_BRIEF_ACK_ESCALATION: '20s', SLA_NEGOTIATION: '1m' }).sla).toEqual({
      briefAckReminder: 10_000,
      briefAckEscalation: 20_000,
      // Not set, and longer than the shortened negotiation: kept in its default proportion (3 of 5).
      negotiationReminder: 36_000,
      negotiation: 60_000,
      commercialsApprovalReminder: 24 * 3_600_000,
      commercialsApproval: 48 * 3_600_000,
      contractReminder: 48 * 3_600_000,
      contractEscalation: 72 * 3_600_000,
      draftDueReminder: 24 * 3_600_000,
      draftReviewReminder: 24 * 3_600_000,
      draftReview: 48 * 3_600_000,
      revision: 72 * 3_600_000,
      postingReminder: 12 * 3_600_000,
      postingWindow: 24 * 3_600_000,
      measureFirst: 86_400_000,
      measureSecond: 7 * 86_400_000,
      paymentDay: 86_400_000,
      payoutDueReminder: 3 * 86_400_000,
      escalationResponse: 48 * 3_600_000,
    });
    expect(() => loadConfig({ SLA_BRIEF_ACK_REMINDER: 'tomorrow' })).toThrow(/SLA_\*: "tomorrow" is not a duration/);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL and a port out of range', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000' })).toThrow(/PORT must be a TCP port[\s\S]*DATABASE_URL must be a postgres/);
  });

  it('migrates as MIGRATION_DATABASE_URL (the owner), else as DATABASE_URL, and refuses one that is not PostgreSQL', () => {
    const app = 'postgres://creatorops_app:a@db/creatorops';
    expect(loadConfig({ DATABASE_URL: app })).toMatchObject({ databaseUrl: app, migrationDatabaseUrl: app });
    const owner = 'postgres://creatorops:b@db/creatorops';
    expect(loadConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: owner })).toMatchObject({ databaseUrl: app, migrationDatabaseUrl: owner });
    expect(() => loadConfig({ DATABASE_URL: app, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(/MIGRATION_DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('trusts a verified password for 60 s by default, configurable from 0 (off) to an hour', () => {
    expect(loadConfig({}).verifiedCredentialsWindowSeconds).toBe(60);
    expect(loadConfig({ VERIFIED_CREDENTIALS_WINDOW_SECONDS: '0' }).verifiedCredentialsWindowSeconds).toBe(0);
    expect(() => loadConfig({ VERIFIED_CREDENTIALS_WINDOW_SECONDS: '-1' })).toThrow(/VERIFIED_CREDENTIALS_WINDOW_SECONDS must be whole seconds from 0 to 3600/);
    expect(() => loadConfig({ VERIFIED_CREDENTIALS_WINDOW_SECONDS: 'a minute' })).toThrow(/VERIFIED_CREDENTIALS_WINDOW_SECONDS/);
  });

  it('believes X-Forwarded-For only from the proxies named in TRUST_PROXY, never from anyone', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['true', '11', 'cafe', '10.0.0.0/33', 'proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be false, a number of proxies/);
    }
  });

  it('disburses through a payouts API only when PAYOUT_PROVIDER_URL names one over https (http to localhost outside production)', () => {
    expect(loadConfig({}).payoutProvider).toBeNull();
    const token = randomBytes(12).toString('hex');
    expect(loadConfig({ PAYOUT_PROVIDER_URL: 'https://payouts.example.com/v1/transfers', PAYOUT_PROVIDER_TOKEN: token }).payoutProvider).toEqual({
      url: 'https://payouts.example.com/v1/transfers', token,
    });
    expect(loadConfig({ PAYOUT_PROVIDER_URL: 'http://127.0.0.1:4010/transfers' }).payoutProvider).toEqual({ url: 'http://127.0.0.1:4010/transfers' });
    expect(() => loadConfig({ PAYOUT_PROVIDER_URL: 'http://payouts.example.com/transfers' })).toThrow('PAYOUT_PROVIDER_URL must be https (http only to localhost outside production)');
    expect(() => loadConfig({ PAYOUT_PROVIDER_URL: 'not a url' })).toThrow('PAYOUT_PROVIDER_URL must be a URL');
    expect(() => loadConfig({ PAYOUT_PROVIDER_TOKEN: token })).toThrow('PAYOUT_PROVIDER_TOKEN is set without PAYOUT_PROVIDER_URL');
  });

  it('takes imports of up to 50 MB by default, IMPORT_MAX_BYTES otherwise', () => {
    expect(loadConfig({}).imports).toEqual({ maxBytes: 52_428_800 });
    expect(loadConfig({ IMPORT_MAX_BYTES: '1024' }).imports.maxBytes).toBe(1024);
    for (const bad of ['0', '-1', '1.5', '50MB', '2000000000']) {
      expect(() => loadConfig({ IMPORT_MAX_BYTES: bad })).toThrow(/IMPORT_MAX_BYTES must be a whole number of bytes from 1 to 1073741824/);
    }
  });
});

describe('configuration of the back office: bodies and sessions', () => {
  it('takes 1 MiB of form fields and the import limit in files by default, both configurable', () => {
    expect(loadConfig({}).panelBodies).toEqual({ maxFieldsBytes: 1_048_576, maxUploadBytes: 52_428_800 });
    expect(loadConfig({ IMPORT_MAX_BYTES: '1000' }).panelBodies.maxUploadBytes).toBe(1000);
    expect(loadConfig({ PANEL_MAX_FIELDS_BYTES: '65536', PANEL_MAX_UPLOAD_BYTES: '2048' }).panelBodies).toEqual({ maxFieldsBytes: 65_536, maxUploadBytes: 2048 });
    expect(() => loadConfig({ PANEL_MAX_FIELDS_BYTES: 'lots' })).toThrow(/PANEL_MAX_FIELDS_BYTES must be a whole number/);
    expect(() => loadConfig({ PANEL_MAX_UPLOAD_BYTES: '0' })).toThrow(/PANEL_MAX_UPLOAD_BYTES must be a whole number/);
  });

  it('ends a panel session after 8 h idle and 12 h after sign-in by default, both configurable', () => {
    expect(loadConfig({}).sessions).toEqual({ idleTimeoutMs: 8 * 3_600_000, maxLifetimeMs: 12 * 3_600_000 });
    expect(loadConfig({ SESSION_IDLE_TIMEOUT: '30m', SESSION_MAX_LIFETIME: '4h' }).sessions).toEqual({ idleTimeoutMs: 1_800_000, maxLifetimeMs: 4 * 3_600_000 });
    expect(() => loadConfig({ SESSION_MAX_LIFETIME: 'forever' })).toThrow(/SESSION_MAX_LIFETIME/);
    expect(() => loadConfig({ SESSION_IDLE_TIMEOUT: '13h' })).toThrow(/SESSION_IDLE_TIMEOUT must not be longer than SESSION_MAX_LIFETIME/);
  });
});

describe('configuration of the OpenAPI document', () => {
  it('is public outside production and behind sign-in in production, unless API_DOCS_PUBLIC says otherwise', () => {
    expect(loadConfig({}).apiDocsPublic).toBe(true);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32), ACTOR_SIGNING_KEY: 'k'.repeat(32), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'p'.repeat(12), MAIL_DISABLED: 'true' };
    expect(loadConfig(production).apiDocsPublic).toBe(false);
    expect(loadConfig({ ...production, API_DOCS_PUBLIC: 'true' }).apiDocsPublic).toBe(true);
    expect(loadConfig({ API_DOCS_PUBLIC: 'false' }).apiDocsPublic).toBe(false);
    expect(() => loadConfig({ API_DOCS_PUBLIC: 'maybe' })).toThrow(/API_DOCS_PUBLIC must be true or false/);
  });
});

describe('configuration of the metrics', () => {
  it('serves /metrics to anyone outside production and behind sign-in in production, unless METRICS_PUBLIC says otherwise', () => {
    expect(loadConfig({}).metricsPublic).toBe(true);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32), ACTOR_SIGNING_KEY: 'k'.repeat(32), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'p'.repeat(12), MAIL_DISABLED: 'true' };
    expect(loadConfig(production).metricsPublic).toBe(false);
    expect(loadConfig({ ...production, METRICS_PUBLIC: 'true' }).metricsPublic).toBe(true);
    expect(() => loadConfig({ METRICS_PUBLIC: 'yes' })).toThrow(/METRICS_PUBLIC must be true or false/);
  });

  it("leaves the worker's metrics port off unless WORKER_METRICS_PORT names a valid port", () => {
    expect(loadConfig({}).workerMetricsPort).toBeNull();
    expect(loadConfig({ WORKER_METRICS_PORT: '9464' }).workerMetricsPort).toBe(9464);
    for (const bad of ['0', '65536', 'http', '94.5']) {
      expect(() => loadConfig({ WORKER_METRICS_PORT: bad })).toThrow(/WORKER_METRICS_PORT must be a port number/);
    }
  });
});

describe('configuration of the decision signing key and the Temporal connection', () => {
  let dir: string;
  const pem = (name: string) => path.join(dir, name);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-config-'));
    for (const name of ['client.pem', 'client.key', 'ca.pem']) fs.writeFileSync(pem(name), `-----BEGIN TEST-----\n${name}\n-----END TEST-----\n`);
    fs.writeFileSync(pem('not-pem.txt'), 'hello');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shares a fixed local ACTOR_SIGNING_KEY between the API and the worker outside production, and requires a long one in production', () => {
    expect(loadConfig({}).actorSigningKey).toBe(LOCAL_ACTOR_SIGNING_KEY);
    expect(loadConfig({ ACTOR_SIGNING_KEY: 'k'.repeat(32) }).actorSigningKey).toBe('k'.repeat(32));
    expect(() => loadConfig({ ACTOR_SIGNING_KEY: 'short' })).toThrow(/ACTOR_SIGNING_KEY is required and must be at least 32 characters/);
  });

  it('speaks plain TCP unless TLS is asked for, and reads the mTLS files at start-up', () => {
    expect(loadConfig({}).temporal.tls).toBeUndefined();
    expect(loadConfig({ TEMPORAL_TLS: 'true' }).temporal.tls).toEqual({});
    const config = loadConfig({ TEMPORAL_TLS_CERT_PATH: pem('client.pem'), TEMPORAL_TLS_KEY_PATH: pem('client.key'), TEMPORAL_TLS_CA_PATH: pem('ca.pem'), TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' });
    expect(config.temporal.tls).toEqual({
      clientCertPair: { crt: fs.readFileSync(pem('client.pem')), key: fs.readFileSync(pem('client.key')) },
      serverRootCACertificate: fs.readFileSync(pem('ca.pem')),
      serverNameOverride: 'temporal.internal',
    });
    expect(temporalConnectionOptions(config.temporal)).toEqual({ address: 'localhost:7233', tls: config.temporal.tls });
  });

  it('sends a Temporal Cloud API key only over TLS', () => {
    const apiKey = randomBytes(24).toString('base64url');
    const cloud = loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: apiKey });
    expect(temporalConnectionOptions(cloud.temporal)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: {}, apiKey });
    expect(() => loadConfig({ TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: apiKey })).toThrow(/TEMPORAL_TLS=false cannot be combined/);
  });

  it('refuses half a certificate pair, unreadable or non-PEM files and a nonsense TEMPORAL_TLS, listing each', () => {
    try {
      loadConfig({ TEMPORAL_TLS_CERT_PATH: pem('client.pem'), TEMPORAL_TLS_CA_PATH: pem('missing.pem'), TEMPORAL_TLS: 'yes' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        `TEMPORAL_TLS_CA_PATH: cannot read ${pem('missing.pem')} (ENOENT)`,
        'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH come as a pair (the client certificate and its key)',
        'TEMPORAL_TLS must be true or false (got "yes")',
      ]);
    }
    expect(() => loadConfig({ TEMPORAL_TLS_KEY_PATH: pem('not-pem.txt'), TEMPORAL_TLS_CERT_PATH: pem('client.pem') })).toThrow(/TEMPORAL_TLS_KEY_PATH must name a PEM file/);
  });
});

describe('configuration of e-mail', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32), ACTOR_SIGNING_KEY: 'k'.repeat(32), ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'p'.repeat(12) };
  const problems = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('sends no e-mail locally until SMTP_URL names a server, and then links to this machine', () => {
    expect(loadConfig({}).mail).toBeNull();
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1025', PORT: '3100' });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://127.0.0.1:1025', from: 'CreatorOps <no-reply@creatorops.local>', maxAttempts: 5 });
    expect(config.publicUrl).toBe('http://127.0.0.1:3100');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_DISABLED: 'true' }).mail).toBeNull();
  });

  it('requires SMTP_URL, MAIL_FROM and PUBLIC_URL in production, unless mail is turned off on purpose', () => {
    expect(problems(production)).toEqual(['SMTP_URL is required in production (or MAIL_DISABLED=true to send no e-mail)']);
    expect(loadConfig({ ...production, MAIL_DISABLED: 'true' }).mail).toBeNull();
    expect(problems({ ...production, SMTP_URL: 'smtps://ops:secret@smtp.example.com:465' })).toEqual([
      'MAIL_FROM must be an address, optionally with a name ("CreatorOps <ops@example.com>"); it is required in production',
      'PUBLIC_URL must be the http(s) address people open CreatorOps at, such as https://ops.example.com; e-mail links need it in production',
    ]);
    const config = loadConfig({ ...production, SMTP_URL: 'smtps://ops:secret@smtp.example.com:465', MAIL_FROM: 'Ops <ops@example.com>', PUBLIC_URL: 'https://ops.example.com/', MAIL_MAX_ATTEMPTS: '8' });
    expect(config.mail).toEqual({ smtpUrl: 'smtps://ops:secret@smtp.example.com:465', from: 'Ops <ops@example.com>', maxAttempts: 8 });
    expect(config.publicUrl).toBe('https://ops.example.com');
  });

  it('rejects a URL that is not SMTP without echoing it (it may carry a password), and nonsense limits', () => {
    const found = problems({ SMTP_URL: 'https://user:hunter2@mail.example.com', MAIL_MAX_ATTEMPTS: '0', MAIL_DISABLED: 'maybe' });
    expect(found).toEqual([
      'MAIL_DISABLED must be true or false (got "maybe")',
      'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587',
      'MAIL_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "0")',
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });
});
