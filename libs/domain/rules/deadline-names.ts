/**
 * What a booking's deadline is, in words, from its name in the workflow's state (the projection's
 * `deadlines` keys): fixed names, and per-deliverable ones written `<kind>:<deliverable id>`.
 */
const FIXED: Readonly<Record<string, string>> = {
  briefAckReminder: 'Brief acknowledgement reminder',
  briefAckEscalation: 'Brief acknowledgement due',
  negotiation: 'Negotiation closes',
  contractReminder: 'Contract signature reminder',
  contractEscalation: 'Contract signatures due',
  measureFirst: 'First performance capture',
  measureSecond: 'Final performance capture',
};

const PER_DELIVERABLE: Readonly<Record<string, string>> = {
  draftDue: 'Draft due',
  review: 'Draft review due',
  postBy: 'Goes live by',
};

export function deadlineText(name: string): string {
  if (FIXED[name]) return FIXED[name];
  const kind = name.split(':')[0];
  if (name.includes(':') && PER_DELIVERABLE[kind]) return PER_DELIVERABLE[kind];
  // A name this table does not know yet: its words, so it is still readable.
  const words = name.replace(/:.*$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The name of a deliverable's deadline (`draftDue`, `review`, `postBy`), written by the workflow
 * and, for the draft due dates it learns from the deliverables' rows, by the activity that plans
 * them: one spelling for both.
 */
export function deliverableDeadlineName(kind: 'draftDue' | 'review' | 'postBy', deliverableId: string): string {
  return `${kind}:${deliverableId}`;
}
