import { CONTENT_FORMATS, type ContentFormat, type OnScreenLabel, type SpokenDisclosure } from './compliance';

/**
 * What the creator or talent manager declares with a draft or a post about how it is disclosed
 * beyond the caption (docs/compliance.md#what-it-judges). All optional: a draft without them is
 * judged by its caption alone, as before. The API checks their shape; this is the one check of
 * their sense, shared by the workflow validators, so the API and the panel cannot differ.
 */
export interface DisclosureFacts {
  format?: ContentFormat;
  onScreenLabel?: OnScreenLabel;
  spokenDisclosure?: SpokenDisclosure;
  /** BCP 47. */
  language?: string;
  durationSeconds?: number;
}

/** A day: no deliverable is longer, and a longer number is a typo. */
export const MAX_CONTENT_SECONDS = 86_400;
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;

export function disclosureFactsProblem(facts: DisclosureFacts): string | undefined {
  if (facts.format !== undefined && !CONTENT_FORMATS.includes(facts.format)) return `format must be one of ${CONTENT_FORMATS.join(', ')}`;
  if (facts.language !== undefined && (typeof facts.language !== 'string' || !BCP47.test(facts.language))) {
    return 'language must be a BCP 47 language tag, such as "en", "hi" or "es-US"';
  }
  const seconds = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_CONTENT_SECONDS;
  if (facts.durationSeconds !== undefined && !(seconds(facts.durationSeconds) && facts.durationSeconds > 0)) {
    return `durationSeconds must be a number of seconds between 1 and ${MAX_CONTENT_SECONDS}`;
  }
  const label = facts.onScreenLabel;
  if (label !== undefined) {
    if (typeof label !== 'object' || label === null) return 'onScreenLabel must be { text, fromSecond, toSecond }';
    if (typeof label.text !== 'string' || !label.text.trim() || label.text.length > 200) return 'onScreenLabel.text must be the label as shown, at most 200 characters';
    if (!seconds(label.fromSecond) || !seconds(label.toSecond)) return `onScreenLabel.fromSecond and toSecond must be seconds between 0 and ${MAX_CONTENT_SECONDS}`;
    if (label.toSecond < label.fromSecond) return 'onScreenLabel.toSecond must not be before fromSecond';
    if (facts.durationSeconds !== undefined && label.fromSecond > facts.durationSeconds) return 'onScreenLabel.fromSecond is after the end of the content';
  }
  const spoken = facts.spokenDisclosure;
  if (spoken !== undefined) {
    if (typeof spoken !== 'object' || spoken === null) return 'spokenDisclosure must be { atStart, atEnd, repeatedEveryMinutes }';
    if ((spoken.atStart !== undefined && typeof spoken.atStart !== 'boolean') || (spoken.atEnd !== undefined && typeof spoken.atEnd !== 'boolean')) {
      return 'spokenDisclosure.atStart and atEnd must be true or false';
    }
    const every = spoken.repeatedEveryMinutes;
    if (every !== undefined && !(Number.isInteger(every) && every >= 1 && every <= 1_440)) return 'spokenDisclosure.repeatedEveryMinutes must be a whole number of minutes from 1 to 1440';
  }
  return undefined;
}

/** Only the facts that were declared, so a history carries no empty keys. */
export function declaredDisclosureFacts(input: DisclosureFacts): DisclosureFacts | undefined {
  const facts: DisclosureFacts = {};
  if (input.format !== undefined) facts.format = input.format;
  if (input.onScreenLabel !== undefined) facts.onScreenLabel = input.onScreenLabel;
  if (input.spokenDisclosure !== undefined) facts.spokenDisclosure = input.spokenDisclosure;
  if (input.language !== undefined) facts.language = input.language;
  if (input.durationSeconds !== undefined) facts.durationSeconds = input.durationSeconds;
  return Object.keys(facts).length > 0 ? facts : undefined;
}
