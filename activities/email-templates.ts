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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#111827;line-height:1.5">',
    `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}</h2>`,
    `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
    `<p>${escapeHtml(input.message)}</p>`,
    input.recordUrl ? `<p>${link(input.recordUrl, 'Open the collaboration in CreatorOps')}</p>` : '',
    `<p style="font-size:13px;color:#6b7280">${link(input.inboxUrl, 'Your notifications')}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
