/**
 * What never reaches a log line, by configuration rather than by each call site remembering:
 * pino's `redact` replaces these paths with "[redacted]" before a line is written, whoever logs
 * the object (an HTTP request, a refused body, an activity's input, an error's fields).
 */
export const REDACTED = '[redacted]';

/** Credentials and session material, in headers. */
const HEADER_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

/**
 * Field names that hold a secret or personal data wherever they appear: credentials, payout and
 * bank details, contact details, and the bodies of e-mails (which quote people's names and terms).
 */
export const SENSITIVE_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'secret',
  'sessionSecret',
  'actorSigningKey',
  'token',
  'apiKey',
  'api_key',
  'authorization',
  'cookie',
  'payoutReference',
  'payoutDetails',
  'bankAccount',
  'accountNumber',
  'iban',
  'ifsc',
  'swift',
  'email',
  'phone',
  'contact',
  'html',
  'text',
  'emailBody',
];

/**
 * pino's paths match a fixed depth (`*` is one level), so each field is named at the top of a
 * line and up to three levels into an object logged with it: deep enough for a request body's
 * nested payout details, shallow enough to stay cheap on every line.
 */
export function redactPaths(fields: readonly string[] = SENSITIVE_FIELDS, depth = 3): string[] {
  const paths = [...HEADER_PATHS];
  for (const field of fields) {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    for (let level = 0; level <= depth; level += 1) paths.push(`${'*.'.repeat(level)}${key}`.replace('.[', '['));
  }
  return paths;
}

/** Query parameters that carry a credential (a signed link's token, an OAuth code): their values never reach a log. */
const SECRET_QUERY = /^(token|access_token|sig|signature|key|api_?key|secret|password|code)$/i;

/** `url` with the values of credential-bearing query parameters replaced, the rest kept for reading. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as sent; only its value could be secret.
      }
      return equals >= 0 && SECRET_QUERY.test(decoded) ? `${name}=${encodeURIComponent(REDACTED)}` : pair;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}
