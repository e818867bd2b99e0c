import type { PublicField } from '../decision-form';

/**
 * The back office's generic front-end components. Each is React in a .tsx file next to this one,
 * type-checked by `tsc -p tsconfig.panel.json` and bundled at build time (scripts/build-panel.ts)
 * into dist/panel, which the API serves as it is (mount.ts). Resource and action options refer to
 * a component by its name: these names, and the options each component reads.
 *
 * Plain data: the server imports it, the components import its types only.
 */

export interface PanelComponent {
  /** What options refer to (`component: …`); a JavaScript identifier. */
  name: string;
  /** The .tsx source, relative to the repository root. */
  source: string;
  /** AdminJS's own components this one replaces everywhere (ComponentLoader.override). */
  overrides?: readonly string[];
}

/** The one form of every workflow decision (decision-action.ts): `custom` is DecisionFormOptions. */
export const DECISION_FORM_COMPONENT = 'CreatorOpsDecisionForm';
/** An amount in minor units with its currency (list and show): `custom` is MoneyOptions. */
export const MONEY_COMPONENT = 'CreatorOpsMoney';
/** Links from a record to the records that belong to it (show): `custom` is RelatedOptions. */
export const RELATED_COMPONENT = 'CreatorOpsRelated';
/** The panel's home page (its numbers: dashboard-data.ts). */
export const DASHBOARD_COMPONENT = 'CreatorOpsDashboard';
/** The SVG charts (charts.tsx) that pages draw with: a monthly bar and line chart (the default export), a progress chart. */
export const CHARTS_COMPONENT = 'CreatorOpsTimeChart';

/** Dates and times in lists and record pages, in the configured locale and zone (replaces AdminJS's own). */
export const DATETIME_COMPONENT = 'CreatorOpsDateTime';
/** A stage or status as a badge coloured by what it means (badge-tones.ts). */
export const BADGE_COMPONENT = 'CreatorOpsBadge';

export const PLATFORM_COMPONENTS: readonly PanelComponent[] = [
  { name: DECISION_FORM_COMPONENT, source: 'apps/api/back-office/components/decision-form.tsx' },
  { name: MONEY_COMPONENT, source: 'apps/api/back-office/components/money.tsx' },
  { name: RELATED_COMPONENT, source: 'apps/api/back-office/components/related.tsx' },
  { name: DASHBOARD_COMPONENT, source: 'apps/api/back-office/components/dashboard.tsx' },
  { name: CHARTS_COMPONENT, source: 'apps/api/back-office/components/charts.tsx' },
  { name: DATETIME_COMPONENT, source: 'apps/api/back-office/components/datetime.tsx', overrides: ['DefaultDatetimeListProperty', 'DefaultDatetimeShowProperty'] },
  { name: BADGE_COMPONENT, source: 'apps/api/back-office/components/badge.tsx' },
];

export interface DecisionFormOptions {
  intro?: string;
  submitLabel?: string;
  fields: PublicField[];
}

export interface MoneyOptions {
  /** The record's property holding the currency code. */
  currencyPath: string;
}

export interface RelatedLink {
  label: string;
  /** The list of this resource, filtered on `filter` = this record's id. */
  resourceId?: string;
  filter?: string;
  /** Or one of this record's actions. */
  action?: string;
  /** Or a page of the panel (pages.ts), with `query` and this record's id as `idParam` (default `id`). */
  page?: string;
  query?: Record<string, string>;
  idParam?: string;
  /** The page's data (its handler) instead of the page: a download the handler answers as a file. */
  download?: boolean;
}

export interface RelatedOptions {
  links: RelatedLink[];
}
