import { createServer, type Server } from 'node:http';
import { freePort } from '../../scripts/lib/ports';

/** One request a test receiver got: its headers (lower-case names), raw body, and the status it answered. */
export interface ReceivedWebhook {
  headers: Record<string, string | undefined>;
  body: string;
  answered: number;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for a Slack/Zapier-style receiver: it answers each
 * request with the next status of `script` (the last one repeats) and keeps what it received.
 */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(script: number[]): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = script[Math.min(received.length, script.length - 1)];
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]));
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered, { 'Content-Type': 'text/plain' }).end(answered < 300 ? 'ok' : 'receiver down');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks/creatorops`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
