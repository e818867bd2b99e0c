import type { DataSource } from 'typeorm';
import { entityColumns, entityFromRow } from '../../../libs/db/entity-rows';
import { queryPrepared } from '../../../libs/db/prepared-statements';
import { Collaboration } from '../../../libs/domain/entities';
import { EscalationKind, EscalationStatus } from '../../../libs/domain/rules/escalations';
import { DeliverableStatus, PayoutKind } from '../../../libs/domain/rules/lifecycle';
import { CollaborationStage } from '../../../libs/domain/rules/stages';
import type { CollaborationState, DeliverableProgress, DraftVersion } from '../../../workflows/messages';
import { payoutWorkflowId } from '../../../workflows/payout-messages';

/** A deliverable as the projection knows it: the live state's progress without the post check's detail (verifiedAt, postProblems). */
export type ProjectedDeliverable = Omit<DeliverableProgress, 'verifiedAt' | 'postProblems' | 'drafts'> & { drafts: Omit<DraftVersion, 'acceptedAsIs'>[] };

/**
 * The part of a collaboration's live state that readers need, read from the rows the workflow's
 * activities write (docs/projections.md), shaped as in the live state: the same names, the same
 * values. History, negotiation offers, contracts and measurements stay with the workflow
 * (`?live=true`).
 */
export interface ProjectedState extends Pick<CollaborationState, 'collaborationId' | 'stage' | 'deadlines' | 'openEscalations' | 'payout'> {
  deliverables?: ProjectedDeliverable[];
}

/** An open risk on the booking (a risk flag of its creator that has not cleared), as the booking's answers list it. */
export interface OpenRiskFlag {
  kind: string;
  detail: string;
  raisedAt: Date;
  sourceFlagId: string;
}

export interface Projection {
  state: ProjectedState;
  /** When the newest of the rows the state was read from was written. */
  stateAsOf: string;
  /** Open risk flags, oldest first: not workflow state, read in the same statement to save the reader a round trip. */
  riskFlags: OpenRiskFlag[];
}

/**
 * A booking and its projected state in one statement (`GET /collaborations/:id` reads nothing
 * else), or null when there is no such booking. One statement, so the parts come from one
 * snapshot and agree with each other, and a read costs one round trip; prepared, so PostgreSQL
 * plans it once per connection. Works for runs started before the projection was complete too:
 * whatever rows exist are the state (docs/projections.md#older-runs). The row becomes the entity
 * as a TypeORM read makes it (libs/db/entity-rows.ts).
 */
export async function readBookingWithProjection(db: DataSource, id: string): Promise<{ collaboration: Collaboration; projection: Projection } | null> {
  const [found] = await queryPrepared<ProjectionRow & Record<string, unknown>>(
    db,
    'booking-with-projection',
    `SELECT ${entityColumns(db, Collaboration, 'c')}, ${PROJECTED_PARTS} ${FROM_ONE_BOOKING}`,
    projectionParameters(id),
  );
  if (!found) return null;
  const collaboration = entityFromRow(db, Collaboration, found);
  return { collaboration, projection: projectionOf(collaboration.id, found) };
}

function projectionParameters(id: string): unknown[] {
  return [
    id,
    EscalationStatus.Resolved,
    DeliverableStatus.Planned,
    PayoutKind.Fee,
    // The payout child's PAYOUT_OVERDUE, which the booking decides (payout-overdue-resolvable).
    `${payoutWorkflowId(id)}:escalate:${EscalationKind.PayoutOverdue}:`,
  ];
}

function projectionOf(collaborationId: string, row: ProjectionRow): Projection {
  const state: ProjectedState = {
    collaborationId,
    stage: row.stage,
    deadlines: projectedDeadlines(row.stage, row.deadlines),
    openEscalations: row.escalations.map((e) => ({ escalationId: e.id, kind: e.kind, raisedAt: iso(e.raisedAt) })),
  };
  if (row.deliverables.length) state.deliverables = row.deliverables.map(projectedDeliverable);
  const payout = projectedPayout(collaborationId, row.stage, row.payout ?? undefined);
  if (payout) state.payout = payout;
  const writes = [row.updatedAt, ...row.escalations.map((e) => e.at), ...row.deliverables.map((d) => d.updatedAt), ...(row.payout ? [row.payout.updatedAt] : [])];
  return {
    state,
    stateAsOf: iso(new Date(Math.max(...writes.map((at) => new Date(at).getTime())))),
    riskFlags: row.riskFlags.map((flag) => ({ ...flag, raisedAt: new Date(flag.raisedAt) })),
  };
}

/**
 * The escalations the booking's state lists are those its own workflow raised (its event keys)
 * and its payout child's PAYOUT_OVERDUE ($5).
 */
const PROJECTED_PARTS = `
  COALESCE((SELECT json_agg(json_build_object('id', e."id", 'kind', e."kind", 'raisedAt', e."raisedAt", 'at', GREATEST(e."raisedAt", e."resolvedAt")) ORDER BY e."raisedAt", e."id")
              FROM "escalations" e
             WHERE e."collaborationId" = c."id" AND e."status" <> $2 AND (starts_with(e."eventKey", c."workflowId" || ':escalate:') OR starts_with(e."eventKey", $5))), '[]') AS "escalations",
  COALESCE((SELECT json_agg(json_build_object(
                     'id', d."id", 'type', d."type", 'platform', d."platform", 'draftDueAt', d."draftDueAt", 'scheduledPostAt', d."scheduledPostAt",
                     'status', d."status", 'revisionCount', d."revisionCount", 'maxRevisions', d."maxRevisions", 'liveUrl', d."liveUrl", 'updatedAt', d."updatedAt",
                     'drafts', COALESCE((SELECT json_agg(json_build_object('version', s."version", 'complianceResult', s."complianceResult", 'decision', s."decision", 'feedback', s."feedback") ORDER BY s."version")
                                           FROM "draft_submissions" s WHERE s."deliverableId" = d."id"), '[]'))
                   ORDER BY d."createdAt", d."id")
              FROM "deliverables" d
             WHERE d."collaborationId" = c."id" AND d."status" <> $3), '[]') AS "deliverables",
  (SELECT json_build_object('status', p."status", 'paidAt', p."paidAt", 'providerReference', p."providerReference", 'updatedAt', p."updatedAt")
     FROM "payouts" p WHERE p."collaborationId" = c."id" AND p."kind" = $4 ORDER BY p."createdAt" LIMIT 1) AS "payout",
  COALESCE((SELECT json_agg(json_build_object('kind', f."kind", 'detail', f."detail", 'raisedAt', f."raisedAt", 'sourceFlagId', f."sourceFlagId") ORDER BY f."raisedAt", f."id")
              FROM "booking_risk_flags" f WHERE f."collaborationId" = c."id" AND f."clearedAt" IS NULL), '[]') AS "riskFlags"`;

const FROM_ONE_BOOKING = `FROM "collaborations" c WHERE c."id" = $1`;

interface ProjectionRow {
  stage: CollaborationStage;
  deadlines: Record<string, string> | null;
  updatedAt: Date | string;
  escalations: { id: string; kind: EscalationKind; raisedAt: string; at: string }[];
  deliverables: DeliverableRow[];
  payout: PayoutRow | null;
  riskFlags: Array<Omit<OpenRiskFlag, 'raisedAt'> & { raisedAt: string }>;
}

interface DeliverableRow {
  id: string;
  type: string;
  platform: string;
  draftDueAt: string | null;
  scheduledPostAt: string | null;
  status: Exclude<DeliverableStatus, DeliverableStatus.Planned>;
  revisionCount: number;
  maxRevisions: number;
  liveUrl: string | null;
  updatedAt: string;
  drafts: { version: number; complianceResult: { compliant: boolean; violations: { rule: string; message: string; guideline?: string }[] } | null; decision: DraftVersion['decision'] | null; feedback: string | null }[];
}

interface PayoutRow {
  status: string;
  paidAt: string | null;
  providerReference: string | null;
  updatedAt: string;
}

/**
 * Every deadline the workflow holds belongs to the stage it is in (entering a stage replaces them),
 * so the row's name → due time map is enough. Ordered by due time: the row (jsonb) keeps no order.
 */
export function projectedDeadlines(stage: CollaborationStage, snapshot: Record<string, string> | null): CollaborationState['deadlines'] {
  return Object.entries(snapshot ?? {})
    .map(([name, dueAt]) => ({ name, stage, dueAt }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.name.localeCompare(b.name));
}

function projectedDeliverable(d: DeliverableRow): ProjectedDeliverable {
  return {
    deliverableId: d.id,
    type: d.type,
    platform: d.platform,
    draftDueAt: d.draftDueAt ? iso(d.draftDueAt) : '',
    status: d.status,
    ...(d.scheduledPostAt ? { scheduledPostAt: iso(d.scheduledPostAt) } : {}),
    ...(d.liveUrl ? { liveUrl: d.liveUrl } : {}),
    revisionCount: d.revisionCount,
    maxRevisions: d.maxRevisions,
    drafts: d.drafts.map((s) => ({
      version: s.version,
      compliant: s.complianceResult?.compliant ?? false,
      violations: (s.complianceResult?.violations ?? []).map(({ rule, message, guideline }) => ({ rule, message, ...(guideline ? { guideline } : {}) })),
      ...(s.decision ? { decision: s.decision } : {}),
      ...(s.feedback ? { feedback: s.feedback } : {}),
    })),
  };
}

/**
 * The payout summary: the fee payout's row once the child workflow wrote it; in PAYOUT before
 * that, the child is starting and its payout is requested, as the live state says.
 */
function projectedPayout(collaborationId: string, stage: CollaborationStage, row: PayoutRow | undefined): ProjectedState['payout'] {
  if (!row) return stage === CollaborationStage.Payout ? { workflowId: payoutWorkflowId(collaborationId), status: 'requested' } : undefined;
  return {
    workflowId: payoutWorkflowId(collaborationId),
    status: row.status,
    ...(row.paidAt ? { paidAt: iso(row.paidAt) } : {}),
    ...(row.providerReference ? { providerReference: row.providerReference } : {}),
  };
}

function iso(at: Date | string): string {
  // json_build_object writes timestamptz in the session's zone, not ISO 8601: Date parses both.
  return new Date(at).toISOString();
}
