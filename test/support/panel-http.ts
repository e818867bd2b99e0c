import * as http from 'node:http';

/**
 * The back office over plain HTTP, without a browser: sign in through the login form and call
 * the panel's JSON API with the session cookie, as the panel's own pages do (same-origin).
 */
export async function panelSignIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('creatorops.sid='));
  if (response.status !== 302 || response.headers.get('location') !== '/admin' || !cookie) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  }
  return cookie;
}

export async function panelGet<T = any>(baseUrl: string, cookie: string, path: string): Promise<{ status: number; body: T; location: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, location: response.headers.get('location') };
}

export interface StreamedRequest {
  /** The status of the answer, or null when the connection closed without one. */
  status: number | null;
  /** Bytes of body written before the answer came (or the connection closed). */
  sent: number;
  text: string;
}

/**
 * POSTs a body of `total` bytes (`prefix`, then filler) in 64 KiB chunks, with the Content-Length
 * given or chunked without one, and stops sending as soon as an answer arrives: `sent` below
 * `total` shows the server answered before it had the body.
 */
export function streamPost(
  baseUrl: string,
  path: string,
  options: { headers: Record<string, string>; total: number; declareLength?: boolean; prefix?: Buffer; suffix?: Buffer },
): Promise<StreamedRequest> {
  const url = new URL(path, baseUrl);
  const prefix = options.prefix ?? Buffer.alloc(0);
  const suffix = options.suffix ?? Buffer.alloc(0);
  return new Promise((resolve) => {
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', ...options.headers, ...(options.declareLength ? { 'content-length': String(options.total) } : {}) },
    });
    let sent = 0;
    let status: number | null = null;
    let text = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, sent, text });
    };
    request.on('response', (response) => {
      status = response.statusCode ?? null;
      response.setEncoding('utf8');
      response.on('data', (part: string) => (text += part));
      response.on('end', finish);
      response.on('error', finish);
      response.on('close', finish);
    });
    request.on('error', finish);
    request.on('close', () => setImmediate(finish));
    const filler = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!done && status === null) {
        const remaining = options.total - sent;
        if (remaining <= 0) {
          request.end();
          return;
        }
        let chunk: Buffer;
        if (sent < prefix.length) chunk = prefix.subarray(sent, sent + filler.length);
        else if (remaining <= suffix.length) chunk = suffix.subarray(suffix.length - remaining);
        else chunk = filler.subarray(0, Math.min(filler.length, remaining - suffix.length));
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** A panel form post (url-encoded, as AdminJS's forms are read), answered as JSON. */
export async function panelPost<T = any>(baseUrl: string, cookie: string, path: string, fields: Record<string, string>): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}

/** The session id a signed cookie ("creatorops.sid=s%3A<sid>.<signature>") stands for. */
export function sessionIdOf(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return value.slice(2, value.lastIndexOf('.'));
}
