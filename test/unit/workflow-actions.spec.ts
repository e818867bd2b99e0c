import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { Role } from '../../libs/domain/rules/roles';
import type { DeliverablePlan } from '../../libs/domain/rules/terms';
import { DURATION, FormField, publicFields, readForm, requestIdOf } from '../../apps/api/back-office/decision-form';
import { httpErrorMessage, PanelRefusal } from '../../apps/api/back-office/http-errors';
import { actorIds } from '../../apps/api/collaborations/live-view.action';
import { formTooSmallFor, termsDefaults, termsFormProblems, termsFromForm, TERMS_FIELDS } from '../../apps/api/collaborations/terms-form';
import { partyChoices } from '../../apps/api/contracts/contracts.panel';
import { manualSnapshot } from '../../apps/api/deliverables/deliverables.panel';
import { resolutionChoices } from '../../apps/api/escalations/escalations.panel';

const fields: FormField[] = [
  { name: 'reason', label: 'Reason', kind: 'textarea', required: true, maxLength: 10 },
  { name: 'version', label: 'Version', kind: 'number', required: true, min: 1, max: 5 },
  { name: 'decision', label: 'Decision', kind: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }] },
  { name: 'due', label: 'Due', kind: 'datetime' },
  { name: 'url', label: 'Link', kind: 'text', pattern: { regex: /^https:\/\//, message: 'Link must be https' } },
];

describe('readForm', () => {
  it('reads typed values and ignores anything not declared', () => {
    const { values, problems } = readForm(fields, { reason: ' late ', version: '2', decision: 'approve', due: '2026-12-10T12:00:00Z', url: 'https://x', stage: 'COMPLETED' });
    expect(problems).toEqual([]);
    expect(values).toEqual({ reason: 'late', version: 2, decision: 'approve', due: '2026-12-10T12:00:00.000Z', url: 'https://x' });
  });

  it('lists every problem in words', () => {
    const { problems } = readForm(fields, { reason: 'far too long a reason', version: '1.5', decision: 'reject', due: 'tomorrow', url: 'http://x' });
    expect(problems).toEqual([
      'Reason may be at most 10 characters',
      'Version must be a whole number between 1 and 5',
      'Decision must be one of approve',
      'Due must be a date and time',
      'Link must be https',
    ]);
    expect(readForm(fields, {}).problems).toEqual(['Reason is required', 'Version is required', 'Decision is required']);
  });

  it('checks selects against the per-record choices when given', () => {
    const choices = { decision: [{ value: 'request_changes', label: 'Changes' }] };
    expect(readForm(fields, { reason: 'x', version: 1, decision: 'approve' }, choices).problems).toEqual(['Decision must be one of request_changes']);
  });

  it('sends no server-side pattern to the browser', () => {
    expect(publicFields(fields).find((f) => f.name === 'url')).not.toHaveProperty('pattern');
  });

  it('takes a well-formed request id as the idempotency key, and nothing else', () => {
    expect(requestIdOf({ requestId: 'a1b2c3d4-0000' })).toBe('panel-a1b2c3d4-0000');
    expect(requestIdOf({ requestId: 'x' })).toBeUndefined();
    expect(requestIdOf({ requestId: 'a b c d e f g h' })).toBeUndefined();
    expect(DURATION.test('1h30m')).toBe(true);
  });
});

describe('the terms form', () => {
  const base = { brandPriceMinor: '10000000', creatorFeeMinor: '7000000', currency: 'INR', paymentNetDays: '30', killFeeBps: '2500', deliverable1Type: 'reel', deliverable1Platform: 'instagram', deliverable1DraftDueAt: '2026-12-10T12:00:00Z' };

  it('becomes the workflow\'s terms', () => {
    const { values, problems } = readForm(TERMS_FIELDS, { ...base, usageDurationDays: '90', usageChannels: 'instagram, youtube' });
    expect(problems).toEqual([]);
    expect(termsFormProblems(values)).toEqual([]);
    expect(termsFromForm(values)).toEqual({
      brandPriceMinor: 10_000_000,
      creatorFeeMinor: 7_000_000,
      currency: 'INR',
      paymentNetDays: 30,
      killFeeBps: 2500,
      deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: '2026-12-10T12:00:00.000Z' }],
      usageRights: { durationDays: 90, channels: ['instagram', 'youtube'] },
    });
  });

  it('refuses half a deliverable, half an exclusivity and a losing fee', () => {
    const { values } = readForm(TERMS_FIELDS, { ...base, creatorFeeMinor: '20000000', deliverable2Type: 'story', exclusivityCategory: 'skincare' });
    expect(termsFormProblems(values)).toEqual([
      'Deliverable 2 needs a type, a platform and a draft due date, or none of them',
      'Exclusivity needs a category and both dates, or none of them',
      'The creator fee may not exceed the brand price: the booking would lose money',
    ]);
    expect(readForm(TERMS_FIELDS, { ...base, currency: 'inr' }).problems).toEqual(['Currency must be an ISO 4217 code such as INR']);
  });

  it('takes up to five deliverables, and opens an offer of four with all four (nothing dropped on a counter-offer)', () => {
    const slots = Object.fromEntries(
      [2, 3, 4].flatMap((n) => [
        [`deliverable${n}Type`, 'story'],
        [`deliverable${n}Platform`, 'instagram'],
        [`deliverable${n}DraftDueAt`, `2026-12-1${n}T12:00`],
      ]),
    );
    const { values, problems } = readForm(TERMS_FIELDS, { ...base, ...slots, deliverable5Type: 'post' });
    expect(problems).toEqual([]);
    expect(termsFormProblems(values)).toEqual(['Deliverable 5 needs a type, a platform and a draft due date, or none of them']);
    const { values: four } = readForm(TERMS_FIELDS, { ...base, ...slots });
    const terms = termsFromForm(four);
    expect(terms.deliverables.map((d) => d.type)).toEqual(['reel', 'story', 'story', 'story']);
    const offer = { party: 'creator' as const, actor: { userId: 'u', role: Role.TalentManager }, at: '', terms };
    const reopened = readForm(TERMS_FIELDS, termsDefaults({}, offer) as Record<string, string>).values;
    expect(termsFromForm(reopened).deliverables).toEqual(terms.deliverables);
  });

  it('refuses to replace an offer with more deliverables than the form holds', () => {
    const plan = { type: 'story', platform: 'instagram', draftDueAt: '2026-12-10T12:00:00.000Z' } as DeliverablePlan;
    const offerOf = (count: number) => ({ party: 'creator' as const, actor: { userId: 'u', role: Role.TalentManager }, at: '', terms: { ...termsFromForm(readForm(TERMS_FIELDS, base).values), deliverables: Array(count).fill(plan) } });
    expect(formTooSmallFor(undefined, 'c1')).toBeNull();
    expect(formTooSmallFor(offerOf(5), 'c1')).toBeNull();
    expect(formTooSmallFor(offerOf(6), 'c1')).toBe(
      'The offer on the table has 6 deliverables and this form holds 5; negotiate this booking through the API (POST /collaborations/c1/terms or /counter-offer) so that none is dropped',
    );
    expect(httpErrorMessage(new PanelRefusal('x'))).toBe('x');
  });

  it('opens with the offer on the table, else the booking\'s row', () => {
    const offer = { party: 'agency' as const, actor: { userId: 'u', role: Role.TalentManager }, at: '', terms: { ...termsFromForm(readForm(TERMS_FIELDS, base).values), killFeeBps: 1000 } };
    expect(termsDefaults({ brandPriceMinor: 1, currency: 'INR' }, offer)).toMatchObject({ brandPriceMinor: 10_000_000, killFeeBps: 1000, deliverable1Type: 'reel' });
    expect(termsDefaults({ brandPriceMinor: 5, creatorFeeMinor: 4, currency: 'USD' }, undefined)).toMatchObject({ brandPriceMinor: 5, creatorFeeMinor: 4, currency: 'USD', paymentNetDays: 30, killFeeBps: '' });
  });
});

describe('per-record choices', () => {
  it('offers an escalation the resolutions its kind allows', () => {
    expect(resolutionChoices(EscalationKind.ReviewOverdue).map((c) => c.value)).toEqual(['EXTEND', 'ACCEPT']);
    expect(resolutionChoices(EscalationKind.Conflict).map((c) => c.value)).toEqual(['OVERRIDE', 'DROP']);
    expect(resolutionChoices('NOT_A_KIND')).toEqual([]);
  });

  it('offers a signature for the parties the role may sign for (the workflow\'s lists)', () => {
    expect(partyChoices({ userId: 'u', role: Role.TalentManager }).map((c) => c.value)).toEqual(['creator']);
    expect(partyChoices({ userId: 'u', role: Role.Manager }).map((c) => c.value)).toEqual(['creator', 'agency']);
    expect(partyChoices({ userId: 'u', role: Role.Finance })).toEqual([]);
    expect(DECISION_ROLES.approvePayout).toEqual([Role.Finance, Role.Admin]);
  });
});

describe('helpers', () => {
  it('reads a Nest HttpException\'s message, and nothing else', () => {
    const nestLike = { getStatus: () => 409, getResponse: () => ({ message: 'It is NEGOTIATING' }), message: 'Conflict' };
    expect(httpErrorMessage(nestLike)).toBe('It is NEGOTIATING');
    expect(httpErrorMessage({ getStatus: () => 400, getResponse: () => ({ message: ['a', 'b'] }) })).toBe('a; b');
    expect(httpErrorMessage(new Error('boom'))).toBeNull();
  });

  it('derives NMV and labels manual performance numbers', () => {
    expect(manualSnapshot({ deliverableId: 'd', gmvMinor: '1000', returnsMinor: '100', cancellationsMinor: '', views: '' })).toEqual({
      deliverableId: 'd', gmvMinor: '1000', returnsMinor: '100', cancellationsMinor: null, views: null, label: 'manual', source: 'ops_entry', nmvMinor: 900,
    });
  });

  it('names everyone who acted on a booking', () => {
    const actor = (userId: string) => ({ userId, role: Role.Manager });
    expect(actorIds(null)).toEqual([]);
    expect(
      actorIds({
        history: [{ at: '', event: 'a', stage: 'BRIEFED', actor: actor('u1') }, { at: '', event: 'b', stage: 'BRIEFED' }],
        resolvedEscalations: [{ escalationId: 'e', kind: EscalationKind.Conflict, raisedAt: '', resolution: 'DROP', reason: '', resolvedAt: '', actor: actor('u2') }],
        dropout: { actor: actor('u1'), reason: '', at: '' },
      } as never),
    ).toEqual(['u1', 'u2']);
  });
});
