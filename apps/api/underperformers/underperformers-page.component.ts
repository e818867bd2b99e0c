import type { PanelComponent } from '../back-office/components';

/** "Underperformers" under Pages: the daily Schedule's flags within reach, open or cleared. */
export const UNDERPERFORMERS_PAGE = 'underperformers';
export const UNDERPERFORMERS_PAGE_COMPONENT = 'CreatorOpsUnderperformersPage';
export const UNDERPERFORMERS_PAGE_VIEW: PanelComponent = { name: UNDERPERFORMERS_PAGE_COMPONENT, source: 'apps/api/underperformers/underperformers-page.tsx' };

export interface UnderperformerRow {
  id: string;
  /** "Creator" or "Campaign", and its name. */
  subject: string;
  metric: string;
  observed: string;
  /** "the cohort: 5.50 %" or "own trend: 5.50 %". */
  comparedWith: string;
  since: string;
  suggestion: string;
  explanation: string;
  raisedOn: string;
  clearedOn: string | null;
}

export interface UnderperformersPageData {
  status: 'open' | 'cleared' | 'all';
  rows: UnderperformerRow[];
  total: number;
  error?: string;
}
