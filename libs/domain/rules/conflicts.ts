import { CreatorStatus } from './statuses';

/**
 * CONFLICT_CHECK (docs/domain.md#the-collaboration-lifecycle): what stands between a creator and a collaboration before anyone
 * negotiates. Pure: the activity loads the records, this decides, the workflow escalates
 * (`CONFLICT`) when anything is blocking and a manager overrides with a reason or drops.
 *
 * Dates are calendar days ('YYYY-MM-DD') and every window is inclusive at both ends: a
 * campaign ending on 1 March and an exclusivity starting on 1 March share one day.
 */

/** An inclusive range of calendar days, both ends 'YYYY-MM-DD'. */
export interface DateWindow {
  start: string;
  end: string;
}

export interface WindowOverlap extends DateWindow {
  /** Calendar days shared by both windows, counting both ends. */
  days: number;
}

export interface ConflictBrand {
  id?: string;
  name: string;
  category: string;
  competitorCategories?: readonly string[];
  competitorBrands?: readonly string[];
}

export interface ConflictCreator {
  id?: string;
  /** Used in messages only; "The creator" when absent. */
  name?: string;
  status: `${CreatorStatus}`;
  preferences?: { refusedCategories?: readonly string[] };
  availabilityBlocks?: readonly AvailabilityWindow[];
}

/** Same shape as the Creator entity's availability block, restated to keep rules free of entities. */
export interface AvailabilityWindow extends DateWindow {
  reason?: string;
}

/**
 * An exclusivity the creator has already granted (docs/domain.md#records, ExclusivityWindow).
 * `brandId`/`brandName` is the brand that holds it, not a brand the creator is barred from: a
 * window held by a competitor named in either brand's list is a clash, and the collaboration
 * brand's own window never blocks its own campaign.
 */
export interface CreatorExclusivity extends DateWindow {
  category?: string;
  brandId?: string;
  brandName?: string;
  /** The holding brand's own competitor list: it names who it is protected from. */
  holderCompetitorBrands?: readonly string[];
  sourceContractId?: string;
  /** Agreed on another booking and not yet contracted (no window registered yet). */
  sourceCollaborationId?: string;
}

/** Another collaboration of the same creator that is still running or planned. */
export interface ConcurrentCollaboration {
  collaborationId?: string;
  campaignId?: string;
  brandId?: string;
  brandName: string;
  brandCategory: string;
  /** The other brand's competitor list, for the exclusivity this booking negotiates. */
  brandCompetitorBrands?: readonly string[];
  campaignWindow: DateWindow;
}

/** The exclusivity this booking's agreed terms grant its own brand (checked before contracting). */
export interface NegotiatedExclusivity extends DateWindow {
  category?: string;
}

export interface ConflictCheckInput {
  campaignWindow: DateWindow;
  brand: ConflictBrand;
  creator: ConflictCreator;
  exclusivityWindows?: readonly CreatorExclusivity[];
  activeBookings?: readonly ConcurrentCollaboration[];
  negotiatedExclusivity?: NegotiatedExclusivity | null;
}

export const CONFLICT_KINDS = ['CREATOR_NOT_ACTIVE', 'REFUSED_CATEGORY', 'EXCLUSIVITY', 'COMPETITOR_BOOKING', 'NEGOTIATED_EXCLUSIVITY', 'UNAVAILABLE'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** `blocking` raises the CONFLICT escalation; `warning` is shown to the talent manager and the collaboration goes on. */
export type ConflictSeverity = 'blocking' | 'warning';

/**
 * Why an exclusivity window touches this brand: its category is the brand's own, or one the brand
 * lists as competing; the brand names the holder (`competitorBrand`), or the holder names the
 * brand (`namedByHolder`).
 */
export type ExclusivityMatch = 'category' | 'competitorCategory' | 'competitorBrand' | 'namedByHolder';

/** Why the negotiated exclusivity clashes with another booking or window of the creator. */
export type NegotiatedMatch = 'category' | 'competitorCategory' | 'competitorBrand' | 'namedByOther';

/** Why a concurrent collaboration clashes; `sameCategory` is a brand in the collaboration brand's own category it has not named. */
export type CompetitorMatch = 'competitorBrand' | 'competitorCategory' | 'sameCategory';

export interface BlockedDays extends AvailabilityWindow {
  overlap: WindowOverlap;
}

interface ConflictOf<K extends ConflictKind, D> {
  kind: K;
  severity: ConflictSeverity;
  message: string;
  details: D;
}

export type Conflict =
  | ConflictOf<'CREATOR_NOT_ACTIVE', { status: string }>
  | ConflictOf<'REFUSED_CATEGORY', { category: string }>
  | ConflictOf<'EXCLUSIVITY', { exclusivity: CreatorExclusivity; matchedOn: ExclusivityMatch[]; overlap: WindowOverlap }>
  | ConflictOf<'COMPETITOR_BOOKING', { booking: ConcurrentCollaboration; matchedOn: CompetitorMatch; overlap: WindowOverlap }>
  | ConflictOf<
      'NEGOTIATED_EXCLUSIVITY',
      {
        negotiated: NegotiatedExclusivity;
        booking?: ConcurrentCollaboration;
        exclusivity?: CreatorExclusivity;
        matchedOn: NegotiatedMatch[];
        overlap: WindowOverlap;
      }
    >
  | ConflictOf<
      'UNAVAILABLE',
      {
        /** Campaign days covered by at least one block (overlapping blocks are counted once). */
        unavailableDays: number;
        campaignDays: number;
        availableDays: number;
        coversWholeWindow: boolean;
        blocks: BlockedDays[];
      }
    >;

/**
 * Every conflict between the creator and the collaboration, in a fixed order: creator status,
 * refused category, exclusivity, competitor collaborations, the negotiated exclusivity (against
 * other bookings, then other windows), availability (each in input order).
 *
 * A window or booking of the collaboration's own brand never conflicts: same `id` when both
 * sides carry one, else the same name.
 *
 * Severity:
 * - not active, refused category, exclusivity clash, competitor collaboration, negotiated
 *   exclusivity that another booking or window already breaches: blocking. An exclusivity
 *   breached for a single day is still a breach of a signed contract.
 * - a concurrent collaboration in the brand's own category that the brand has not named as a
 *   competitor: warning (likely awkward, not necessarily a clash).
 * - availability: blocking only when the blocks together cover the whole window; a
 *   holiday over part of it is a warning, since deliverables can often be scheduled
 *   around it.
 *
 * Throws on a malformed date or a window that ends before it starts, naming which one.
 */
export function findConflicts(input: ConflictCheckInput): Conflict[] {
  const campaign = parseWindow(input.campaignWindow, 'campaign window');
  const brand = input.brand;
  if (!brand || !comparableName(brand.name)) throw new Error('brand name is required for the conflict check');
  if (!comparableName(brand.category)) throw new Error(`brand ${brand.name} has no category; the conflict check needs one`);
  const creator = input.creator;
  const who = creator.name?.trim() || 'The creator';
  const conflicts: Conflict[] = [];

  if (creator.status !== CreatorStatus.Active) {
    conflicts.push({
      kind: 'CREATOR_NOT_ACTIVE',
      severity: 'blocking',
      message: `${who} is ${creator.status}, not active, and cannot be booked.`,
      details: { status: creator.status },
    });
  }

  const brandName = comparableName(brand.name);
  const brandCategory = comparableName(brand.category);
  const competitorCategories = new Set((brand.competitorCategories ?? []).map(comparableName).filter(Boolean));
  const competitorBrands = new Set((brand.competitorBrands ?? []).map(comparableName).filter(Boolean));

  const refused = (creator.preferences?.refusedCategories ?? []).find((category) => comparableName(category) === brandCategory);
  if (refused !== undefined) {
    conflicts.push({
      kind: 'REFUSED_CATEGORY',
      severity: 'blocking',
      message: `${who} refuses ${brand.category.trim()} brands, and ${brand.name.trim()} is ${brand.category.trim()}.`,
      details: { category: brand.category.trim() },
    });
  }

  const ownBrand = (id: string | undefined, name: string) => (brand.id && id ? id === brand.id : name !== '' && name === brandName);
  const names = (list: readonly string[] | undefined) => new Set((list ?? []).map(comparableName).filter(Boolean));

  const windows = (input.exclusivityWindows ?? []).map((exclusivity, index) => {
    const label = `exclusivity window ${index + 1}`;
    const window = parseWindow(exclusivity, label);
    const category = comparableName(exclusivity.category);
    const holder = comparableName(exclusivity.brandName);
    if (!category && !holder && !exclusivity.brandId) throw new Error(`${label} names neither a category nor a brand`);
    return { exclusivity, window, category, holder, own: ownBrand(exclusivity.brandId, holder), holderNames: names(exclusivity.holderCompetitorBrands) };
  });

  windows.forEach(({ exclusivity, window, category, holder, own, holderNames }) => {
    const overlap = overlapOf(campaign, window);
    // The brand's own exclusivity (an earlier or extended deal) protects it, never blocks it.
    if (!overlap || own) return;
    const matchedOn: ExclusivityMatch[] = [];
    if (category && category === brandCategory) matchedOn.push('category');
    else if (category && competitorCategories.has(category)) matchedOn.push('competitorCategory');
    if (holder && competitorBrands.has(holder)) matchedOn.push('competitorBrand');
    else if (holderNames.has(brandName)) matchedOn.push('namedByHolder');
    if (matchedOn.length === 0) return;
    conflicts.push({
      kind: 'EXCLUSIVITY',
      severity: 'blocking',
      message:
        `${who} ${describeExclusivity(exclusivity)} ${describeRange(window)}` +
        `${describeSource(exclusivity)}; ` +
        `${explainExclusivityMatch(matchedOn, exclusivity, brand)}. ` +
        `It overlaps the campaign (${span(campaign)}) by ${describeOverlap(overlap)}.`,
      details: { exclusivity, matchedOn, overlap },
    });
  });

  (input.activeBookings ?? []).forEach((collaboration, index) => {
    const window = parseWindow(collaboration.campaignWindow, `active booking ${index + 1} (${collaboration.brandName})`);
    const overlap = overlapOf(campaign, window);
    const other = comparableName(collaboration.brandName);
    // Two campaigns for the same brand at once are the brand's call, not a competitor clash.
    if (!overlap || other === brandName) return;
    const otherCategory = comparableName(collaboration.brandCategory);
    const matchedOn: CompetitorMatch | undefined = competitorBrands.has(other)
      ? 'competitorBrand'
      : competitorCategories.has(otherCategory)
        ? 'competitorCategory'
        : otherCategory && otherCategory === brandCategory
          ? 'sameCategory'
          : undefined;
    if (!matchedOn) return;
    const why = {
      competitorBrand: `a competitor ${brand.name.trim()} names`,
      competitorCategory: `a category ${brand.name.trim()} lists as competing`,
      sameCategory: `the same category as ${brand.name.trim()}, though not a named competitor`,
    }[matchedOn];
    conflicts.push({
      kind: 'COMPETITOR_BOOKING',
      severity: matchedOn === 'sameCategory' ? 'warning' : 'blocking',
      message:
        `${who} is booked with ${collaboration.brandName.trim()} (${collaboration.brandCategory.trim()}), ${why}, ` +
        `${describeRange(window)}. It overlaps the campaign (${span(campaign)}) by ${describeOverlap(overlap)}.`,
      details: { booking: collaboration, matchedOn, overlap },
    });
  });

  const negotiated = input.negotiatedExclusivity;
  if (negotiated) {
    const granted = parseWindow(negotiated, 'negotiated exclusivity');
    const category = comparableName(negotiated.category);
    const whom = who === 'The creator' ? 'the creator' : who;
    const what = `The exclusivity being contracted (${category ? `${negotiated.category!.trim()}, ` : ''}${span(granted)})`;
    (input.activeBookings ?? []).forEach((collaboration, index) => {
      const window = parseWindow(collaboration.campaignWindow, `active booking ${index + 1} (${collaboration.brandName})`);
      const overlap = overlapOf(granted, window);
      const other = comparableName(collaboration.brandName);
      if (!overlap || ownBrand(collaboration.brandId, other)) return;
      // The exclusivity bars the category it names and the brand's competitors, from either side's list.
      const otherCategory = comparableName(collaboration.brandCategory);
      const matchedOn: NegotiatedMatch[] = [];
      if (category && otherCategory === category) matchedOn.push('category');
      else if (competitorCategories.has(otherCategory)) matchedOn.push('competitorCategory');
      if (competitorBrands.has(other)) matchedOn.push('competitorBrand');
      else if (names(collaboration.brandCompetitorBrands).has(brandName)) matchedOn.push('namedByOther');
      if (matchedOn.length === 0) return;
      conflicts.push({
        kind: 'NEGOTIATED_EXCLUSIVITY',
        severity: 'blocking',
        message:
          `${what} would bar ${whom} from the booking with ${collaboration.brandName.trim()} ` +
          `(${collaboration.brandCategory.trim()}) ${describeRange(window)}: ${explainNegotiatedMatch(matchedOn, collaboration.brandName.trim(), negotiated, brand, collaboration.brandCategory.trim())}. ` +
          `They overlap by ${describeOverlap(overlap)}.`,
        details: { negotiated, booking: collaboration, matchedOn, overlap },
      });
    });
    windows.forEach(({ exclusivity, window, category: heldCategory, holder, own, holderNames }) => {
      const overlap = overlapOf(granted, window);
      if (!overlap || own) return;
      // Two exclusivities in one category at once cannot both be honoured, whoever holds them.
      const matchedOn: NegotiatedMatch[] = heldCategory && (heldCategory === category || heldCategory === brandCategory) ? ['category'] : [];
      if (heldCategory && heldCategory !== category && heldCategory !== brandCategory && competitorCategories.has(heldCategory)) matchedOn.push('competitorCategory');
      if (holder && competitorBrands.has(holder)) matchedOn.push('competitorBrand');
      else if (holderNames.has(brandName)) matchedOn.push('namedByOther');
      if (matchedOn.length === 0) return;
      conflicts.push({
        kind: 'NEGOTIATED_EXCLUSIVITY',
        severity: 'blocking',
        message:
          `${what} clashes with ${whom}'s existing exclusivity: ${describeExclusivity(exclusivity).replace(/^is /, '')} ` +
          `${describeRange(window)}${describeSource(exclusivity)}: ${explainNegotiatedMatch(matchedOn, exclusivity.brandName?.trim() || 'its holder', negotiated, brand, exclusivity.category?.trim())}. ` +
          `They overlap by ${describeOverlap(overlap)}.`,
        details: { negotiated, exclusivity, matchedOn, overlap },
      });
    });
  }

  const blocks: BlockedDays[] = [];
  (creator.availabilityBlocks ?? []).forEach((block, index) => {
    const window = parseWindow(block, `availability block ${index + 1}${block.reason ? ` (${block.reason})` : ''}`);
    const overlap = overlapOf(campaign, window);
    if (overlap) blocks.push({ ...block, overlap });
  });
  if (blocks.length > 0) {
    const campaignDays = campaign.last - campaign.first + 1;
    const unavailableDays = coveredDays(blocks.map((block) => parseWindow(block.overlap, 'overlap')));
    const coversWholeWindow = unavailableDays === campaignDays;
    const listed = blocks.map((block) => `${block.reason?.trim() || 'blocked'} ${describeRange(block)}`).join('; ');
    conflicts.push({
      kind: 'UNAVAILABLE',
      severity: coversWholeWindow ? 'blocking' : 'warning',
      message: coversWholeWindow
        ? `${who} is unavailable for the whole campaign (${span(campaign)}, ${plural(campaignDays, 'day')}): ${listed}.`
        : `${who} is unavailable for ${unavailableDays} of the campaign's ${plural(campaignDays, 'day')} ` +
          `(${span(campaign)}): ${listed}. ${plural(campaignDays - unavailableDays, 'day')} remain free.`,
      details: { unavailableDays, campaignDays, availableDays: campaignDays - unavailableDays, coversWholeWindow, blocks },
    });
  }

  return conflicts;
}

export function hasBlockingConflict(conflicts: readonly Conflict[]): boolean {
  return conflicts.some((conflict) => conflict.severity === 'blocking');
}

/** Calendar days in an inclusive window. Throws on malformed dates. */
export function windowDays(window: DateWindow, label = 'window'): number {
  const parsed = parseWindow(window, label);
  return parsed.last - parsed.first + 1;
}

/** The days two inclusive windows share, or null when they share none. Throws on malformed dates. */
export function windowOverlap(a: DateWindow, b: DateWindow): WindowOverlap | null {
  return overlapOf(parseWindow(a, 'first window'), parseWindow(b, 'second window'));
}

/**
 * Lower-cased, trimmed, inner whitespace collapsed, so " Skin  Care" and "skin care" match.
 * `toLowerCase`, not `toLocaleLowerCase`: the result must not depend on the machine's locale.
 */
export function comparableName(value: string | null | undefined): string {
  return typeof value === 'string' ? value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase() : '';
}

interface ParsedWindow extends DateWindow {
  /** Day numbers since 1970-01-01 (UTC), inclusive. */
  first: number;
  last: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(value: unknown, label: string): number {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new Error(`${label} must be a date in the form YYYY-MM-DD, got ${JSON.stringify(value) ?? String(value)}`);
  }
  const [, year, month, day] = ISO_DATE.exec(value)!.map(Number);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`${label} "${value}" is not a calendar date`);
  }
  return Math.round(date.getTime() / DAY_MS);
}

function parseWindow(window: DateWindow | undefined, label: string): ParsedWindow {
  if (!window || typeof window !== 'object') throw new Error(`${label} is missing its start and end dates`);
  const first = dayNumber(window.start, `${label} start`);
  const last = dayNumber(window.end, `${label} end`);
  if (last < first) throw new Error(`${label} ends ${window.end} before it starts ${window.start}`);
  return { start: window.start, end: window.end, first, last };
}

function overlapOf(a: ParsedWindow, b: ParsedWindow): WindowOverlap | null {
  const first = Math.max(a.first, b.first);
  const last = Math.min(a.last, b.last);
  if (last < first) return null;
  return { start: first === a.first ? a.start : b.start, end: last === a.last ? a.end : b.end, days: last - first + 1 };
}

function coveredDays(windows: ParsedWindow[]): number {
  const sorted = [...windows].sort((x, y) => x.first - y.first);
  let total = 0;
  let reach = -Infinity;
  for (const { first, last } of sorted) {
    if (last <= reach) continue;
    total += last - Math.max(first, reach + 1) + 1;
    reach = last;
  }
  return total;
}

function describeRange(window: DateWindow): string {
  return window.start === window.end ? `on ${window.start}` : `from ${window.start} to ${window.end}`;
}

function span(window: DateWindow): string {
  return window.start === window.end ? window.start : `${window.start} to ${window.end}`;
}

function describeOverlap(overlap: WindowOverlap): string {
  return `${plural(overlap.days, 'day')} (${span(overlap)})`;
}

function describeExclusivity(exclusivity: CreatorExclusivity): string {
  const category = exclusivity.category?.trim();
  const holder = exclusivity.brandName?.trim();
  if (category && holder) return `is exclusive to ${holder} in ${category}`;
  if (holder) return `is exclusive to ${holder}`;
  return `holds a ${category} exclusivity`;
}

function explainExclusivityMatch(matchedOn: ExclusivityMatch[], exclusivity: CreatorExclusivity, brand: ConflictBrand): string {
  const name = brand.name.trim();
  return matchedOn
    .map((match) => {
      switch (match) {
        case 'category':
          return `${exclusivity.category!.trim()} is ${name}'s own category`;
        case 'competitorCategory':
          return `${name} lists ${exclusivity.category!.trim()} as a competing category`;
        case 'competitorBrand':
          return `${name} names ${exclusivity.brandName!.trim()} as a competitor`;
        case 'namedByHolder':
          return `${exclusivity.brandName?.trim() || 'the holder'} names ${name} as a competitor`;
      }
    })
    .join(', and ');
}

function describeSource(exclusivity: CreatorExclusivity): string {
  if (exclusivity.sourceContractId) return ` (contract ${exclusivity.sourceContractId})`;
  if (exclusivity.sourceCollaborationId) return ` (agreed on another booking, not yet contracted)`;
  return '';
}

function explainNegotiatedMatch(matchedOn: NegotiatedMatch[], other: string, negotiated: NegotiatedExclusivity, brand: ConflictBrand, otherCategory?: string): string {
  const name = brand.name.trim();
  return matchedOn
    .map((match) => {
      switch (match) {
        case 'category':
          return `both are in ${otherCategory ?? negotiated.category?.trim() ?? brand.category.trim()}`;
        case 'competitorCategory':
          return `${name} lists ${otherCategory ?? 'that category'} as a competing category`;
        case 'competitorBrand':
          return `${name} names ${other} as a competitor`;
        case 'namedByOther':
          return `${other} names ${name} as a competitor`;
      }
    })
    .join(', and ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
