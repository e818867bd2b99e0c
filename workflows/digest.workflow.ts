import { proxyActivities } from '@temporalio/workflow';
import type { CollaborationActivityFunctions } from '../activities';

const digests = proxyActivities<Pick<CollaborationActivityFunctions, 'listDigestRecipients' | 'sendDigest'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export interface DailyDigestRun {
  day: string;
  recipients: number;
  sent: number;
}

/** Digests sent side by side: a few SMTP connections, not one per user at once. */
const AT_ONCE = 5;

/**
 * Run by the daily Schedule (libs/temporal/digest-schedule.ts): one digest e-mail per user who
 * chose it, listing what was queued for them before the run started. Idempotent per user and day.
 */
export async function dailyDigestWorkflow(): Promise<DailyDigestRun> {
  const cutoff = new Date(Date.now()).toISOString();
  const day = cutoff.slice(0, 10);
  const recipients = await digests.listDigestRecipients({ cutoff });
  let sent = 0;
  for (let i = 0; i < recipients.length; i += AT_ONCE) {
    const outcomes = await Promise.all(recipients.slice(i, i + AT_ONCE).map((userId) => digests.sendDigest({ userId, day, cutoff })));
    sent += outcomes.filter((outcome) => outcome.status === 'sent').length;
  }
  return { day, recipients: recipients.length, sent };
}
