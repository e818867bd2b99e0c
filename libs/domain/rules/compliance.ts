import { Platform } from './statuses';

/**
 * The compliance check (docs/compliance.md): is a creator's content disclosed as advertising the
 * way the market's published guidance asks, and does it carry what the brand requires? Pure and
 * deterministic, so the API (pre-publication review), the worker (post verification) and the back
 * office all give the same answer for the same facts. It judges what is declared: the caption as
 * given, and the on-screen label and spoken disclosure as the creator or talent manager reports
 * them. It does not watch the video.
 */

export type ComplianceMarket = 'IN' | 'US' | 'GB';
export const COMPLIANCE_MARKETS: readonly ComplianceMarket[] = ['IN', 'US', 'GB'];

/** What is being published. Absent means a post judged by its caption alone, as before formats existed. */
export const CONTENT_FORMATS = ['post', 'reel', 'story', 'video', 'short', 'live', 'audio'] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];

/** A label superimposed on a video, reel, story or stream, and when it is on screen. */
export interface OnScreenLabel {
  text: string;
  fromSecond: number;
  toSecond: number;
}

/** The disclosure said aloud, as declared. */
export interface SpokenDisclosure {
  atStart?: boolean;
  atEnd?: boolean;
  /** In a live stream: the disclosure is said again at least this often. */
  repeatedEveryMinutes?: number;
}

export interface ComplianceInput {
  market: ComplianceMarket;
  /** The caption, or a video's description. */
  caption: string;
  /** The platform's own "Paid partnership" label is switched on. */
  paidPartnershipLabel?: boolean;
  /** A `Platform` value: instagram | youtube | tiktok | x | linkedin | facebook | blog. */
  platform?: string;
  format?: ContentFormat;
  onScreenLabel?: OnScreenLabel;
  spokenDisclosure?: SpokenDisclosure;
  /** Length of the video or audio, when known: ASCI's on-screen duration depends on it. */
  durationSeconds?: number;
  /** BCP 47 tag of the content's language ("es-US"); detected from the caption when absent. */
  language?: string;
  /** Absent: nothing is known about the creator, and the creator rules are not applied. */
  creator?: { isVirtual?: boolean; qualifications?: string[] };
  brand: {
    /** For brand-qualified disclosures ("#GlowCoPartner"). */
    name?: string;
    /** Health and finance brands bring ASCI's qualification rule. */
    category?: string;
    mandatoryHashtags?: string[];
    mandatoryMentions?: string[];
    prohibitedClaims?: string[];
  };
}

export type ComplianceRule =
  | 'disclosure-missing'
  | 'disclosure-not-upfront'
  | 'disclosure-buried'
  | 'disclosure-ambiguous'
  | 'disclosure-wrong-language'
  | 'platform-label-not-enough'
  | 'disclosure-not-in-content'
  | 'on-screen-label-unclear'
  | 'on-screen-label-late'
  | 'on-screen-label-too-short'
  | 'spoken-disclosure-incomplete'
  | 'live-disclosure-not-repeated'
  | 'virtual-influencer-not-disclosed'
  | 'qualifications-missing'
  | 'qualifications-not-shown'
  | 'mandatory-hashtag-missing'
  | 'mandatory-mention-missing'
  | 'prohibited-claim';

/**
 * Where the offending text is. `line` is 1-based and counts every line as written (blank ones
 * too), so a creator finds it in their editor; `character` is 1-based in characters as a reader
 * counts them from the first visible one (what the "more" cut counts); `index` and `length` are in
 * JavaScript string units over the caption exactly as given, so `caption.slice(index, index + length)`
 * is the text.
 */
export interface ComplianceLocation {
  line: number;
  character: number;
  index: number;
  length: number;
}

/** Where in the video or stream, in seconds from its start. */
export interface ComplianceTiming {
  fromSecond: number;
  toSecond?: number;
}

export interface ComplianceViolation {
  rule: ComplianceRule;
  /** Plain language a talent manager can forward to the creator as is. */
  message: string;
  /** The published rule that says so (docs/compliance.md lists them with their sources). */
  guideline: string;
  /** In the caption; absent when the problem is something missing, or not in the caption. */
  location?: ComplianceLocation;
  /** In the video, for on-screen labels. */
  timing?: ComplianceTiming;
}

export interface ComplianceResult {
  compliant: boolean;
  violations: ComplianceViolation[];
}

/**
 * The published rules each violation cites. Short enough for a message, precise enough to find
 * the passage; the full references are in docs/compliance.md.
 */
export const GUIDELINES = {
  asciLabels:
    "ASCI Guidelines for Influencer Advertising in Digital Media (2021), disclosure labels, as listed in ASCI's influencer disclosure tool: Advertisement, Ad, Sponsored, Collaboration, Partnership, Employee, Free gift, Affiliate, the platforms' paid-partnership tags; in English or the language of the advertisement",
  asciUpfront: 'ASCI 2021 guidelines: the label upfront and prominent, within the first two lines, not needing a click on "more"',
  asciHashtags: 'ASCI 2021 guidelines: the label not buried in a group of hashtags or links',
  asciVideo:
    'ASCI 2021 guidelines, video: the label in the video itself, on screen for at least 3 s (videos up to 15 s), a third of the length (15 s to 2 min), the promoted part (longer)',
  asciAudio: 'ASCI 2021 guidelines, audio: the disclosure announced at the beginning and at the end',
  asciLive: 'ASCI 2021 guidelines, live streams: the disclosure at the start and kept up during the stream',
  asciVirtual: 'ASCI 2021 guidelines, virtual influencers: tell the audience they are not interacting with a real human being',
  asciQualifications:
    'ASCI addendum (2023) for health and financial influencers: qualified, with their qualifications shown prominently in the content',
  ftcClear:
    'FTC Disclosures 101 for Social Media Influencers: simple, clear words ("Advertisement", "Ad", "Sponsored", "Thanks to Brand for the free product", an employment or brand-partner relationship in words); "sp", "spon", "collab", "thanks" or "ambassador" alone are vague',
  ftcPlacement: 'FTC Disclosures 101: put the disclosure where it is hard to miss, seen without clicking "more"',
  ftcHashtags: 'FTC Disclosures 101: do not mix the disclosure into a group of hashtags or links',
  ftcLanguage: 'FTC Disclosures 101 and Endorsement Guides FAQ: the disclosure in the same language as the endorsement',
  ftcTool: "FTC Disclosures 101: do not assume a platform's disclosure tool is good enough; disclose in your own words too",
  ftcVideo: 'FTC Disclosures 101, video: the disclosure in the video itself, not just in the description, shown long enough to be noticed',
  ftcLive: 'FTC Disclosures 101, live streams: disclose at the start and repeat it periodically during the stream',
  ftcAudio: 'FTC Endorsement Guides FAQ, podcasts and audio: say the disclosure at the start',
  capLabels:
    'CAP/CMA Influencers\' guide to making clear that ads are ads: "Ad" or "Advert"; "Sponsored", "Affiliate", "In collaboration with", "Thanks to" or "Gifted" are not enough on their own',
  capUpfront: 'CAP/CMA influencer guide: identifiable as an ad upfront, before anyone engages (before the "more" cut)',
  capHashtags: 'CAP/CMA influencer guide: "#ad" not lost among other hashtags',
  capTool: "CAP/CMA influencer guide: the platform's paid-partnership tool may not be enough on its own; label the content \"Ad\" as well",
  capVideo: 'CAP/CMA influencer guide, video and stories: the label in the content itself (at the start, on each story frame), not only in the description',
  capLive: 'CAP/CMA influencer guide, live streams: labelled from the start and throughout',
  capAudio: 'CAP/CMA influencer guide, audio: say it is an ad at the start',
  brand: "The brand's guidelines in the campaign brief",
} as const;

/**
 * ASCI does not put a number on "buried in a cluster of hashtags", nor do the FTC and CAP; they ask
 * for a label that stands out. One or two tags beside it ("#ad #glowco #newlaunch") still read as a
 * label; from four tags in a row on, readers skim the block as decoration and the label with it.
 * So a label inside a run of more than this many consecutive hashtags is buried.
 */
export const MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL = 3;

/**
 * Where each platform cuts a caption off behind "more" in the feed, in characters (grapheme
 * clusters, as a reader counts them, from the first visible character). Every market asks for the
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
 * ASCI's "within the first two lines", and the "more" cut for YouTube descriptions, LinkedIn,
 * Facebook and blogs, which all show the first couple of lines above the fold. Only lines with
 * visible text count: leading blank lines are trimmed by the platforms, and the blank line between
 * a hook and its label ("Loving this ✨" / "" / "#ad") is the commonest caption layout, with the
 * label still the second thing read.
 */
export const MORE_CUT_LINES = 2;

/**
 * An on-screen label must be there from the start: the FTC and CAP ask for the disclosure at the
 * beginning, before the viewer has taken in the endorsement. A label appearing within the first
 * seconds still is "at the start" (intros, a fade-in).
 */
export const ON_SCREEN_LATEST_START_SECONDS = 3;
/** ASCI's minimum for short videos, and the floor everywhere: shorter is not readable. */
export const ON_SCREEN_MIN_SECONDS = 3;
/**
 * A live stream's disclosure is repeated at least this often. The FTC says "periodically" and CAP
 * "throughout" without a number; a viewer who joins mid-stream should hear it within a quarter of
 * an hour.
 */
export const LIVE_REPEAT_MAX_MINUTES = 15;

export interface ComplianceOptions {
  /**
   * Guesses the language of a caption when none is declared (`detectContentLanguage` in
   * libs/domain/content-language.ts, kept out of these pure rules). Without it, or when it cannot
   * tell, the language of an undeclared post is not judged.
   */
  detectLanguage?: (text: string) => string | undefined;
}

export function checkCompliance(input: ComplianceInput, options: ComplianceOptions = {}): ComplianceResult {
  const caption = readCaption(input.caption ?? '');
  const violations = [
    ...checkDisclosure(input, caption, options),
    ...checkCreator(input, caption),
    ...missingHashtags(caption, input.brand?.mandatoryHashtags ?? []),
    ...missingMentions(caption, input.brand?.mandatoryMentions ?? []),
    ...prohibitedClaims(caption, input.brand?.prohibitedClaims ?? []),
  ];
  return { compliant: violations.length === 0, violations };
}

// ---------------------------------------------------------------------------------------------
// The labels

/** What a label says about the relationship; each market accepts some kinds on their own. */
type LabelKind = 'ad' | 'sponsored' | 'collaboration' | 'partnership' | 'paid-partnership' | 'employee' | 'free-gift' | 'affiliate' | 'plain';

/**
 * Disclosure words by language. ASCI accepts the label in the language of the advertisement and
 * the FTC wants it in the language of the endorsement, so a label counts in the languages it is a
 * word of. Phrases are matched on word boundaries; a hashtag form drops the spaces (#freegift,
 * #free_gift).
 */
const VOCABULARY: { language: string; kind: LabelKind; words: string[] }[] = [
  { language: 'en', kind: 'ad', words: ['ad', 'advert', 'advertisement', 'advertising'] },
  { language: 'en', kind: 'sponsored', words: ['sponsored'] },
  { language: 'en', kind: 'collaboration', words: ['collaboration'] },
  { language: 'en', kind: 'partnership', words: ['partnership'] },
  { language: 'en', kind: 'paid-partnership', words: ['paid partnership', 'paid promotion', 'includes paid promotion'] },
  { language: 'en', kind: 'employee', words: ['employee'] },
  { language: 'en', kind: 'free-gift', words: ['free gift'] },
  { language: 'en', kind: 'affiliate', words: ['affiliate', 'affiliate link'] },
  { language: 'es', kind: 'ad', words: ['publicidad', 'anuncio', 'publicitario'] },
  { language: 'es', kind: 'sponsored', words: ['patrocinado', 'patrocinada'] },
  { language: 'es', kind: 'paid-partnership', words: ['colaboración pagada', 'asociación pagada'] },
  { language: 'es', kind: 'collaboration', words: ['colaboración'] },
  { language: 'pt', kind: 'ad', words: ['publicidade', 'anúncio'] },
  { language: 'pt', kind: 'sponsored', words: ['patrocinado', 'patrocinada'] },
  { language: 'fr', kind: 'ad', words: ['publicité'] },
  { language: 'fr', kind: 'sponsored', words: ['sponsorisé', 'sponsorisée'] },
  { language: 'fr', kind: 'paid-partnership', words: ['partenariat rémunéré'] },
  { language: 'de', kind: 'ad', words: ['werbung', 'anzeige'] },
  { language: 'de', kind: 'sponsored', words: ['gesponsert'] },
  { language: 'it', kind: 'ad', words: ['pubblicità'] },
  { language: 'it', kind: 'sponsored', words: ['sponsorizzato', 'sponsorizzata'] },
  { language: 'hi', kind: 'ad', words: ['विज्ञापन'] },
  { language: 'hi', kind: 'sponsored', words: ['प्रायोजित'] },
  { language: 'hi', kind: 'collaboration', words: ['सहयोग'] },
  { language: 'hi', kind: 'partnership', words: ['साझेदारी'] },
  { language: 'mr', kind: 'ad', words: ['जाहिरात'] },
  { language: 'ta', kind: 'ad', words: ['விளம்பரம்'] },
  { language: 'te', kind: 'ad', words: ['ప్రకటన'] },
  { language: 'bn', kind: 'ad', words: ['বিজ্ঞাপন'] },
  { language: 'kn', kind: 'ad', words: ['ಜಾಹೀರಾತು'] },
  { language: 'ml', kind: 'ad', words: ['പരസ്യം'] },
  { language: 'gu', kind: 'ad', words: ['જાહેરાત'] },
  { language: 'pa', kind: 'ad', words: ['ਇਸ਼ਤਿਹਾਰ'] },
];

/** Languages the vocabulary has labels for; a post in any other language is not judged on language. */
const LABEL_LANGUAGES = new Set(VOCABULARY.map((entry) => entry.language));

/** Vague hashtags every market refuses on their own (FTC and CAP name them; ASCI lists none of them). */
function isVagueHashtag(key: string): boolean {
  return ['sp', 'spon', 'collab', 'ambassador', 'partner', 'gifted', 'gift'].includes(key) || /^(?:thanks(?!giving)|thankyou|thx)/u.test(key);
}

interface MarketRules {
  /** As a message names it: "ASCI (India)". */
  authority: string;
  /** Kinds that disclose on their own. */
  accepted: LabelKind[];
  /** Kinds that hint at a relationship but are not enough on their own (reported as ambiguous). */
  vague: LabelKind[];
  /** ASCI: English is fine whatever the language of the advertisement. */
  englishAlwaysFits: boolean;
  /** ASCI's "first two lines" applies on top of a platform's character cut. */
  firstTwoLinesToo: boolean;
  /** The platform's paid-partnership label discloses on its own. */
  platformLabelAlone: boolean;
  /** What to write instead, in a message. */
  suggestion: string;
  guidelines: { labels: string; upfront: string; hashtags: string; language: string; tool: string; video: string; live: string; audio: string };
  /** Audio is announced at the end too. */
  audioAtEndToo: boolean;
}

const MARKETS: Record<ComplianceMarket, MarketRules> = {
  IN: {
    authority: 'ASCI (India)',
    accepted: ['ad', 'sponsored', 'collaboration', 'partnership', 'paid-partnership', 'employee', 'free-gift', 'affiliate'],
    vague: [],
    englishAlwaysFits: true,
    firstTwoLinesToo: true,
    platformLabelAlone: true,
    suggestion: '"Ad", "Advertisement", "Sponsored", "Collaboration", "Partnership", "Employee", "Free gift" or "Affiliate" (or the same word in the language of the post, such as "विज्ञापन")',
    guidelines: {
      labels: GUIDELINES.asciLabels, upfront: GUIDELINES.asciUpfront, hashtags: GUIDELINES.asciHashtags, language: GUIDELINES.asciLabels,
      tool: GUIDELINES.asciLabels, video: GUIDELINES.asciVideo, live: GUIDELINES.asciLive, audio: GUIDELINES.asciAudio,
    },
    audioAtEndToo: true,
  },
  US: {
    authority: 'the FTC (US)',
    accepted: ['ad', 'sponsored', 'paid-partnership', 'plain'],
    vague: ['collaboration', 'partnership', 'affiliate', 'employee', 'free-gift'],
    englishAlwaysFits: false,
    firstTwoLinesToo: false,
    platformLabelAlone: false,
    suggestion: '#ad, #sponsored, "Advertisement" or "Paid partnership" (in the language of the post, such as "Publicidad")',
    guidelines: {
      labels: GUIDELINES.ftcClear, upfront: GUIDELINES.ftcPlacement, hashtags: GUIDELINES.ftcHashtags, language: GUIDELINES.ftcLanguage,
      tool: GUIDELINES.ftcTool, video: GUIDELINES.ftcVideo, live: GUIDELINES.ftcLive, audio: GUIDELINES.ftcAudio,
    },
    audioAtEndToo: false,
  },
  GB: {
    authority: 'CAP/CMA (UK)',
    accepted: ['ad'],
    vague: ['sponsored', 'collaboration', 'partnership', 'paid-partnership', 'affiliate', 'employee', 'free-gift', 'plain'],
    englishAlwaysFits: true,
    firstTwoLinesToo: false,
    platformLabelAlone: false,
    suggestion: '"Ad" or "Advert" (#ad)',
    guidelines: {
      labels: GUIDELINES.capLabels, upfront: GUIDELINES.capUpfront, hashtags: GUIDELINES.capHashtags, language: GUIDELINES.capLabels,
      tool: GUIDELINES.capTool, video: GUIDELINES.capVideo, live: GUIDELINES.capLive, audio: GUIDELINES.capAudio,
    },
    audioAtEndToo: false,
  },
};

interface Label extends Token {
  kind: LabelKind;
  /** Languages the label is a word of. */
  languages: ReadonlySet<string>;
  /** 1 for a label written as a word; for a hashtag, how many hashtags stand in its run. */
  hashtagsInARow: number;
}

interface LabelWord {
  kind: LabelKind;
  languages: Set<string>;
}

const WORDS = new Map<string, LabelWord>();
for (const { language, kind, words } of VOCABULARY) {
  for (const word of words) {
    const known = WORDS.get(word) ?? { kind, languages: new Set<string>() };
    known.languages.add(language);
    WORDS.set(word, known);
  }
}
const HASHTAG_WORDS = new Map<string, LabelWord>();
for (const [word, meaning] of WORDS) {
  HASHTAG_WORDS.set(word.replace(/ /gu, ''), meaning);
  HASHTAG_WORDS.set(word.replace(/ /gu, '_'), meaning);
}

const ENGLISH = new Set(['en']);

/**
 * The FTC's plain-language disclosures, in English: a free product thanked for, a payment or
 * commission, an employment relationship in words.
 */
const PLAIN_LANGUAGE = [
  /\bthank(?:s| you)\b[^.!?\n]{0,60}?\bfor\b[^.!?\n]{0,30}?\b(?:free|complimentary)\b/giu,
  /\b(?:sent|gave|gifted)\s+me\b[^.!?\n]{0,60}?\bfor\s+free\b/giu,
  /\b(?:paid|sponsored)\s+by\s+@?[\p{L}\p{N}_.]+/giu,
  /\bI(?:'m|’m|\s+am|\s+was|\s+get|\s+got)?\s+(?:being\s+)?paid\s+(?:by|to)\b/giu,
  /\bI\s+(?:get|earn|receive|make)\s+(?:a\s+)?(?:small\s+)?commissions?\b/giu,
  /\bI\s+(?:work|worked)\s+(?:for|at)\s+@?[\p{L}\p{N}_.]+/giu,
  /\bI(?:'m|’m|\s+am)\s+an?\s+(?:[\p{L}]+\s+)?employee\s+(?:of|at)\b/giu,
  /\bmy\s+employer\b/giu,
];

/** Every label the caption carries, as a word, a hashtag or a plain-language statement, in caption order. */
let compiledWordPatterns: Array<[RegExp, LabelWord]> | undefined;

/**
 * One pattern per label word, compiled on first use and kept: every draft of every booking is
 * checked, and compiling them per check was a measurable share of the worker's CPU. `matchAll`
 * works on a copy of a global pattern, so sharing them is safe.
 */
function wordPatterns(): Array<[RegExp, LabelWord]> {
  compiledWordPatterns ??= [...WORDS].map(([word, meaning]) => {
    const words = word.split(' ').map(escapeRegExp).join(`${HORIZONTAL_SPACE}+`);
    // "#ad" is a hashtag, not the word "ad"; "ad-free", "non-sponsored" and "glow.co/ad" are not
    // labels either.
    const pattern = new RegExp(`(?<!${WORD_CHAR}|[#@/]|${WORD_CHAR}[-'’])${words}(?!${WORD_CHAR}|[-'’]${WORD_CHAR})`, 'giu');
    return [pattern, meaning];
  });
  return compiledWordPatterns;
}

function findLabels(caption: Caption, brandNames: string[]): Label[] {
  const found: Label[] = [];

  caption.hashtags.forEach((hashtag, position) => {
    const meaning = HASHTAG_WORDS.get(hashtag.key) ?? brandQualified(hashtag.key, brandNames);
    if (meaning && !isNegated(caption, hashtag)) {
      found.push({ ...hashtag, ...meaning, hashtagsInARow: caption.hashtagRunLengths[position] });
    }
  });

  for (const [pattern, meaning] of wordPatterns()) {
    for (const match of caption.text.matchAll(pattern)) {
      const token = tokenAt(caption, match.index, match[0]);
      if (!isNegated(caption, token)) found.push({ ...token, ...meaning, hashtagsInARow: 1 });
    }
  }

  for (const name of brandNames) {
    const pattern = new RegExp(`(?<!${WORD_CHAR}|[#@/])@?${escapeRegExp(name).replace(/ /gu, `${HORIZONTAL_SPACE}*`)}${HORIZONTAL_SPACE}*(?:partner|ambassador|employee)(?!${WORD_CHAR})`, 'giu');
    for (const match of caption.text.matchAll(pattern)) {
      found.push({ ...tokenAt(caption, match.index, match[0]), kind: 'plain', languages: ENGLISH, hashtagsInARow: 1 });
    }
  }

  for (const pattern of PLAIN_LANGUAGE) {
    for (const match of caption.text.matchAll(pattern)) {
      const token = tokenAt(caption, match.index, match[0]);
      if (!isNegated(caption, token)) found.push({ ...token, kind: 'plain', languages: ENGLISH, hashtagsInARow: 1 });
    }
  }

  // One label per place: "paid partnership" also contains "partnership", and a label word wins
  // over the plain-language statement around it ("Sponsored by GlowCo").
  const overlaps = (a: Label, b: Label) => a.index < b.index + b.length && b.index < a.index + a.length;
  const words = found.filter((label) => label.kind !== 'plain').sort((a, b) => a.index - b.index || b.length - a.length);
  const distinctWords = words.filter((label, position) => !words.slice(0, position).some((other) => overlaps(label, other)));
  const statements = found.filter((label) => label.kind === 'plain' && !distinctWords.some((word) => overlaps(label, word)));
  return [...distinctWords, ...statements].sort((a, b) => a.index - b.index);
}

/** "#GlowCoPartner", "#glowco_ambassador": the FTC's brand-qualified relationship tags. */
function brandQualified(key: string, brandNames: string[]): LabelWord | undefined {
  for (const name of brandNames) {
    const bare = name.replace(/[\s.]/gu, '');
    const match = new RegExp(`^${escapeRegExp(bare)}_?(?:partner|ambassador|employee)$`, 'u').test(key.replace(/\./gu, ''));
    if (match) return { kind: 'plain', languages: ENGLISH };
  }
  return undefined;
}

/** The brand's name and handles, lower-cased, for brand-qualified disclosures. */
function brandNamesOf(brand: ComplianceInput['brand']): string[] {
  const names = [brand?.name, ...(brand?.mandatoryMentions ?? [])]
    .map((name) => comparable((name ?? '').trim().replace(/^@+/u, '')))
    .filter((name) => name.length >= 2);
  return [...new Set(names)];
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
// Disclosure

interface Context {
  input: ComplianceInput;
  market: MarketRules;
  /** Primary language subtag of the content, when declared or detected with confidence. */
  language: string | undefined;
  brandNames: string[];
}

/** "es-US" → "es"; "" or "und" → undefined. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/u)[0];
  return primary && primary !== 'und' && /^[a-z]{2,3}$/u.test(primary) ? primary : undefined;
}

function checkDisclosure(input: ComplianceInput, caption: Caption, options: ComplianceOptions): ComplianceViolation[] {
  const market = MARKETS[input.market];
  if (!market) throw new Error(`no compliance rules for market ${String(input.market)}`);
  if (input.paidPartnershipLabel === true && market.platformLabelAlone) return [];
  const context: Context = {
    input,
    market,
    language:
      primaryLanguage(input.language) ??
      primaryLanguage(options.detectLanguage?.([input.caption ?? '', input.onScreenLabel?.text ?? ''].join('\n'))),
    brandNames: brandNamesOf(input.brand),
  };
  const format = input.format ?? 'post';
  if (format === 'post') return captionDisclosure(context, caption);
  return contentDisclosure(context, caption, format);
}

function fitsLanguage(context: Context, label: Label): boolean {
  const { language, market } = context;
  if (language === undefined || !LABEL_LANGUAGES.has(language)) return true;
  if (label.languages.has(language)) return true;
  return market.englishAlwaysFits && label.languages.has('en');
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

interface MoreCut {
  /** "the first 125 characters, where Instagram cuts the caption off" and the like. */
  describe: string;
  isBefore(label: Label): boolean;
}

/** The caption's disclosure as the market reads it: a label, upfront, apart from the hashtags, in the post's language. */
function captionDisclosure(context: Context, caption: Caption): ComplianceViolation[] {
  const { market } = context;
  const cut = moreCutFor(caption, normalisePlatform(context.input.platform), market.firstTwoLinesToo);
  const labels = findLabels(caption, context.brandNames);
  const accepted = labels.filter((label) => market.accepted.includes(label.kind));
  const fitting = accepted.filter((label) => fitsLanguage(context, label));
  const upfront = fitting.filter((label) => cut.isBefore(label));
  if (upfront.some((label) => label.hashtagsInARow <= MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL)) return [];

  const [buried] = upfront;
  if (buried) {
    return [
      {
        rule: 'disclosure-buried',
        message:
          `"${buried.text}" on line ${buried.line} is buried in a run of ${buried.hashtagsInARow} hashtags. ` +
          `${capitalise(market.authority)} needs the disclosure to stand out, so set it apart from the other hashtags, ` +
          'for example by starting the caption with "Ad |".',
        guideline: market.guidelines.hashtags,
        location: locationOf(caption, buried),
      },
    ];
  }

  const [late] = fitting;
  if (late) {
    const startsAt = characterOf(caption, late);
    return [
      {
        rule: 'disclosure-not-upfront',
        message: market.firstTwoLinesToo
          ? `"${late.text}" is on line ${late.line} (character ${startsAt}), but ${market.authority} needs the disclosure within ${cut.describe}. ` +
            'Move it to the top, for example by starting the caption with "Ad |".'
          : `"${late.text}" starts at character ${startsAt} (line ${late.line}), after the "more" cut: ${cut.describe}. ` +
            `${capitalise(market.authority)} needs followers to see the disclosure without expanding the caption, so move it to the beginning.`,
        guideline: market.guidelines.upfront,
        location: locationOf(caption, late),
      },
    ];
  }

  const [foreign] = accepted;
  if (foreign) {
    const language = languageName(context.language!);
    return [
      {
        rule: 'disclosure-wrong-language',
        message:
          `"${foreign.text}" (line ${foreign.line}) is not in the language of the post, which reads as ${language}. ` +
          `${capitalise(market.authority)} needs the disclosure in the language of the post: use ${suggestionIn(context.language!, market)}.`,
        guideline: market.guidelines.language,
        location: locationOf(caption, foreign),
      },
    ];
  }

  const vague = firstOfEachKey([
    ...labels.filter((label) => market.vague.includes(label.kind)),
    ...(market.vague.length > 0 ? caption.hashtags.filter((hashtag) => isVagueHashtag(hashtag.key)) : []),
  ].sort((a, b) => a.index - b.index));
  if (vague.length > 0) {
    return vague.map((token) => ({
      rule: 'disclosure-ambiguous' as const,
      message:
        context.input.market === 'US'
          ? `${token.text} is too ambiguous for the FTC; use #ad or #sponsored (found on line ${token.line}).`
          : `${token.text} is not enough on its own for ${market.authority}; use ${market.suggestion} (found on line ${token.line}).`,
      guideline: market.guidelines.labels,
      location: locationOf(caption, token),
    }));
  }

  if (context.input.paidPartnershipLabel === true) {
    return [
      {
        rule: 'platform-label-not-enough',
        message:
          `The platform's "Paid partnership" label is on, but ${market.authority} does not rely on it alone: ` +
          `also write ${market.suggestion} before the "more" cut (${cut.describe}).`,
        guideline: market.guidelines.tool,
      },
    ];
  }

  return [
    {
      rule: 'disclosure-missing',
      message:
        `${caption.isEmpty ? 'The caption is empty, so it has' : 'The caption has'} no ad disclosure. ` +
        `${capitalise(market.authority)} needs ${market.suggestion} (as a word or a hashtag such as #ad) within ${cut.describe}` +
        (market.platformLabelAlone ? ', or the platform\'s "Paid partnership" label switched on.' : '.'),
      guideline: market.guidelines.labels,
    },
  ];
}

function suggestionIn(language: string, market: MarketRules): string {
  const words = VOCABULARY.filter((entry) => entry.language === language && entry.kind === 'ad').flatMap((entry) => entry.words);
  return words.length > 0 ? `"${capitalise(words[0])}"` : market.suggestion;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function moreCutFor(caption: Caption, platform: string | undefined, firstTwoLinesToo: boolean): MoreCut {
  const characters = platform === undefined ? undefined : MORE_CUT_CHARACTERS[platform];
  const withinLines = (label: Label) => label.line <= caption.lastLineOfFirstTwo;
  if (platform !== undefined && characters !== undefined) {
    const withinCharacters = (label: Label) => graphemeCount(caption.text.slice(caption.visibleStart, label.index + label.length)) <= characters;
    const where = `the first ${characters} characters, where ${platformName(platform)} cuts the caption off`;
    return firstTwoLinesToo
      ? { describe: `the first two lines and ${where}`, isBefore: (label) => withinLines(label) && withinCharacters(label) }
      : { describe: where, isBefore: withinCharacters };
  }
  return {
    describe: firstTwoLinesToo ? 'the first two lines of the caption (blank lines aside)' : `the first ${MORE_CUT_LINES} lines of the caption`,
    isBefore: withinLines,
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

// ---------------------------------------------------------------------------------------------
// Video, stories, live and audio: the disclosure belongs in the content itself

function contentDisclosure(context: Context, caption: Caption, format: Exclude<ContentFormat, 'post'>): ComplianceViolation[] {
  const { market, input } = context;
  const spoken = input.spokenDisclosure ?? {};
  const where = format === 'video' || format === 'live' || format === 'audio' ? 'description' : 'caption';
  const inCaption = captionDisclosure(context, caption).length === 0;
  const onlyInCaption = inCaption ? `is disclosed only in its ${where}` : `has no disclosure`;

  if (format === 'audio') {
    if (!spoken.atStart && !spoken.atEnd) {
      return [
        {
          rule: 'disclosure-not-in-content',
          message: `The audio ${onlyInCaption}; ${market.authority} needs the disclosure said in the audio itself, at the start${market.audioAtEndToo ? ' and at the end' : ''}.`,
          guideline: market.guidelines.audio,
        },
      ];
    }
    const missing = [...(spoken.atStart ? [] : ['the start']), ...(market.audioAtEndToo && !spoken.atEnd ? ['the end'] : [])];
    if (missing.length === 0) return [];
    return [
      {
        rule: 'spoken-disclosure-incomplete',
        message: `The audio does not say the disclosure at ${missing.join(' or ')}; ${market.authority} needs it at the start${market.audioAtEndToo ? ' and at the end' : ''}.`,
        guideline: market.guidelines.audio,
      },
    ];
  }

  const screen = input.onScreenLabel ? onScreenProblems(context, input.onScreenLabel) : undefined;
  const shown = screen !== undefined && screen.length === 0;
  // Stories are watched muted and tapped through: the label belongs on the frame (FTC, CAP, ASCI).
  const said = format !== 'story' && spoken.atStart === true;
  if (!input.onScreenLabel && !said) {
    const how = format === 'story' ? 'on the story itself (superimposed on the frame)' : 'in the content itself, on screen or said at the start';
    return [
      {
        rule: 'disclosure-not-in-content',
        message: `The ${format} ${onlyInCaption}; ${market.authority} needs the disclosure ${how}, not only in the ${where}. Declare the on-screen label or the spoken disclosure once it is there.`,
        guideline: market.guidelines.video,
      },
    ];
  }
  if (!shown && !said) return screen ?? [];

  if (format === 'live') {
    const label = input.onScreenLabel;
    const shownThroughout = shown && label !== undefined && input.durationSeconds !== undefined && label.toSecond >= input.durationSeconds;
    const every = spoken.repeatedEveryMinutes;
    const repeated = every !== undefined && every > 0 && every <= LIVE_REPEAT_MAX_MINUTES;
    if (!shownThroughout && !repeated) {
      return [
        {
          rule: 'live-disclosure-not-repeated',
          message:
            (every !== undefined ? `The live stream repeats its disclosure only every ${every} minutes` : 'The live stream discloses only at the start') +
            `; ${market.authority} needs it repeated during the stream (at least every ${LIVE_REPEAT_MAX_MINUTES} minutes) or a label on screen throughout, for viewers who join late.`,
          guideline: market.guidelines.live,
        },
      ];
    }
  }
  return [];
}

/** Is the declared on-screen label a label this market accepts, early enough and long enough? */
function onScreenProblems(context: Context, label: OnScreenLabel): ComplianceViolation[] {
  const { market, input } = context;
  const timing = { fromSecond: label.fromSecond, toSecond: label.toSecond };
  const text = readCaption(label.text ?? '');
  const labels = findLabels(text, context.brandNames).filter((found) => market.accepted.includes(found.kind));
  const fitting = labels.filter((found) => fitsLanguage(context, found));
  if (fitting.length === 0) {
    const foreign = labels[0];
    return [
      foreign
        ? {
            rule: 'disclosure-wrong-language',
            message: `The on-screen label "${label.text.trim()}" is not in the language of the content (${languageName(context.language!)}); ${market.authority} needs ${suggestionIn(context.language!, market)}.`,
            guideline: market.guidelines.language,
            timing,
          }
        : {
            rule: 'on-screen-label-unclear',
            message: `The on-screen label "${label.text.trim()}" (${label.fromSecond}–${label.toSecond} s) does not say it is an ad; ${market.authority} needs ${market.suggestion}.`,
            guideline: market.guidelines.labels,
            timing,
          },
    ];
  }
  if (label.fromSecond > ON_SCREEN_LATEST_START_SECONDS) {
    return [
      {
        rule: 'on-screen-label-late',
        message: `The on-screen label appears only at second ${label.fromSecond}; ${market.authority} needs it from the start (within the first ${ON_SCREEN_LATEST_START_SECONDS} seconds).`,
        guideline: market.guidelines.video,
        timing,
      },
    ];
  }
  const needed = minimumOnScreenSeconds(input.market, input.durationSeconds);
  const shown = Math.max(0, label.toSecond - label.fromSecond);
  if (shown < needed) {
    return [
      {
        rule: 'on-screen-label-too-short',
        message:
          `The on-screen label is shown for ${shown} s (${label.fromSecond}–${label.toSecond} s); ${market.authority} needs at least ${needed} s` +
          (input.market === 'IN' && input.durationSeconds !== undefined && input.durationSeconds > 15 && input.durationSeconds <= 120
            ? `, a third of the ${input.durationSeconds} s video.`
            : ', long enough to be noticed and read.'),
        guideline: market.guidelines.video,
        timing,
      },
    ];
  }
  return [];
}

/**
 * ASCI: at least 3 s for a video up to 15 s, a third of the length up to 2 minutes, and the part
 * where the brand is promoted beyond that (which the checker cannot see: it asks for the floor).
 * The FTC and CAP ask for "long enough to be noticed": the same 3 s floor.
 */
export function minimumOnScreenSeconds(market: ComplianceMarket, durationSeconds: number | undefined): number {
  if (market === 'IN' && durationSeconds !== undefined && durationSeconds > 15 && durationSeconds <= 120) {
    return Math.ceil(durationSeconds / 3);
  }
  return ON_SCREEN_MIN_SECONDS;
}

// ---------------------------------------------------------------------------------------------
// The creator (ASCI): virtual influencers, and qualifications for health and finance

/** Says the creator is not a real human being. */
const VIRTUAL_DISCLOSURE =
  /\bvirtual\s+(?:influencer|creator|character|human|being|avatar|model|person)\b|#virtual(?:influencer|creator|human|avatar)\b|\bcgi\b|\bcomputer[-\s]generated\b|\bai[-\s]generated\b|#ai(?:influencer|creator|generated)\b|\bnot\s+a\s+real\s+(?:person|human)\b|\bnot\s+human\b/iu;

/** The 2023 addendum covers health and wellness, and banking, financial services and insurance. */
const REGULATED_CATEGORY = /health|wellness|medic|pharma|nutrition|supplement|ayurved|financ|bank|insur|invest|fintech|crypto|securities|loan|lending|trading|mutual\s*fund/iu;

export function isHealthOrFinance(category: string | undefined): boolean {
  return REGULATED_CATEGORY.test(category ?? '');
}

function checkCreator(input: ComplianceInput, caption: Caption): ComplianceViolation[] {
  if (input.market !== 'IN' || !input.creator) return [];
  const violations: ComplianceViolation[] = [];
  const content = [caption.text, input.onScreenLabel?.text ?? ''].join('\n');
  if (input.creator.isVirtual === true && !VIRTUAL_DISCLOSURE.test(content)) {
    violations.push({
      rule: 'virtual-influencer-not-disclosed',
      message: 'The creator is a virtual influencer, and the content does not say so; ASCI needs it to tell the audience they are not interacting with a real human being (for example "#VirtualInfluencer" or "I am a virtual creator").',
      guideline: GUIDELINES.asciVirtual,
    });
  }
  if (isHealthOrFinance(input.brand?.category)) {
    const qualifications = (input.creator.qualifications ?? []).map((q) => q.trim()).filter(Boolean);
    if (qualifications.length === 0) {
      violations.push({
        rule: 'qualifications-missing',
        message: `The brand is in ${input.brand.category}, and the creator has no qualifications on record; ASCI's 2023 addendum needs health and finance influencers to be qualified and to show it. Record the creator's qualifications, or book a qualified creator.`,
        guideline: GUIDELINES.asciQualifications,
      });
    } else if (!qualifications.some((q) => comparable(content).includes(comparable(q)))) {
      violations.push({
        rule: 'qualifications-not-shown',
        message: `The content does not show the creator's qualifications (${qualifications.join(', ')}); ASCI's 2023 addendum needs health and finance influencers to state them prominently.`,
        guideline: GUIDELINES.asciQualifications,
      });
    }
  }
  return violations;
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
      guideline: GUIDELINES.brand,
    }));
}

function missingMentions(caption: Caption, mandatory: string[]): ComplianceViolation[] {
  const present = new Set(caption.mentions.map((mention) => mention.key));
  return distinct(mandatory, '@')
    .filter((mention) => !present.has(mention.key))
    .map((mention) => ({
      rule: 'mandatory-mention-missing' as const,
      message: `The caption is missing the brand's mandatory mention ${mention.shown}.`,
      guideline: GUIDELINES.brand,
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
      guideline: GUIDELINES.brand,
      location: locationOf(caption, claim),
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

function locationOf(caption: Caption, token: Token): ComplianceLocation {
  return { line: token.line, character: characterOf(caption, token), index: token.index, length: token.length };
}

/** 1-based, in characters as a reader counts them from the first visible one. */
function characterOf(caption: Caption, token: Token): number {
  return graphemeCount(caption.text.slice(caption.visibleStart, Math.max(caption.visibleStart, token.index))) + 1;
}

function firstOfEachKey<T extends Token>(tokens: T[]): T[] {
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
