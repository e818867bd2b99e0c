import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { EscalationKind, EscalationStatus } from '../../../libs/domain/rules/escalations';
import { OVERDUE_PAYOUTS } from '../payouts/payouts.panel';
import { requestIdFor, routeLabel } from './request-labels';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** Escalations someone still has to act on; a resolved one no longer pages anybody. */
const UNRESOLVED = [EscalationStatus.Open, EscalationStatus.Acknowledged];

/**
 * Every HTTP answer gets an id (the caller's if safe, else a UUID), echoed as X-Request-Id, so a
 * client's report and our log line meet. Mounted first, before the back office and Nest.
 */
export function requestIds(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    response.setHeader(REQUEST_ID_HEADER, requestIdFor(request.headers['x-request-id'], randomUUID));
    next();
  };
}

/** The id requestIds() gave this answer, for log lines. */
export function requestIdOf(response: Response): string | undefined {
  const id = response.getHeader(REQUEST_ID_HEADER);
  return typeof id === 'string' ? id : undefined;
}

/**
 * The API's Prometheus registry: one per app (tests build several apps in one process, and
 * prom-client refuses a metric registered twice), with Node's process metrics, the HTTP
 * request counter and latency histogram, and business gauges read from PostgreSQL on scrape.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route' | 'status'>;
  private readonly logger = new Logger('Metrics');

  constructor(private readonly db: () => DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const labelNames = ['method', 'route', 'status'] as const;
    this.requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames, registers: [this.registry] });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to answer sent, by method, route template and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    // collect() runs with the gauge as `this`.
    const read = <T>(sql: string, parameters?: unknown[]) => this.read<T>(sql, parameters);
    new Gauge({
      name: 'creatorops_escalations_unresolved',
      help: 'Escalations not yet resolved, by kind and status (open: nobody has acknowledged it yet)',
      labelNames: ['kind', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows = await read<{ kind: string; status: string; count: string }>(
          `SELECT "kind", "status", count(*) AS "count" FROM "escalations" WHERE "status" = ANY($1) GROUP BY "kind", "status"`,
          [UNRESOLVED],
        );
        if (!rows) return;
        // Every kind has a series, at 0 too, so an alert's rate() sees the first one arrive.
        for (const kind of Object.values(EscalationKind)) for (const status of UNRESOLVED) this.set({ kind, status }, 0);
        for (const row of rows) this.set({ kind: row.kind, status: row.status }, Number(row.count));
      },
    });
    new Gauge({
      name: 'creatorops_payouts_overdue',
      help: 'Payouts past their due date and neither paid nor cancelled',
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows = await read<{ count: string }>(`SELECT count(*) AS "count" FROM (${OVERDUE_PAYOUTS}) AS "overdue"`);
        if (rows) this.set(Number(rows[0].count));
      },
    });
  }

  /** Counts every answer when it is sent, under its route template (see routeLabel). */
  middleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const stop = this.latency.startTimer();
      response.on('finish', () => {
        const labels = { method: request.method, route: routeLabel(request.originalUrl, request.baseUrl, request.route?.path), status: String(response.statusCode) };
        this.requests.inc(labels);
        stop(labels);
      });
      next();
    };
  }

  /** GET /metrics: the Prometheus text format. */
  handler(): RequestHandler {
    return (_request: Request, response: Response, next: NextFunction) => {
      this.registry.metrics().then((text) => {
        response.setHeader('Content-Type', this.registry.contentType);
        response.send(text);
      }, next);
    };
  }

  /** A failed read leaves its gauge without a value (absent, not a false 0), and the scrape still answers. */
  private async read<T>(sql: string, parameters?: unknown[]): Promise<T[] | null> {
    try {
      return (await this.db().query(sql, parameters)) as T[];
    } catch (error) {
      this.logger.warn(`business metrics unavailable: ${(error as Error).message}`);
      return null;
    }
  }
}
