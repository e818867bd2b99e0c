/**
 * A Nest HttpException, recognised without importing Nest: its readable message, or null when
 * the error is something else (a bug, an outage the service did not translate).
 */
export function httpErrorMessage(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const candidate = error as { getStatus?: unknown; getResponse?: unknown; message?: unknown };
  if (typeof candidate.getStatus !== 'function' || typeof candidate.getResponse !== 'function') return null;
  const body = (candidate.getResponse as () => unknown).call(error);
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return typeof candidate.message === 'string' ? candidate.message : String(body);
}

/** A refusal the panel itself decides (before any service is asked), shown like a service's 409. */
export class PanelRefusal extends Error {
  getStatus(): number {
    return 409;
  }

  getResponse(): { message: string } {
    return { message: this.message };
  }
}
