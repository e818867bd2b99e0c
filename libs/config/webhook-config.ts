import { createHmac } from 'node:crypto';

/**
 * Outgoing webhooks (README "Webhooks", docs/webhooks.md): the key their signing secrets are
 * encrypted with at rest (WEBHOOK_SECRET_KEY) and how often a failing delivery is tried
 * (WEBHOOK_MAX_ATTEMPTS).
 */
export interface WebhookConfig {
  secretKey: string;
  maxAttempts: number;
}

export const DEFAULT_WEBHOOK_MAX_ATTEMPTS = 5;

/**
 * Without WEBHOOK_SECRET_KEY the key is derived from SESSION_SECRET (required in production), so a
 * deployment works without a further secret; setting it lets the session secret rotate without
 * making the stored webhook secrets unreadable.
 */
export function parseWebhookConfig(env: NodeJS.ProcessEnv, sessionSecret: string, problems: string[]): WebhookConfig {
  // Empty counts as unset (a compose file's `${WEBHOOK_SECRET_KEY:-}`).
  const given = env.WEBHOOK_SECRET_KEY?.trim() || undefined;
  if (given !== undefined && given.length < 32) problems.push('WEBHOOK_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  const secretKey = given || createHmac('sha256', sessionSecret).update('creatorops webhook secrets').digest('hex');
  const maxAttempts = Number(env.WEBHOOK_MAX_ATTEMPTS ?? DEFAULT_WEBHOOK_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) {
    problems.push(`WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "${env.WEBHOOK_MAX_ATTEMPTS}")`);
  }
  return { secretKey, maxAttempts };
}
