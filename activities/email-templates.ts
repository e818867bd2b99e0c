/** What an e-mail about a notification says: subject, plain text and HTML, each with the panel link. */
export interface NotificationEmail {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationEmailInput {
  kind: string;
  message: string;
  recipientName: string;
  /** The record in the back office (the collaboration), absolute. */
  recordUrl: string | null;
  /** The recipient's inbox in the back office, absolute. */
  inboxUrl: string;
}

/** BRIEF_ACK_REMINDER → "Brief ack reminder"; escalation.CONFLICT → "Escalation: conflict". */
export function kindTitle(kind: string): string {
  const [head, rest] = kind.startsWith('escalation.') ? ['Escalation: ', kind.slice('escalation.'.length)] : ['', kind];
  const words = rest.toLowerCase().replace(/[_.]+/g, ' ').trim();
  const title = `${head}${words}`;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The opening of every e-mail's HTML body: one look for all of them. */
const HTML_OPEN = '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#111827;line-height:1.5">';

function link(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(label)}</a>`;
}

export function renderNotificationEmail(input: NotificationEmailInput): NotificationEmail {
  const title = kindTitle(input.kind);
  const subject = `[CreatorOps] ${title}`;
  const text = [
    `Hello ${input.recipientName},`,
    '',
    input.message,
    '',
    ...(input.recordUrl ? [`Open the collaboration: ${input.recordUrl}`] : []),
    `Your notifications: ${input.inboxUrl}`,
    '',
    '— CreatorOps',
  ].join('\n');
  const html = [
    HTML_OPEN,
    `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}</h2>`,
    `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
    `<p>${escapeHtml(input.message)}</p>`,
    input.recordUrl ? `<p>${link(input.recordUrl, 'Open the collaboration in CreatorOps')}</p>` : '',
    `<p style="font-size:13px;color:#6b7280">${link(input.inboxUrl, 'Your notifications')}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

export interface DigestItem {
  kind: string;
  message: string;
  at: Date;
  recordUrl: string | null;
}

export interface DigestEmailInput {
  recipientName: string;
  /** The day it is sent for, YYYY-MM-DD (UTC). */
  day: string;
  items: DigestItem[];
  inboxUrl: string;
}

/** The daily digest: every notification since the previous digest, oldest first, each with its link. */
export function renderDigestEmail(input: DigestEmailInput): NotificationEmail {
  const count = input.items.length;
  const subject = `[CreatorOps] Daily digest ${input.day}: ${count} notification${count === 1 ? '' : 's'}`;
  const time = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const text = [
    `Hello ${input.recipientName},`,
    '',
    `Your notifications since the previous digest (${count}):`,
    '',
    ...input.items.flatMap((item) => [`- ${kindTitle(item.kind)} (${time(item.at)}): ${item.message}`, ...(item.recordUrl ? [`  ${item.recordUrl}`] : [])]),
    '',
    `Your notifications: ${input.inboxUrl}`,
    'You receive one e-mail a day because you chose the daily digest in your notification preferences.',
    '',
    '— CreatorOps',
  ].join('\n');
  const html = [
    HTML_OPEN,
    `<h2 style="font-size:18px;margin:0 0 12px">Daily digest ${escapeHtml(input.day)}</h2>`,
    `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
    `<p>Your notifications since the previous digest (${count}):</p>`,
    '<ul>',
    ...input.items.map(
      (item) =>
        `<li><strong>${escapeHtml(kindTitle(item.kind))}</strong> <span style="color:#6b7280">${escapeHtml(time(item.at))}</span><br>${escapeHtml(item.message)}${item.recordUrl ? `<br>${link(item.recordUrl, 'Open the collaboration')}` : ''}</li>`,
    ),
    '</ul>',
    `<p style="font-size:13px;color:#6b7280">${link(input.inboxUrl, 'Your notifications')} · one e-mail a day, as your notification preferences say.</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
