import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensuredTool } from './go-tools';
import { freePort, WaitAborted, waitFor } from './ports';


/**
 * The Mailpit binary: MAILPIT_PATH, else what scripts/ensure-mailpit.sh finds in the user-level
 * cache or builds there (go install).
 */
export function mailpitPath(): string {
  return ensuredTool('MAILPIT_PATH', 'ensure-mailpit.sh');
}

export interface Mailpit {
  /** Where to send: smtp://127.0.0.1:<port> (SMTP_URL). */
  smtpUrl: string;
  /** Web UI and JSON API (/api/v1/messages). */
  webUrl: string;
  pid?: number;
  stop(): Promise<void>;
}

export interface MailpitOptions {
  smtpPort?: number;
  httpPort?: number;
  /** Keep the messages across restarts in this SQLite file; a temporary one when absent. */
  database?: string;
}

/** Starts a Mailpit on 127.0.0.1 (free ports unless given) and waits until its API answers. */
export async function startMailpit(options: MailpitOptions = {}): Promise<Mailpit> {
  const smtpPort = options.smtpPort ?? (await freePort());
  const httpPort = options.httpPort ?? (await freePort());
  const args = [
    '--smtp', `127.0.0.1:${smtpPort}`,
    '--listen', `127.0.0.1:${httpPort}`,
    // Local only: accept whatever credentials an SMTP_URL carries, over plain SMTP.
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    // Parallel test files share one Mailpit: keep every message of a run (the default prunes at 500).
    '--max', '0',
    '--disable-version-check',
    '--quiet',
    ...(options.database ? ['--database', options.database] : []),
  ];
  if (options.database) fs.mkdirSync(path.dirname(options.database), { recursive: true });
  const child: ChildProcess = spawn(mailpitPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const webUrl = `http://127.0.0.1:${httpPort}`;
  try {
    await waitFor(`Mailpit on ${webUrl}`, async () => {
      if (child.exitCode !== null) throw new WaitAborted(`mailpit exited with ${child.exitCode}: ${stderr}`);
      return (await fetch(`${webUrl}/api/v1/info`)).ok ? true : undefined;
    }, 30_000, 200);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
