import type { PropertyOptions } from './adminjs-types';
import type { Params } from './request-guards';
import { BADGE_COMPONENT, MONEY_COMPONENT, RELATED_COMPONENT, type RelatedLink } from './components';
import { BADGE_TONES, type BadgeKind } from './components/badge-tones';

/**
 * Property options every record type's panel uses: a fixed list of values, a column only the
 * workflow writes, money, links to related records. Plain data: no AdminJS at run time.
 */

export const choices = (values: readonly string[]): PropertyOptions => ({ availableValues: values.map((value) => ({ value, label: value })) });

/**
 * A stage or status: its values to filter and choose from, shown as a badge coloured by what the
 * value means (components/badge-tones.ts, `kind` names the table).
 */
export const badge = (kind: BadgeKind): PropertyOptions => ({
  ...choices(Object.keys(BADGE_TONES[kind])),
  components: { list: BADGE_COMPONENT, show: BADGE_COMPONENT },
  custom: { kind },
});

/** Shown and filtered, never edited (the workflow owns it). */
export const readOnly = { isVisible: { list: true, show: true, filter: true, edit: false } };

/**
 * An amount in minor units, shown with the record's currency (list and show); filters on the raw
 * amount. Forms refuse what is not a whole amount within bounds (`wholeMinorUnits`), unless the
 * column also holds other kinds of figures.
 */
export const money = (currencyPath = 'currency', { wholeMinorUnits = true } = {}): PropertyOptions => ({
  components: { list: MONEY_COMPONENT, show: MONEY_COMPONENT },
  custom: { currencyPath, wholeMinorUnits },
});

export type { RelatedLink };

/** A show-only line of links to the records that belong to this one (a virtual property). */
export const related = (links: RelatedLink[]): PropertyOptions => ({
  type: 'string',
  isSortable: false,
  components: { show: RELATED_COMPONENT },
  custom: { links },
  isVisible: { list: false, show: true, filter: false, edit: false },
});

/** Empty form fields of optional columns are stored as null, not as ''. */
export const blankToNull = (payload: Params, keys: readonly string[]): Params =>
  Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, keys.includes(key) && value === '' ? null : value]));

export const toInteger = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : null;
};
