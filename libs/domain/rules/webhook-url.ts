/** Why a webhook address cannot be used, or null. Only http(s), with a host, and no user:password in it. */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'The URL is required';
  if (value.length > 2000) return 'The URL must be at most 2000 characters';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'The URL is not a valid address (expected https://…)';
  }
  if (!['http:', 'https:'].includes(url.protocol)) return `The URL must start with http:// or https:// (got ${url.protocol})`;
  if (!url.hostname) return 'The URL has no host';
  // Credentials in the address would be stored and shown in the panel: the signature authenticates instead.
  if (url.username || url.password) return 'The URL must not carry a user name or password';
  return null;
}
