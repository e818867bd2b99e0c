import type { CollaborationState } from '../../../workflows/messages';
import type { PanelComponent } from '../back-office/components';

/**
 * A booking's live workflow state in the back office (the `state` query): the "Live view"
 * record action of collaborations (live-view.action.ts) renders
 * live-view.tsx with what its handler answers, LiveViewData. Plain data, like
 * back-office/components/index.ts.
 */
export const LIVE_VIEW_COMPONENT = 'CreatorOpsLiveView';

export const LIVE_VIEW: PanelComponent = { name: LIVE_VIEW_COMPONENT, source: 'apps/api/collaborations/live-view.tsx' };

export interface LiveViewData {
  /** What the workflow says now; null when it could not be asked (liveError says why). */
  live: CollaborationState | null;
  liveError?: string;
  /** The stage stored on the row, which may lag behind the workflow. */
  storedStage?: unknown;
  /** Names of the people in the history, by user id. */
  names: Record<string, string>;
  /** Panel links, by escalation id and by deliverable id. */
  links: { escalations: Record<string, string>; deliverables: Record<string, string> };
  /** When the workflow was asked (ISO). */
  at: string;
  /** Open risks kept beside the booking (UNDERPERFORMING), shown whether or not the workflow answers. */
  riskFlags?: Array<{ kind: string; detail: string; raisedAt: string }>;
}
