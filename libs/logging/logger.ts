import type { LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { prettyLines } from './pretty-lines';
import { censorNested, REDACTED, redactPaths } from './redaction';

export type LogSettings = Pick<AppConfig, 'logLevel' | 'logFormat'>;

/** Nest's level names to pino's: `log` is Nest's everyday level, `verbose` its most detailed. */
const PINO_LEVELS: Record<AppConfig['logLevel'], Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * The process's root logger: JSON lines (or readable ones) on stdout, with the redaction
 * (./redaction.ts) applied to every line whoever writes it. `service` names the process kind
 * and `hostname` the replica, so lines of several APIs and workers stay apart.
 */
export function createLogger(settings: LogSettings, service: 'api' | 'worker' | string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: PINO_LEVELS[settings.logLevel],
    base: { service, pid: process.pid, hostname: process.env.HOSTNAME },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A level name is what people grep and collectors map; the number is pino's internal.
    formatters: { level: (label) => ({ level: label }), log: censorNested() },
    redact: { paths: redactPaths(), censor: REDACTED },
  };
  return pino(options, destination ?? (settings.logFormat === 'pretty' ? prettyLines(process.stdout) : pino.destination({ dest: 1, sync: true })));
}

let processLogger: Logger | undefined;

/**
 * One root logger per process, made on first use: the API's or the worker's entry point, the
 * HTTP middleware and the activity interceptor all write through it.
 */
export function rootLogger(settings: LogSettings, service: string): Logger {
  processLogger ??= createLogger(settings, service);
  return processLogger;
}

/**
 * Writes why the process stops: as a JSON line once the root logger exists, else (the
 * configuration itself was refused, so there is no logger to trust) as plain text on stderr.
 */
export function reportFatal(error: unknown, what: string): void {
  if (processLogger && !(error instanceof Error && error.name === 'ConfigError')) processLogger.fatal({ err: error }, what);
  else console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
}

/**
 * Nest's LoggerService over pino (nestjs-pino): `new Logger('Context').log(...)` anywhere in the
 * app becomes a JSON line, and inside an HTTP request or an activity it is written by that
 * request's child logger, so it carries the request id.
 */
export function nestLogger(root: Logger): LoggerService {
  return new NestPinoLogger(new PinoLogger({ pinoHttp: { logger: root } }), {});
}

/** Runs `work` with `logger` as the logger every Nest Logger call inside it writes through. */
export function withLogger<T>(logger: Logger, work: () => T): T {
  return storage.run(new Store(logger), work);
}

/** The request id of the HTTP request (or the activity) this code runs for, if any. */
export function currentRequestId(): string | undefined {
  const id = storage.getStore()?.logger.bindings().requestId;
  return typeof id === 'string' ? id : undefined;
}
