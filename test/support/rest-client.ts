import type { RunningSystem } from './system';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * One request to the REST API with a JSON body (when given) and an Authorization header (when
 * given): the status, the body parsed as JSON (the text when it is not JSON), and the raw text.
 */
export async function requestJson<T = any>(
  baseUrl: string,
  method: string,
  route: string,
  authorization: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T> & { text: string }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, text };
}

/** The REST API as one user (HTTP Basic): `call` answers status and body; `ok` throws unless 2xx. */
export function restClient(system: RunningSystem, email: string, password: string) {
  const authorization = system.basic(email, password);
  async function call<T = any>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<ApiAnswer<T>> {
    const { status, body: answer } = await requestJson<T>(system.baseUrl, method, route, authorization, body);
    return { status, body: answer };
  }
  async function ok<T = any>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const answer = await call<T>(method, route, body);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${route} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return { call, ok };
}
