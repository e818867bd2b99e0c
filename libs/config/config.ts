import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { parseDuration } from '../domain/rules/duration';
import { DEFAULT_DATE_SETTINGS, dateSettingsProblem, type DateSettings } from '../domain/rules/date-format';
import { DEFAULT_SATISFACTION_REMINDER } from '../domain/rules/satisfaction';
import { DEFAULT_SLA_POLICY, SlaPolicy, resolveSlaPolicy } from '../domain/rules/sla';
import { loadTemporalConfig, TemporalConfig } from './temporal-config';
import { parseWorkerTuning, type WorkerTuning } from './worker-config';
import { parseMailConfig, type MailConfig } from './mail-config';
import { parseWebhookConfig, type WebhookConfig } from './webhook-config';
import { parsePortalConfig, type PortalConfig } from './portal-config';

/**
 * Every setting CreatorOps reads from the environment, validated once at start-up.
 * Local defaults exist only outside production; in production the secrets must be given.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: { host: string; port: number };
  /** Absent in local development: the launcher then starts an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /**
   * The role that owns the tables and runs the migrations (MIGRATION_DATABASE_URL; default
   * DATABASE_URL, for a single-user database). The API and the worker never use it.
   */
  migrationDatabaseUrl: string | undefined;
  temporal: TemporalConfig;
  sessionSecret: string;
  /**
   * The key the API signs each decision's actor with and the worker checks it with
   * (ACTOR_SIGNING_KEY, docs/access.md#temporal): the same value in both processes.
   */
  actorSigningKey: string;
  /** How long an open creator-satisfaction task waits before its talent manager is reminded (SATISFACTION_REMINDER). */
  satisfactionReminderMs: number;
  /** Days after a period's end during which returns and cancellations still arrive: its NMV is provisional until then (RETURN_WINDOW_DAYS). */
  returnWindowDays: number;
  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * false (none: the address is the connection's), a hop count, or proxy addresses / ranges.
   */
  trustProxy: false | number | string[];
  /** How long a password verified with argon2id is trusted again for HTTP Basic (0: never). */
  verifiedCredentialsWindowSeconds: number;
  admin: { email: string; password: string };
  sla: SlaPolicy;
  /** Performance-data imports (docs/imports.md): the largest file accepted, in bytes (larger: 413). */
  imports: { maxBytes: number };
  /** A payouts API to disburse through (PAYOUT_PROVIDER_URL, PAYOUT_PROVIDER_TOKEN); absent: the built-in bank-file ledger. */
  payoutProvider: { url: string; token?: string } | null;
  /**
   * Bodies the back office accepts (apps/api/back-office/body-limits.ts): form fields and JSON
   * (PANEL_MAX_FIELDS_BYTES; also the cap on anything sent before sign-in) and uploaded files
   * in one request (PANEL_MAX_UPLOAD_BYTES). Larger: 413, refused before the body is read.
   */
  panelBodies: { maxFieldsBytes: number; maxUploadBytes: number };
  /**
   * Back-office sessions: idle timeout (SESSION_IDLE_TIMEOUT: unused this long, the session
   * ends) and absolute lifetime (SESSION_MAX_LIFETIME: however active, it ends this long after
   * sign-in), in milliseconds.
   */
  sessions: { idleTimeoutMs: number; maxLifetimeMs: number };
  /** Whether the OpenAPI document (/docs, /docs-json) is served to anyone, or only with credentials (API_DOCS_PUBLIC). */
  apiDocsPublic: boolean;
  /** Whether the API's Prometheus metrics (/metrics) are served to anyone, or only with credentials (METRICS_PUBLIC). */
  metricsPublic: boolean;
  /** The port the worker's Temporal SDK runtime serves Prometheus metrics on, on HOST (WORKER_METRICS_PORT); null: off. */
  workerMetricsPort: number | null;
  /** How the panel writes dates and times (PANEL_LOCALE, default en-GB; PANEL_TIME_ZONE, default UTC). */
  panelDates: DateSettings;
  /** E-mail delivery of notifications (SMTP_URL, MAIL_FROM, MAIL_MAX_ATTEMPTS); null: no e-mail is sent (libs/config/mail-config.ts). */
  mail: MailConfig | null;
  /** The address people open CreatorOps at (PUBLIC_URL, no trailing slash): links in e-mails point here. */
  publicUrl: string;
  /** Team webhooks: the key their secrets are sealed with (WEBHOOK_SECRET_KEY) and tries per delivery (WEBHOOK_MAX_ATTEMPTS). */
  webhooks: WebhookConfig;
  /** Worker cache and concurrency (WORKER_MAX_CACHED_WORKFLOWS, …; libs/config/worker-config.ts); null: the SDK's default. */
  worker: WorkerTuning;
  /** Creator and brand links, their rate limit and the uploads behind them (libs/config/portal-config.ts). */
  portal: PortalConfig;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /**
   * How log lines are written (LOG_FORMAT): one JSON object a line (the default, what log
   * collectors read), or `pretty`, one readable line each for a person at a terminal.
   */
  logFormat: LogFormat;
}

export type LogFormat = 'json' | 'pretty';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOCAL_SESSION_SECRET = 'local-development-session-secret-change-me';
export const LOCAL_ACTOR_SIGNING_KEY = localActorSigningKey(LOCAL_SESSION_SECRET);

/**
 * Outside production, without ACTOR_SIGNING_KEY: a key derived from the session secret, which the
 * API and the worker of one machine share, so a local run needs no second secret to agree on.
 */
function localActorSigningKey(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('creatorops actor signing').digest('hex');
}

const LOCAL_ADMIN_PASSWORD = 'creatorops-admin';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a TCP port (got "${env.PORT}")`);

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  if (production && !databaseUrl) problems.push('DATABASE_URL is required in production');
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL?.trim() || databaseUrl;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    problems.push('MIGRATION_DATABASE_URL must be a postgres:// URL');
  }

  const sessionSecret = env.SESSION_SECRET ?? (production ? '' : LOCAL_SESSION_SECRET);
  if (production && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET is required in production and must be at least 32 characters');
  }

  const actorSigningKey = env.ACTOR_SIGNING_KEY ?? (production ? '' : localActorSigningKey(sessionSecret));
  if (actorSigningKey.length < 32) {
    problems.push(`ACTOR_SIGNING_KEY is required${production ? ' in production' : ''} and must be at least 32 characters`);
  }

  const temporal = loadTemporalConfig(env, problems);

  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (trustProxy === null) {
    problems.push(
      `TRUST_PROXY must be false, a number of proxies (1-10), or proxy addresses/ranges separated by commas (loopback, linklocal, uniquelocal, 10.0.0.0/8, …) (got "${env.TRUST_PROXY}")`,
    );
  }

  const verifiedCredentialsWindowSeconds = Number(env.VERIFIED_CREDENTIALS_WINDOW_SECONDS ?? 60);
  if (!Number.isInteger(verifiedCredentialsWindowSeconds) || verifiedCredentialsWindowSeconds < 0 || verifiedCredentialsWindowSeconds > 3600) {
    problems.push(`VERIFIED_CREDENTIALS_WINDOW_SECONDS must be whole seconds from 0 to 3600 (got "${env.VERIFIED_CREDENTIALS_WINDOW_SECONDS}")`);
  }

  const adminEmail = (env.ADMIN_EMAIL ?? (production ? '' : 'admin@creatorops.local')).trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL must be an e-mail address');
  const adminPassword = env.ADMIN_PASSWORD ?? (production ? '' : LOCAL_ADMIN_PASSWORD);
  if (adminPassword.length < (production ? 12 : 8)) {
    problems.push(`ADMIN_PASSWORD is required${production ? ' in production and must be at least 12 characters' : ' (at least 8 characters)'}`);
  }

  let sla: SlaPolicy = DEFAULT_SLA_POLICY;
  try {
    sla = resolveSlaPolicy(DEFAULT_SLA_POLICY, {
      briefAckReminder: env.SLA_BRIEF_ACK_REMINDER || undefined,
      briefAckEscalation: env.SLA_BRIEF_ACK_ESCALATION || undefined,
      negotiationReminder: env.SLA_NEGOTIATION_REMINDER || undefined,
      negotiation: env.SLA_NEGOTIATION || undefined,
      commercialsApprovalReminder: env.SLA_COMMERCIALS_APPROVAL_REMINDER || undefined,
      commercialsApproval: env.SLA_COMMERCIALS_APPROVAL || undefined,
      contractReminder: env.SLA_CONTRACT_REMINDER || undefined,
      contractEscalation: env.SLA_CONTRACT_ESCALATION || undefined,
      draftDueReminder: env.SLA_DRAFT_DUE_REMINDER || undefined,
      draftReviewReminder: env.SLA_DRAFT_REVIEW_REMINDER || undefined,
      draftReview: env.SLA_DRAFT_REVIEW || undefined,
      revision: env.SLA_REVISION || undefined,
      postingReminder: env.SLA_POSTING_REMINDER || undefined,
      postingWindow: env.SLA_POSTING_WINDOW || undefined,
      measureFirst: env.SLA_MEASURE_FIRST || undefined,
      measureSecond: env.SLA_MEASURE_SECOND || undefined,
      paymentDay: env.SLA_PAYMENT_DAY || undefined,
      payoutDueReminder: env.SLA_PAYOUT_DUE_REMINDER || undefined,
      escalationResponse: env.SLA_ESCALATION_RESPONSE || undefined,
    });
  } catch (error) {
    problems.push(`SLA_*: ${(error as Error).message}`);
  }

  let satisfactionReminderMs = parseDuration(DEFAULT_SATISFACTION_REMINDER);
  try {
    if (env.SATISFACTION_REMINDER) satisfactionReminderMs = parseDuration(env.SATISFACTION_REMINDER);
  } catch (error) {
    problems.push(`SATISFACTION_REMINDER: ${(error as Error).message}`);
  }

  const returnWindowDays = Number(env.RETURN_WINDOW_DAYS ?? 30);
  if (!Number.isInteger(returnWindowDays) || returnWindowDays < 0 || returnWindowDays > 365) {
    problems.push(`RETURN_WINDOW_DAYS must be whole days from 0 to 365 (got "${env.RETURN_WINDOW_DAYS}")`);
  }

  const importMaxBytes = Number(env.IMPORT_MAX_BYTES ?? DEFAULT_IMPORT_MAX_BYTES);
  if (!Number.isSafeInteger(importMaxBytes) || importMaxBytes < 1 || importMaxBytes > MAX_IMPORT_MAX_BYTES) {
    problems.push(`IMPORT_MAX_BYTES must be a whole number of bytes from 1 to ${MAX_IMPORT_MAX_BYTES} (got "${env.IMPORT_MAX_BYTES}")`);
  }

  let payoutProvider: AppConfig['payoutProvider'] = null;
  if (env.PAYOUT_PROVIDER_URL) {
    let url: URL | null = null;
    try {
      url = new URL(env.PAYOUT_PROVIDER_URL);
    } catch {
      problems.push('PAYOUT_PROVIDER_URL must be a URL such as https://payouts.example.com/v1/transfers');
    }
    // Money instructions and the token travel in the clear over http: only to this machine, and never in production.
    const local = url !== null && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url && url.protocol !== 'https:' && !(url.protocol === 'http:' && local && !production)) {
      problems.push('PAYOUT_PROVIDER_URL must be https (http only to localhost outside production)');
    }
    payoutProvider = { url: env.PAYOUT_PROVIDER_URL, ...(env.PAYOUT_PROVIDER_TOKEN ? { token: env.PAYOUT_PROVIDER_TOKEN } : {}) };
  } else if (env.PAYOUT_PROVIDER_TOKEN) {
    problems.push('PAYOUT_PROVIDER_TOKEN is set without PAYOUT_PROVIDER_URL');
  }

  const maxFieldsBytes = Number(env.PANEL_MAX_FIELDS_BYTES ?? DEFAULT_PANEL_MAX_FIELDS_BYTES);
  if (!Number.isSafeInteger(maxFieldsBytes) || maxFieldsBytes < 1024 || maxFieldsBytes > MAX_PANEL_MAX_FIELDS_BYTES) {
    problems.push(`PANEL_MAX_FIELDS_BYTES must be a whole number of bytes from 1024 to ${MAX_PANEL_MAX_FIELDS_BYTES} (got "${env.PANEL_MAX_FIELDS_BYTES}")`);
  }
  // A panel upload is an import file: by default the import's own limit.
  const maxUploadBytes = Number(env.PANEL_MAX_UPLOAD_BYTES ?? (Number.isSafeInteger(importMaxBytes) ? importMaxBytes : DEFAULT_IMPORT_MAX_BYTES));
  if (!Number.isSafeInteger(maxUploadBytes) || maxUploadBytes < 1 || maxUploadBytes > MAX_IMPORT_MAX_BYTES) {
    problems.push(`PANEL_MAX_UPLOAD_BYTES must be a whole number of bytes from 1 to ${MAX_IMPORT_MAX_BYTES} (got "${env.PANEL_MAX_UPLOAD_BYTES}")`);
  }

  const sessionDuration = (name: string, fallback: string): number => {
    try {
      const ms = parseDuration(env[name] || fallback);
      if (ms < 1000 || ms > 30 * 86_400_000) throw new Error('must be from 1s to 30d');
      return ms;
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message} (got "${env[name]}")`);
      return parseDuration(fallback);
    }
  };
  const idleTimeoutMs = sessionDuration('SESSION_IDLE_TIMEOUT', DEFAULT_SESSION_IDLE_TIMEOUT);
  const maxLifetimeMs = sessionDuration('SESSION_MAX_LIFETIME', DEFAULT_SESSION_MAX_LIFETIME);
  if (idleTimeoutMs > maxLifetimeMs) problems.push('SESSION_IDLE_TIMEOUT must not be longer than SESSION_MAX_LIFETIME');

  const docs = (env.API_DOCS_PUBLIC ?? (production ? 'false' : 'true')).trim().toLowerCase();
  if (!['true', 'false'].includes(docs)) problems.push(`API_DOCS_PUBLIC must be true or false (got "${env.API_DOCS_PUBLIC}")`);

  const metrics = (env.METRICS_PUBLIC ?? (production ? 'false' : 'true')).trim().toLowerCase();
  if (!['true', 'false'].includes(metrics)) problems.push(`METRICS_PUBLIC must be true or false (got "${env.METRICS_PUBLIC}")`);
  const workerMetricsPort = env.WORKER_METRICS_PORT?.trim() ? Number(env.WORKER_METRICS_PORT.trim()) : null;
  if (workerMetricsPort !== null && !(Number.isInteger(workerMetricsPort) && workerMetricsPort >= 1 && workerMetricsPort <= 65535)) {
    problems.push(`WORKER_METRICS_PORT must be a port number from 1 to 65535 (got "${env.WORKER_METRICS_PORT}")`);
  }

  const panelDates: DateSettings = {
    locale: env.PANEL_LOCALE?.trim() || DEFAULT_DATE_SETTINGS.locale,
    timeZone: env.PANEL_TIME_ZONE?.trim() || DEFAULT_DATE_SETTINGS.timeZone,
  };
  const datesProblem = dateSettingsProblem(panelDates);
  if (datesProblem) problems.push(datesProblem);

  const { mail, publicUrl } = parseMailConfig(env, production, port, problems);
  const webhooks = parseWebhookConfig(env, sessionSecret, problems);
  const worker = parseWorkerTuning(env, problems);
  const portal = parsePortalConfig(env, problems);

  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug', 'verbose'].includes(logLevel)) {
    problems.push('LOG_LEVEL must be one of error, warn, log, debug, verbose');
  }
  const logFormat = (env.LOG_FORMAT?.trim() || 'json') as LogFormat;
  if (!['json', 'pretty'].includes(logFormat)) problems.push(`LOG_FORMAT must be json or pretty (got "${env.LOG_FORMAT}")`);
  // Collectors parse what production writes; a pretty line there would be one unparsable string.
  else if (production && logFormat === 'pretty') problems.push('LOG_FORMAT=pretty is for a terminal; production logs are json');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: nodeEnv as AppConfig['env'],
    http: { host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'), port },
    databaseUrl,
    migrationDatabaseUrl,
    temporal,
    sessionSecret,
    actorSigningKey,
    satisfactionReminderMs,
    returnWindowDays,
    trustProxy: trustProxy ?? false,
    verifiedCredentialsWindowSeconds,
    admin: { email: adminEmail, password: adminPassword },
    sla,
    imports: { maxBytes: importMaxBytes },
    payoutProvider,
    panelBodies: { maxFieldsBytes, maxUploadBytes },
    sessions: { idleTimeoutMs, maxLifetimeMs },
    apiDocsPublic: docs === 'true',
    metricsPublic: metrics === 'true',
    workerMetricsPort,
    panelDates,
    mail,
    publicUrl,
    webhooks,
    worker,
    portal,
    logLevel,
    logFormat,
  };
}

/** 50 MB: a year of a large agency's daily creator sales fits many times over. */
export const DEFAULT_IMPORT_MAX_BYTES = 52_428_800;
/** 1 MiB of form fields or JSON: the largest panel form is a few kilobytes. */
export const DEFAULT_PANEL_MAX_FIELDS_BYTES = 1_048_576;
const MAX_PANEL_MAX_FIELDS_BYTES = 67_108_864;
/** A working day of inactivity ends a panel session; twelve hours after sign-in it ends however active. */
export const DEFAULT_SESSION_IDLE_TIMEOUT = '8h';
export const DEFAULT_SESSION_MAX_LIFETIME = '12h';

/** 1 GiB: imports stream, but one transaction holds a connection for as long as the upload lasts. */
const MAX_IMPORT_MAX_BYTES = 1_073_741_824;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, or a range in CIDR notation ("10.0.0.0/8"). */
function isProxyAddress(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY, or null when it is not valid. "true" (believe any X-Forwarded-For) is refused:
 * a client could then claim any address and walk around the per-address login throttle.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every((entry) => PROXY_NAMES.has(entry) || isProxyAddress(entry)) ? entries : null;
}

/** Nest injection token for the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
