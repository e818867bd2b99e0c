import { waitFor } from '../../scripts/lib/ports';
import { testMailpit } from './environment';

/** A message as Mailpit's API lists it (GET /api/v1/messages). */
export interface MailpitSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
  From: { Name: string; Address: string };
}

/** A message with its bodies (GET /api/v1/message/{ID}). */
export interface MailpitMessage extends MailpitSummary {
  Text: string;
  HTML: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${testMailpit().webUrl}${path}`);
  if (!response.ok) throw new Error(`Mailpit ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Every message the shared Mailpit holds for this address (test files share it: addresses are per test). */
export async function messagesTo(address: string): Promise<MailpitSummary[]> {
  const query = encodeURIComponent(`to:"${address}"`);
  const { messages } = await getJson<{ messages: MailpitSummary[] }>(`/api/v1/search?query=${query}&limit=200`);
  // The search matches words; keep the exact recipient.
  return messages.filter((message) => message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
}

export function readMessage(id: string): Promise<MailpitMessage> {
  return getJson<MailpitMessage>(`/api/v1/message/${encodeURIComponent(id)}`);
}

/** Waits until a message to `address` whose subject matches arrives, and reads it. */
export async function waitForMessage(address: string, subject: RegExp, timeoutMs = 60_000): Promise<MailpitMessage> {
  const summary = await waitFor(
    `an e-mail to ${address} with a subject like ${subject}`,
    async () => (await messagesTo(address)).find((message) => subject.test(message.Subject)),
    timeoutMs,
    250,
  );
  return readMessage(summary.ID);
}
