import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PerformanceSnapshot } from '../libs/domain/entities';
import { SnapshotLabel, SnapshotSource } from '../libs/domain/rules/lifecycle';

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

/**
 * Where a deliverable's performance numbers come from when the MEASURING timers fire. A port:
 * a platform API adapter can replace the default without touching the workflow.
 */
export interface MetricsSource {
  /** The latest numbers known for the post, or null when nobody has provided any yet. */
  latest(deliverableId: string): Promise<PostMetrics | null>;
}

export const METRICS_SOURCE = Symbol('METRICS_SOURCE');

/** The default: what ops entered in the back office or imported (manual snapshots), newest first. */
@Injectable()
export class EnteredMetricsSource implements MetricsSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async latest(deliverableId: string): Promise<PostMetrics | null> {
    const snapshot = await this.db.getRepository(PerformanceSnapshot).findOne({
      where: { deliverableId, label: SnapshotLabel.Manual, source: In([SnapshotSource.OpsEntry, SnapshotSource.Import, SnapshotSource.Api]) },
      order: { capturedAt: 'DESC' },
    });
    if (!snapshot) return null;
    const { source, reach, views, likes, comments, shares, saves, clicks, orders, gmvMinor, returnsMinor, cancellationsMinor, currency } = snapshot;
    return { source, reach, views, likes, comments, shares, saves, clicks, orders, gmvMinor, returnsMinor, cancellationsMinor, currency };
  }
}
