import type { KpiActuals } from './kpi-board';
import {
  creatorRetention,
  creatorSatisfaction,
  escalationsPerCollaboration,
  onTimeDelivery,
  repeatCollaborations,
  revenueAndMargin,
  rework,
  rosterChurn,
  shareResolvedLate,
  type LivePost,
} from './kpis';
import { nmvByCurrency, type SalesLine } from './metrics';

/** The records of one scope and period that the team KPIs are computed from (selected by the caller). */
export interface KpiInputs {
  /** Posts that went live in the period. */
  posts: readonly LivePost[];
  /** Creator sales of the period and of the previous one (lines or per-currency sums). */
  sales: readonly SalesLine[];
  previousSales: readonly SalesLine[];
  /** Collaborations booked in the period; `ended` when dropped or cancelled. */
  booked: readonly { creatorId: string; brandPriceMinor: number | null; creatorFeeMinor: number | null; currency: string; ended: boolean }[];
  /** Creators with a collaboration booked in the previous period. */
  bookedPreviously: readonly string[];
  roster: { atStart: number; offboarded: number };
  /** Ratings recorded in the period. */
  ratings: readonly number[];
  escalationsRaised: number;
  activeCollaborations: number;
  /** Escalations resolved in the period. */
  resolvedEscalations: readonly { late: boolean }[];
  /** Deliverables approved in the period, with the revision rounds they took. */
  approvedDeliverables: readonly { revisionCount: number }[];
  /** Creator × brand of every collaboration up to the period's end (not dropped or cancelled). */
  pairs: readonly { creatorId: string; brandId: string }[];
}

/** Every team KPI of one scope and period, each by its one definition (kpis.ts, metrics.ts). */
export function kpiBoardActuals(inputs: KpiInputs): KpiActuals {
  const delivered = inputs.booked.filter((c) => !c.ended);
  const { revenue, margin } = revenueAndMargin(delivered);
  return {
    onTimeDelivery: onTimeDelivery(inputs.posts),
    nmv: nmvByCurrency(inputs.sales),
    nmvPrevious: nmvByCurrency(inputs.previousSales),
    revenue,
    margin,
    creatorRetention: creatorRetention(inputs.bookedPreviously, inputs.booked.map((c) => c.creatorId)),
    rosterChurn: rosterChurn(inputs.roster.atStart, inputs.roster.offboarded),
    satisfaction: creatorSatisfaction(inputs.ratings),
    escalations: {
      raised: inputs.escalationsRaised,
      collaborations: inputs.activeCollaborations,
      perCollaboration: escalationsPerCollaboration(inputs.escalationsRaised, inputs.activeCollaborations),
    },
    resolvedLate: shareResolvedLate(inputs.resolvedEscalations),
    rework: {
      rounds: inputs.approvedDeliverables.reduce((sum, d) => sum + d.revisionCount, 0),
      deliverables: inputs.approvedDeliverables.length,
      perDeliverable: rework(inputs.approvedDeliverables),
    },
    repeatCollaborations: repeatCollaborations(inputs.pairs),
  };
}
