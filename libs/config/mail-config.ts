/**
 * E-mail settings (README "E-mail"): where mail goes (SMTP_URL), who it is from (MAIL_FROM),
 * where its links point (PUBLIC_URL) and how often a failing send is tried (MAIL_MAX_ATTEMPTS).
 */
export interface MailConfig {
  /** smtp://[user:password@]host[:port] (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
  smtpUrl: string;
  from: string;
  /** Tries of one message, with Temporal's backoff between them, before it is recorded as failed. */
  maxAttempts: number;
}

const LOCAL_MAIL_FROM = 'CreatorOps <no-reply@creatorops.local>';
export const DEFAULT_MAIL_MAX_ATTEMPTS = 5;

/**
 * Mail is on when SMTP_URL is set. In production it must be set, or turned off on purpose with
 * MAIL_DISABLED=true: a deployment that silently sends no reminders is the failure this prevents.
 */
export function parseMailConfig(env: NodeJS.ProcessEnv, production: boolean, port: number, problems: string[]): { mail: MailConfig | null; publicUrl: string } {
  const disabled = (env.MAIL_DISABLED ?? 'false').trim().toLowerCase();
  if (!['true', 'false'].includes(disabled)) problems.push(`MAIL_DISABLED must be true or false (got "${env.MAIL_DISABLED}")`);
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    let url: URL | null = null;
    try {
      url = new URL(smtpUrl);
    } catch {
      // The value may carry a password: never echo it.
    }
    if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587');
    }
  } else if (production && disabled !== 'true') {
    problems.push('SMTP_URL is required in production (or MAIL_DISABLED=true to send no e-mail)');
  }

  const from = env.MAIL_FROM?.trim() || (production ? '' : LOCAL_MAIL_FROM);
  if (smtpUrl && disabled !== 'true' && !/^([^<>]*<)?[^@\s<>]+@[^@\s<>]+>?$/.test(from)) {
    problems.push(`MAIL_FROM must be an address, optionally with a name ("CreatorOps <ops@example.com>")${production ? '; it is required in production' : ''}`);
  }

  const maxAttempts = Number(env.MAIL_MAX_ATTEMPTS ?? DEFAULT_MAIL_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) {
    problems.push(`MAIL_MAX_ATTEMPTS must be a whole number from 1 to 20 (got "${env.MAIL_MAX_ATTEMPTS}")`);
  }

  const publicUrl = (env.PUBLIC_URL?.trim() || (production ? '' : `http://127.0.0.1:${port}`)).replace(/\/+$/, '');
  let publicUrlValid = false;
  try {
    publicUrlValid = ['http:', 'https:'].includes(new URL(publicUrl).protocol);
  } catch {
    publicUrlValid = false;
  }
  if (!publicUrlValid && (publicUrl || (smtpUrl && disabled !== 'true'))) {
    problems.push(`PUBLIC_URL must be the http(s) address people open CreatorOps at, such as https://ops.example.com${production ? '; e-mail links need it in production' : ''}`);
  }

  const mail = smtpUrl && disabled !== 'true' ? { smtpUrl, from, maxAttempts } : null;
  return { mail, publicUrl };
}
