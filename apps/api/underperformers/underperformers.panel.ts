import { METRIC_LABELS, SUGGESTION_TEXT, type Suggestion, type UnderperformanceMetric } from '../../../libs/domain/rules/underperformance';
import type { PanelPage } from '../back-office/pages';
import { FLAG_STATUSES, type FlagStatus, type UnderperformerFlagDto } from './underperformer.dto';
import { UNDERPERFORMERS_PAGE, UNDERPERFORMERS_PAGE_COMPONENT, type UnderperformerRow, type UnderperformersPageData } from './underperformers-page.component';
import type { UnderperformersService } from './underperformers.service';

export interface UnderperformersPageDependencies {
  underperformers: Pick<UnderperformersService, 'list'>;
}

/** A flag's value as the panel shows it: engagement in %, ROAS as a multiple, NMV in major units of its currency. */
export function flagFigure(metric: string, value: number, currency: string | null): string {
  if (metric === 'engagementRate') return `${(value * 100).toFixed(2)} %`;
  if (metric === 'roas') return `${value.toFixed(2)}×`;
  return `${currency ?? ''} ${(value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`.trim();
}

export function underperformerRow(flag: UnderperformerFlagDto): UnderperformerRow {
  return {
    id: flag.id,
    subject: `${flag.subjectKind === 'creator' ? 'Creator' : 'Campaign'}: ${flag.subjectName}`,
    metric: METRIC_LABELS[flag.metric as UnderperformanceMetric] ?? flag.metric,
    observed: flagFigure(flag.metric, flag.observed, flag.currency),
    comparedWith: `${flag.basis === 'cohort' ? 'the cohort' : 'own trend'}: ${flagFigure(flag.metric, flag.baseline, flag.currency)}`,
    since: flag.since,
    suggestion: SUGGESTION_TEXT[flag.suggestion as Suggestion] ?? flag.suggestion,
    explanation: flag.explanation,
    raisedOn: flag.raisedOn,
    clearedOn: flag.clearedOn,
  };
}

/**
 * "Underperformers" under Pages, for the team lead: the flags GET /underperformers answers, within
 * the same reach (docs/metrics.md#underperformer-flags), open by default, the newest first.
 */
export function underperformersPage(deps: UnderperformersPageDependencies): PanelPage {
  return {
    name: UNDERPERFORMERS_PAGE,
    label: 'Underperformers',
    component: UNDERPERFORMERS_PAGE_COMPONENT,
    icon: 'TrendingDown',
    async load(query, viewer) {
      const wanted = query.status ?? 'open';
      if (!(FLAG_STATUSES as readonly string[]).includes(wanted)) {
        return { status: 400, data: { status: 'open', rows: [], total: 0, error: 'status must be open, cleared or all' } satisfies UnderperformersPageData };
      }
      const status = wanted as FlagStatus;
      const page = await deps.underperformers.list(viewer, status, { limit: 100 });
      return { data: { status, rows: page.items.map(underperformerRow), total: page.total } satisfies UnderperformersPageData };
    },
  };
}
