import { Platform } from './statuses';

/**
 * The compliance check (docs/domain.md#compliance-check): is a creator's caption disclosed as advertising the way the
 * market's rules ask, and does it carry what the brand requires? Pure and deterministic, so
 * the API (pre-publication review), the worker (post verification) and the back office all
 * give the same answer for the same caption.
 */

export type ComplianceMarket = 'IN' | 'US';

export interface ComplianceInput {
  market: ComplianceMarket;
  caption: string;
  /** The platform's own "Paid partnership" label is switched on. */
  paidPartnershipLabel?: boolean;
  /** A `Platform` value: instagram | youtube | tiktok | x | linkedin | facebook | blog. */
  platform?: string;
  brand: { mandatoryHashtags?: string[]; mandatoryMentions?: string[]; prohibitedClaims?: string[] };
}

export type ComplianceRule =
  | 'disclosure-missing'
  | 'disclosure-not-upfront'
  | 'disclosure-buried'
  | 'disclosure-ambiguous'
  | 'mandatory-hashtag-missing'
  | 'mandatory-mention-missing'
  | 'prohibited-claim';

/**
 * Where the offending text is. `line` is 1-based and counts every line as written (blank ones
 * too), so a creator finds it in their editor; `index` and `length` are in JavaScript string
 * units over the caption exactly as given, so `caption.slice(index, index + length)` is the text.
 */
export interface ComplianceLocation {
  line: number;
  index: number;
  length: number;
}

export interface ComplianceViolation {
  rule: ComplianceRule;
  /** Plain language a talent manager can forward to the creator as is. */
  message: string;
  /** Absent when the problem is something missing rather than something in the caption. */
  location?: ComplianceLocation;
}

export interface ComplianceResult {
  compliant: boolean;
  violations: ComplianceViolation[];
}

/**
 * ASCI does not put a number on "buried in a cluster of hashtags"; it asks for a label that is
 * upfront and prominent. One or two tags beside it ("#ad #glowco #newlaunch") still read as a
 * label; from four tags in a row on, readers skim the block as decoration and the label with it.
 * So a label inside a run of more than this many consecutive hashtags is buried.
 */
export const MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL = 3;

/**
 * Where each platform cuts a caption off behind "more" in the feed, in characters (grapheme
 * clusters, as a reader counts them, from the first visible character). The FTC asks for the
 * disclosure to be seen without clicking "more". Instagram shows about 125 characters of a feed
 * caption (its own guidance on caption length); TikTok's feed overlay and X's long posts show
 * about 100. Platforms not listed are cut by lines instead (see `MORE_CUT_LINES`).
 */
export const MORE_CUT_CHARACTERS: Readonly<Partial<Record<string, number>>> = Object.freeze({
  [Platform.Instagram]: 125,
  [Platform.TikTok]: 100,
  [Platform.X]: 100,
});

/**
 * ASCI's "within the first two lines", and the FTC "more" cut for YouTube descriptions,
 * LinkedIn, Facebook and blogs, which all show the first couple of lines above the fold.
 * Only lines with visible text count: leading blank lines are trimmed by the platforms, and
 * the blank line between a hook and its label ("Loving this ✨" / "" / "#ad") is the commonest
 * caption layout, with the label still the second thing read.
 */
export const MORE_CUT_LINES = 2;

export function checkCompliance(input: ComplianceInput): ComplianceResult {
  const caption = readCaption(input.caption ?? '');
  const violations = [
    ...checkDisclosure(input, caption),
    ...missingHashtags(caption, input.brand?.mandatoryHashtags ?? []),
    ...missingMentions(caption, input.brand?.mandatoryMentions ?? []),
    ...prohibitedClaims(caption, input.brand?.prohibitedClaims ?? []),
  ];
  return { compliant: violations.length === 0, violations };
}

// ---------------------------------------------------------------------------------------------
// Disclosure

/** ASCI guidelines for influencer advertising in digital media (2021), the permitted labels. */
const ASCI_LABELS = ['advertisement', 'ad', 'sponsored', 'collaboration', 'partnership', 'employee', 'free gift'];

/**
 * FTC "Disclosures 101 for Social Media Influencers": simple terms such as "advertisement",
 * "ad" and "sponsored", #ad / #sponsored, or the platform's paid-partnership tool.
 */
const FTC_LABELS = ['advertisement', 'ad', 'sponsored', 'paid partnership'];

/**
 * The same FTC guide names these as too vague to disclose anything on their own: "sp", "spon",
 * "collab", and stand-alone "thanks" or "ambassador" (#thanksGlowCo). #thanksgiving is a holiday.
 */
function isAmbiguousToTheFtc(hashtag: Token): boolean {
  return ['sp', 'spon', 'collab', 'ambassador'].includes(hashtag.key) || /^(?:thanks(?!giving)|thankyou|thx)/u.test(hashtag.key);
}

function checkDisclosure(input: ComplianceInput, caption: Caption): ComplianceViolation[] {
  if (input.paidPartnershipLabel === true) return [];
  switch (input.market) {
    case 'IN':
      return asciDisclosure(caption);
    case 'US':
      return ftcDisclosure(caption, normalisePlatform(input.platform));
    default:
      throw new Error(`no compliance rules for market ${String(input.market satisfies never)}`);
  }
}

function asciDisclosure(caption: Caption): ComplianceViolation[] {
  const labels = findLabels(caption, ASCI_LABELS);
  const upfront = labels.filter((label) => label.line <= caption.lastLineOfFirstTwo);
  if (upfront.some((label) => label.hashtagsInARow <= MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL)) return [];

  const [buried] = upfront;
  if (buried) {
    return [
      {
        rule: 'disclosure-buried',
        message:
          `"${buried.text}" on line ${buried.line} is buried in a run of ${buried.hashtagsInARow} hashtags. ` +
          'ASCI (India) needs the disclosure upfront and prominent, so set it apart from the other hashtags, ' +
          'for example by starting the caption with "Ad |".',
        location: locationOf(buried),
      },
    ];
  }

  const [late] = labels;
  if (late) {
    return [
      {
        rule: 'disclosure-not-upfront',
        message:
          `"${late.text}" is on line ${late.line}, but ASCI (India) needs the disclosure within the first two lines ` +
          'of the caption (blank lines aside). Move it to the top, for example by starting the caption with "Ad |".',
        location: locationOf(late),
      },
    ];
  }

  return [
    {
      rule: 'disclosure-missing',
      message:
        `${caption.isEmpty ? 'The caption is empty, so it has' : 'The caption has'} no ad disclosure. ` +
        'ASCI (India) needs "Ad", "Advertisement", "Sponsored", "Collaboration", "Partnership", "Employee" or ' +
        '"Free gift" (as a word or a hashtag such as #ad) within the first two lines, ' +
        'or the platform\'s "Paid partnership" label switched on.',
    },
  ];
}

interface MoreCut {
  /** "the first 125 characters, where Instagram cuts the caption off" and the like. */
  describe: string;
  isBefore(label: Label): boolean;
}

function ftcDisclosure(caption: Caption, platform: string | undefined): ComplianceViolation[] {
  const cut = moreCutFor(caption, platform);
  const labels = findLabels(caption, FTC_LABELS);
  if (labels.some((label) => cut.isBefore(label))) return [];

  const [late] = labels;
  if (late) {
    const startsAt = graphemeCount(caption.text.slice(caption.visibleStart, late.index)) + 1;
    return [
      {
        rule: 'disclosure-not-upfront',
        message:
          `"${late.text}" starts at character ${startsAt} (line ${late.line}), after the "more" cut: ${cut.describe}. ` +
          'The FTC needs followers to see the disclosure without expanding the caption, so move it to the beginning.',
        location: locationOf(late),
      },
    ];
  }

  const ambiguous = firstOfEachKey(caption.hashtags.filter(isAmbiguousToTheFtc));
  if (ambiguous.length > 0) {
    return ambiguous.map((hashtag) => ({
      rule: 'disclosure-ambiguous' as const,
      message: `${hashtag.text} is too ambiguous for the FTC; use #ad or #sponsored (found on line ${hashtag.line}).`,
      location: locationOf(hashtag),
    }));
  }

  return [
    {
      rule: 'disclosure-missing',
      message:
        `${caption.isEmpty ? 'The caption is empty, so it has' : 'The caption has'} no ad disclosure. ` +
        `The FTC (US) needs #ad, #sponsored, "Advertisement" or "Paid partnership" before the "more" cut (${cut.describe}), ` +
        'or the platform\'s "Paid partnership" label switched on.',
    },
  ];
}

function moreCutFor(caption: Caption, platform: string | undefined): MoreCut {
  const characters = platform === undefined ? undefined : MORE_CUT_CHARACTERS[platform];
  if (platform !== undefined && characters !== undefined) {
    return {
      describe: `the first ${characters} characters, where ${platformName(platform)} cuts the caption off`,
      isBefore: (label) =>
        graphemeCount(caption.text.slice(caption.visibleStart, label.index + label.length)) <= characters,
    };
  }
  return {
    describe: `the first ${MORE_CUT_LINES} lines of the caption`,
    isBefore: (label) => label.line <= caption.lastLineOfFirstTwo,
  };
}

function platformName(platform: string): string {
  const names: Record<string, string> = { [Platform.Instagram]: 'Instagram', [Platform.TikTok]: 'TikTok', [Platform.X]: 'X' };
  return names[platform] ?? platform;
}

function normalisePlatform(platform: string | undefined): string | undefined {
  const name = platform?.trim().toLowerCase();
  return name === 'twitter' ? Platform.X : name || undefined;
}

interface Label extends Token {
  /** 1 for a label written as a word; for a hashtag, how many hashtags stand in its run. */
  hashtagsInARow: number;
}

/** Every occurrence of one of the labels, as a word or a hashtag, in caption order. */
function findLabels(caption: Caption, labels: string[]): Label[] {
  const found: Label[] = [];

  const hashtagForms = new Set(labels.flatMap((label) => [label.replace(/ /gu, ''), label.replace(/ /gu, '_')]));
  caption.hashtags.forEach((hashtag, position) => {
    if (hashtagForms.has(hashtag.key) && !isNegated(caption, hashtag)) {
      found.push({ ...hashtag, hashtagsInARow: caption.hashtagRunLengths[position] });
    }
  });

  for (const label of labels) {
    const words = label.split(' ').join(`${HORIZONTAL_SPACE}+`);
    // "#ad" is a hashtag, not the word "ad"; "ad-free", "non-sponsored" and "glow.co/ad" are not
    // labels either.
    const pattern = new RegExp(
      `(?<!${WORD_CHAR}|[#@/]|${WORD_CHAR}[-'’])${words}(?!${WORD_CHAR}|[-'’]${WORD_CHAR})`,
      'giu',
    );
    for (const match of caption.text.matchAll(pattern)) {
      const word = tokenAt(caption, match.index, match[0]);
      if (!isNegated(caption, word)) found.push({ ...word, hashtagsInARow: 1 });
    }
  }

  return found.sort((a, b) => a.index - b.index);
}

/** "Not sponsored", "this isn't an ad", "no #ad": a label that says the opposite. */
function isNegated(caption: Caption, token: Token): boolean {
  const line = caption.lines[token.line - 1];
  const before = caption.text.slice(line.start, token.index);
  return new RegExp(
    `(?:^|[^\\p{L}\\p{N}_])(?:not|no|non|never|(?:is|was|ai)n['’]?t)${HORIZONTAL_SPACE}+(?:an?${HORIZONTAL_SPACE}+)?$`,
    'iu',
  ).test(before);
}

// ---------------------------------------------------------------------------------------------
// Brand requirements

function missingHashtags(caption: Caption, mandatory: string[]): ComplianceViolation[] {
  const present = new Set(caption.hashtags.map((hashtag) => hashtag.key));
  return distinct(mandatory, '#')
    .filter((hashtag) => !present.has(hashtag.key))
    .map((hashtag) => ({
      rule: 'mandatory-hashtag-missing' as const,
      message: `The caption is missing the brand's mandatory hashtag ${hashtag.shown}.`,
    }));
}

function missingMentions(caption: Caption, mandatory: string[]): ComplianceViolation[] {
  const present = new Set(caption.mentions.map((mention) => mention.key));
  return distinct(mandatory, '@')
    .filter((mention) => !present.has(mention.key))
    .map((mention) => ({
      rule: 'mandatory-mention-missing' as const,
      message: `The caption is missing the brand's mandatory mention ${mention.shown}.`,
    }));
}

function prohibitedClaims(caption: Caption, claims: string[]): ComplianceViolation[] {
  const found: Token[] = [];
  for (const { key } of distinct(claims, '')) {
    const phrase = key.split(/\s+/u).map(escapeRegExp).join('\\s+');
    // Word boundaries only where the claim starts or ends with a letter or digit: "cures acne"
    // must not match "secures acne…", but "100%" should still match "100%!".
    const start = /^[\p{L}\p{M}\p{N}_]/u.test(key) ? `(?<!${WORD_CHAR})` : '';
    const end = /[\p{L}\p{M}\p{N}_]$/u.test(key) ? `(?!${WORD_CHAR})` : '';
    for (const match of caption.text.matchAll(new RegExp(`${start}${phrase}${end}`, 'giu'))) {
      found.push(tokenAt(caption, match.index, match[0]));
    }
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map((claim) => ({
      rule: 'prohibited-claim' as const,
      message: `Line ${claim.line} says "${claim.text.replace(/\s+/gu, ' ')}", a claim the brand does not allow; remove or reword it.`,
      location: locationOf(claim),
    }));
}

/** The brand's list without blanks or repeats; "glowco", "#glowco" and "#GlowCo" are one hashtag. */
function distinct(entries: string[], sigil: '#' | '@' | ''): { key: string; shown: string }[] {
  const seen = new Set<string>();
  const result: { key: string; shown: string }[] = [];
  for (const entry of entries) {
    const trimmed = (entry ?? '').trim();
    const bare = sigil ? trimmed.replace(new RegExp(`^[${sigil}]+`, 'u'), '').trim() : trimmed;
    const key = comparable(bare);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push({ key, shown: `${sigil}${bare}` });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading a caption

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const HORIZONTAL_SPACE = '[^\\S\\r\\n]';
/** Whitespace plus the invisible characters creators use to space captions out (⠀, zero-width). */
const INVISIBLE = '\\s\\u200B-\\u200D\\u2060\\u2800\\u3164\\uFEFF';

interface Token {
  index: number;
  length: number;
  /** As written in the caption. */
  text: string;
  /** Lower-cased, without the # or @, for case-insensitive comparison. */
  key: string;
  line: number;
}

interface Line {
  number: number;
  start: number;
  end: number;
  hasText: boolean;
}

interface Caption {
  text: string;
  isEmpty: boolean;
  lines: Line[];
  /** The last line that is still within the first two lines with visible text. */
  lastLineOfFirstTwo: number;
  /** Index of the first visible character; platforms trim what comes before it. */
  visibleStart: number;
  hashtags: Token[];
  /** For each hashtag, the length of the run of consecutive hashtags it stands in. */
  hashtagRunLengths: number[];
  mentions: Token[];
}

function readCaption(text: string): Caption {
  const lines = readLines(text);
  const withText = lines.filter((line) => line.hasText);
  const caption: Caption = {
    text,
    isEmpty: withText.length === 0,
    lines,
    lastLineOfFirstTwo: withText[MORE_CUT_LINES - 1]?.number ?? lines[lines.length - 1].number,
    visibleStart: Math.max(0, text.search(new RegExp(`[^${INVISIBLE}]`, 'u'))),
    hashtags: [],
    hashtagRunLengths: [],
    mentions: [],
  };
  // A hashtag runs until a character that cannot be in one, so "#ad🔥" and "#ad," are #ad and
  // "#adorable" is not; "&#39;" is an HTML entity, not a hashtag.
  for (const match of text.matchAll(/(?<![\p{L}\p{M}\p{N}_&])#[\p{L}\p{M}\p{N}_]+/gu)) {
    caption.hashtags.push(tokenAt(caption, match.index, match[0]));
  }
  // Handles may contain dots but not end with one ("thanks @glow.co."); "me@glow.co" is an email.
  for (const match of text.matchAll(/(?<![\p{L}\p{M}\p{N}_.])@[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_]/gu)) {
    caption.mentions.push(tokenAt(caption, match.index, match[0]));
  }
  caption.hashtagRunLengths = hashtagRunLengths(text, caption.hashtags);
  return caption;
}

/** Lines split on CRLF, CR or LF; a CRLF is one line break, not a blank line. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const add = (start: number, end: number) =>
    lines.push({
      number: lines.length + 1,
      start,
      end,
      hasText: new RegExp(`[^${INVISIBLE}]`, 'u').test(text.slice(start, end)),
    });
  let start = 0;
  for (const lineBreak of text.matchAll(/\r\n|\r|\n/gu)) {
    add(start, lineBreak.index);
    start = lineBreak.index + lineBreak[0].length;
  }
  add(start, text.length);
  return lines;
}

/** Hashtags separated only by spaces, line breaks or commas stand in one run. */
function hashtagRunLengths(text: string, hashtags: Token[]): number[] {
  const runOf: number[] = [];
  const runLengths: number[] = [];
  hashtags.forEach((hashtag, position) => {
    const previous = hashtags[position - 1];
    const joined =
      previous !== undefined &&
      new RegExp(`^[${INVISIBLE},]*$`, 'u').test(text.slice(previous.index + previous.length, hashtag.index));
    if (joined) {
      runOf.push(runOf[position - 1]);
      runLengths[runOf[position]] += 1;
    } else {
      runOf.push(runLengths.length);
      runLengths.push(1);
    }
  });
  return runOf.map((run) => runLengths[run]);
}

function tokenAt(caption: Pick<Caption, 'lines'>, index: number, text: string): Token {
  return { index, length: text.length, text, key: comparable(text.replace(/^[#@]/u, '')), line: lineAt(caption.lines, index) };
}

function lineAt(lines: Line[], index: number): number {
  let line = lines[0];
  for (const candidate of lines) {
    if (candidate.start > index) break;
    line = candidate;
  }
  return line.number;
}

function locationOf(token: Token): ComplianceLocation {
  return { line: token.line, index: token.index, length: token.length };
}

function firstOfEachKey(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((token) => !seen.has(token.key) && seen.add(token.key));
}

function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a reader counts them: 👩‍👩‍👧 is one, not eight. */
function graphemeCount(text: string): number {
  return Array.from(GRAPHEMES.segment(text)).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
