import { emailMessageId } from '../../activities/email-delivery';
import { kindTitle, renderNotificationEmail } from '../../activities/email-templates';

describe('notification e-mails', () => {
  const input = {
    kind: 'escalation.BRIEF_ACK_OVERDUE',
    message: 'Brief for <Asha & "Co"> not acknowledged',
    recipientName: "Maya O'Neil",
    recordUrl: 'https://ops.example.com/admin/resources/Collaboration/records/c-1/show',
    inboxUrl: 'https://ops.example.com/admin/resources/Notification',
  };

  it('names the kind in words: reminders as they are, escalations marked as such', () => {
    expect(kindTitle('BRIEF_ACK_REMINDER')).toBe('Brief ack reminder');
    expect(kindTitle('escalation.PAYOUT_OVERDUE')).toBe('Escalation: payout overdue');
    expect(kindTitle('PERFORMANCE_DATA_MISSING+7d')).toBe('Performance data missing+7d');
  });

  it('carries the message and both links in the text part, and escapes them in the HTML part', () => {
    const email = renderNotificationEmail(input);
    expect(email.subject).toBe('[CreatorOps] Escalation: brief ack overdue');
    expect(email.text).toContain('Brief for <Asha & "Co"> not acknowledged');
    expect(email.text).toContain(`Open the collaboration: ${input.recordUrl}`);
    expect(email.text).toContain(`Your notifications: ${input.inboxUrl}`);
    expect(email.html).toContain('Brief for &lt;Asha &amp; &quot;Co&quot;&gt; not acknowledged');
    expect(email.html).toContain('Hello Maya O&#39;Neil,');
    expect(email.html).not.toContain('<Asha');
    expect(email.html).toContain(`href="${input.recordUrl}"`);
  });

  it('leaves the record link out when the notification belongs to no booking', () => {
    const email = renderNotificationEmail({ ...input, recordUrl: null });
    expect(email.text).not.toContain('Open the collaboration');
    expect(email.html).not.toContain('Open the collaboration');
  });

  it('gives one event one Message-ID, on the sender\'s domain, and another event another', () => {
    const id = emailMessageId('collaboration-1:remind:BRIEF_ACK_REMINDER', 'Ops <ops@example.com>');
    expect(id).toMatch(/^<[0-9a-f]{40}@example\.com>$/);
    expect(emailMessageId('collaboration-1:remind:BRIEF_ACK_REMINDER', 'ops@example.com')).toBe(id);
    expect(emailMessageId('collaboration-1:remind:CONTRACT_REMINDER', 'ops@example.com')).not.toBe(id);
  });
});
