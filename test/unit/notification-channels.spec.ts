import { createHmac } from 'node:crypto';
import { renderDigestEmail } from '../../activities/email-templates';
import { preferencesChange } from '../../apps/api/notifications/preferences.panel';
import { webhookEventId, webhookPayload } from '../../activities/webhook-payload';
import { newWebhookSecret, SecretBox } from '../../libs/auth/secret-box';
import { signWebhook, verifyWebhook } from '../../libs/auth/webhook-signature';
import { parseWebhookConfig } from '../../libs/config/webhook-config';
import {
  applyPreferences,
  DEFAULT_NOTIFICATION_PREFERENCES,
  effectivePreferences,
  EmailCadence,
  emailRoute,
  notificationCategory,
  preferencesProblem,
} from '../../libs/domain/rules/notification-preferences';
import { webhookUrlProblem } from '../../libs/domain/rules/webhook-url';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = '{"id":"evt_1"}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret, prefixed v1=', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`v1=${expected}`);
  });

  it('accepts within the tolerance either way and refuses stale, malformed and altered requests', () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    const headers = { timestamp: '1700000000', signature };
    expect(verifyWebhook(secret, headers, body, 1_700_000_300)).toEqual({ valid: true });
    expect(verifyWebhook(secret, headers, body, 1_699_999_700)).toEqual({ valid: true });
    expect(verifyWebhook(secret, headers, body, 1_700_000_301)).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhook(secret, { timestamp: '17e8', signature }, body, 1_700_000_000)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyWebhook(secret, { timestamp: '1700000000', signature: undefined }, body, 1_700_000_000)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyWebhook(secret, headers, `${body} `, 1_700_000_000)).toEqual({ valid: false, reason: 'mismatch' });
    // A timestamp moved forward with the old signature: the signature covers the timestamp.
    expect(verifyWebhook(secret, { timestamp: '1700000100', signature }, body, 1_700_000_100)).toEqual({ valid: false, reason: 'mismatch' });
  });
});

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/x', null],
    ['http://127.0.0.1:8080/hook', null],
    ['ftp://example.com/x', 'The URL must start with http:// or https:// (got ftp:)'],
    ['javascript:alert(1)', 'The URL must start with http:// or https:// (got javascript:)'],
    ['not a url', 'The URL is not a valid address (expected https://…)'],
    ['', 'The URL is required'],
    [42, 'The URL is required'],
    ['https://user:pass@example.com/', 'The URL must not carry a user name or password'],
  ])('case %#: %p', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('refuses an address longer than 2000 characters', () => {
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2000)}`)).toBe('The URL must be at most 2000 characters');
  });
});

describe('sealed webhook secrets', () => {
  it('opens what it sealed, differently each time, and refuses another key or an altered text', () => {
    const box = new SecretBox('k'.repeat(64));
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
    expect(() => new SecretBox('x'.repeat(64)).open(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    // One character of the ciphertext changed (to one it is not): the authentication tag refuses it.
    const altered = `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}`;
    expect(() => box.open([v, iv, tag, altered].join('.'))).toThrow();
    expect(() => box.open('plain')).toThrow('not a sealed secret');
  });

  it('takes WEBHOOK_SECRET_KEY, or derives one from the session secret; refuses a short key and odd attempt counts', () => {
    const problems: string[] = [];
    expect(parseWebhookConfig({ WEBHOOK_SECRET_KEY: 'k'.repeat(32) }, 's'.repeat(32), problems)).toEqual({ secretKey: 'k'.repeat(32), maxAttempts: 5 });
    const derived = parseWebhookConfig({}, 's'.repeat(32), problems);
    expect(derived.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(parseWebhookConfig({}, 't'.repeat(32), problems).secretKey).not.toBe(derived.secretKey);
    expect(parseWebhookConfig({ WEBHOOK_SECRET_KEY: '' }, 's'.repeat(32), problems).secretKey).toBe(derived.secretKey);
    expect(problems).toEqual([]);
    parseWebhookConfig({ WEBHOOK_SECRET_KEY: 'short', WEBHOOK_MAX_ATTEMPTS: '0' }, 's'.repeat(32), problems);
    expect(problems).toEqual([
      'WEBHOOK_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)',
      'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "0")',
    ]);
  });
});

describe('webhook payload', () => {
  const notification = {
    id: 'n-1',
    eventKey: 'collaboration-c1:remind:BRIEF_ACK_REMINDER',
    kind: 'escalation.CONFLICT',
    message: 'A conflict was found.',
    createdAt: new Date('2026-11-30T06:00:00Z'),
    collaborationId: 'c1',
    recipientId: 'u1',
  };

  it('carries ids and links, with an event id stable for the event key', () => {
    const payload = webhookPayload('https://ops.example.test', notification);
    expect(payload).toMatchObject({
      id: webhookEventId(notification.eventKey),
      kind: 'escalation.CONFLICT',
      title: 'Escalation: conflict',
      occurredAt: '2026-11-30T06:00:00.000Z',
      links: { collaboration: 'https://ops.example.test/admin/resources/Collaboration/records/c1/show', inbox: 'https://ops.example.test/admin/resources/Notification' },
    });
    expect(webhookEventId(notification.eventKey)).toBe(webhookEventId(notification.eventKey));
    expect(webhookEventId('other')).not.toBe(payload.id);
    expect(webhookPayload('https://x', { ...notification, collaborationId: null }).links.collaboration).toBeNull();
  });
});

describe('notification preferences', () => {
  it('classifies kinds, an unknown kind as a reminder', () => {
    expect(notificationCategory('escalation.CONFLICT')).toBe('escalations');
    expect(notificationCategory('SATISFACTION_RATING_DUE')).toBe('ratings');
    expect(notificationCategory('UNDERPERFORMER_FLAGGED')).toBe('performance');
    expect(notificationCategory('CONTRACT_REMINDER')).toBe('reminders');
    expect(notificationCategory('SOMETHING_NEW')).toBe('reminders');
  });

  it('completes stored values with the defaults, ignoring junk', () => {
    expect(effectivePreferences({})).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(effectivePreferences(null)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(effectivePreferences({ email: { reminders: false, bogus: false, ratings: 'no' }, emailCadence: 'hourly' })).toEqual({
      email: { reminders: false, escalations: true, ratings: true, performance: true },
      emailCadence: 'immediately',
    });
  });

  it('routes a kind to a single e-mail, the digest, or nothing', () => {
    const off = applyPreferences(DEFAULT_NOTIFICATION_PREFERENCES, { email: { reminders: false } });
    expect(emailRoute(off, 'BRIEF_ACK_REMINDER')).toBe('none');
    expect(emailRoute(off, 'escalation.CONFLICT')).toBe('single');
    const digest = applyPreferences(off, { emailCadence: EmailCadence.DailyDigest });
    expect(emailRoute(digest, 'escalation.CONFLICT')).toBe('digest');
    expect(emailRoute(digest, 'BRIEF_ACK_REMINDER')).toBe('none');
    // Fields not given are kept.
    expect(digest.email.reminders).toBe(false);
  });

  it('says what is wrong with a change', () => {
    expect(preferencesProblem({ email: { reminders: false }, emailCadence: 'daily_digest' })).toBeNull();
    expect(preferencesProblem({})).toBeNull();
    expect(preferencesProblem([])).toBe('The preferences must be an object with "email" and/or "emailCadence"');
    expect(preferencesProblem({ sms: true })).toBe('Unknown field(s): sms (expected email, emailCadence)');
    expect(preferencesProblem({ email: { chat: true } })).toBe('Unknown category "chat" (expected reminders, escalations, ratings, performance)');
    expect(preferencesProblem({ email: { reminders: 'yes' } })).toBe('"email.reminders" must be true or false');
    expect(preferencesProblem({ emailCadence: 'weekly' })).toBe('"emailCadence" must be immediately or daily_digest');
  });
});

describe('digest e-mail', () => {
  it('lists each notification with its time and link, in text and HTML, escaping what it shows', () => {
    const email = renderDigestEmail({
      recipientName: 'Tara <T>',
      day: '2026-11-30',
      inboxUrl: 'https://ops/admin/resources/Notification',
      items: [
        { kind: 'BRIEF_ACK_REMINDER', message: 'Brief <not> acknowledged', at: new Date('2026-11-29T10:00:00Z'), recordUrl: 'https://ops/c/1' },
        { kind: 'SATISFACTION_RATING_DUE', message: 'Rate it', at: new Date('2026-11-29T11:30:00Z'), recordUrl: null },
      ],
    });
    expect(email.subject).toBe('[CreatorOps] Daily digest 2026-11-30: 2 notifications');
    expect(email.text).toContain('- Brief ack reminder (2026-11-29 10:00 UTC): Brief <not> acknowledged\n  https://ops/c/1');
    expect(email.text).toContain('- Satisfaction rating due (2026-11-29 11:30 UTC): Rate it');
    expect(email.html).toContain('Brief &lt;not&gt; acknowledged');
    expect(email.html).toContain('Hello Tara &lt;T&gt;');
    expect(email.html).toContain('href="https://ops/c/1"');
    expect(renderDigestEmail({ recipientName: 'A', day: '2026-11-30', inboxUrl: 'x', items: [email].slice(0, 0) as never[] }).subject).toBe('[CreatorOps] Daily digest 2026-11-30: 0 notifications');
  });
});

describe('the preferences page form', () => {
  it('turns the posted fields into the change the REST route takes', () => {
    expect(preferencesChange({ 'email.reminders': 'false', 'email.escalations': 'true', emailCadence: 'daily_digest' })).toEqual({
      email: { reminders: false, escalations: true },
      emailCadence: 'daily_digest',
    });
    expect(preferencesChange({})).toEqual({});
    // Junk stays junk, for the service to refuse with its reason.
    expect(preferencesChange({ 'email.reminders': 'maybe' })).toEqual({ email: { reminders: 'maybe' } });
    expect(preferencesProblem(preferencesChange({ 'email.reminders': 'maybe' }))).toBe('"email.reminders" must be true or false');
  });
});
