import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PerformanceSnapshot } from '../libs/domain/entities';
import { SnapshotLabel, SnapshotSource } from '../libs/domain/rules/lifecycle';
import { nearestReading } from '../libs/domain/rules/measuring';

export interface PostMetrics {
  source: SnapshotSource;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  orders: number | null;
  gmvMinor: number | null;
  returnsMinor: number | null;
  cancellationsMinor: number | null;
  currency: string | null;
}

/** Numbers of a post and when they were read. */
export interface MeasuredMetrics extends PostMetrics {
  measuredAt: Date;
}

/** What a MEASURING capture asks for (libs/domain/rules/measuring.ts). */
export interface MetricsRequest {
  deliverableId: string;
  /** The capture's moment: the reading nearest to it is wanted. */
  moment: Date;
  /** Only readings taken after this (the post going live, or the previous capture); null: any. */
  after: Date | null;
}

/**
 * Where a deliverable's performance numbers come from when the MEASURING timers fire. A port:
 * a platform API adapter can replace the default without touching the workflow (it would
 * answer with the numbers it reads now, `measuredAt` = now).
 */
export interface MetricsSource {
  /** The reading nearest to `moment` among those after `after`, or null when there is none. */
  nearest(request: MetricsRequest): Promise<MeasuredMetrics | null>;
}

export const METRICS_SOURCE = Symbol('METRICS_SOURCE');

/** Readings the capture may take: what ops entered by hand and what was imported. */
const READING_LABELS = [SnapshotLabel.Manual, SnapshotLabel.Imported];

/** The default: the numbers ops entered in the back office (`manual`) or imported (`imported`). */
@Injectable()
export class EnteredMetricsSource implements MetricsSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async nearest(request: MetricsRequest): Promise<MeasuredMetrics | null> {
    // The last reading at or before the moment and the first after it: the nearest is one of the two.
    const around = (side: '<=' | '>', order: 'ASC' | 'DESC') => {
      const query = this.db
        .getRepository(PerformanceSnapshot)
        .createQueryBuilder('snapshot')
        .where('snapshot.deliverableId = :deliverableId', { deliverableId: request.deliverableId })
        .andWhere('snapshot.label IN (:...labels)', { labels: READING_LABELS })
        .andWhere(`snapshot.capturedAt ${side} :moment`, { moment: request.moment });
      if (request.after) query.andWhere('snapshot.capturedAt > :after', { after: request.after });
      return query.orderBy('snapshot.capturedAt', order).addOrderBy('snapshot.createdAt', 'DESC').getOne();
    };
    const candidates = (await Promise.all([around('<=', 'DESC'), around('>', 'ASC')])).filter((found): found is PerformanceSnapshot => !!found);
    const snapshot = nearestReading(candidates, request.moment, request.after);
    if (!snapshot) return null;
    const { source, reach, views, likes, comments, shares, saves, clicks, orders, gmvMinor, returnsMinor, cancellationsMinor, currency } = snapshot;
    return { source, reach, views, likes, comments, shares, saves, clicks, orders, gmvMinor, returnsMinor, cancellationsMinor, currency, measuredAt: snapshot.capturedAt };
  }
}
