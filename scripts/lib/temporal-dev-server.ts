import { Connection } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { SEARCH_ATTRIBUTE_KEYS } from '../../libs/temporal/search-attribute-keys';
import { ensuredTool } from './go-tools';
import { freePort, WaitAborted, waitFor } from './ports';


/**
 * The Temporal CLI binary: TEMPORAL_CLI_PATH, else what the script finds (a checkout's earlier
 * build, the user-level cache) or builds (go install) or downloads into the cache.
 */
export function temporalCliPath(): string {
  return ensuredTool('TEMPORAL_CLI_PATH', 'ensure-temporal-cli.sh');
}

export interface TemporalDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  /** The server process (for resource sampling). */
  pid?: number;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Keep state across restarts in this SQLite file; in memory when absent. */
  dbFilename?: string;
  port?: number;
  uiPort?: number;
  withUi?: boolean;
}

/** Starts `temporal server start-dev` with our search attributes registered, on free ports. */
export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<TemporalDevServer> {
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--http-port', String(await freePort()),
    '--metrics-port', String(await freePort()),
    '--log-level', 'warn',
    ...(options.withUi ? [] : ['--headless']),
    ...(options.dbFilename ? ['--db-filename', options.dbFilename] : []),
    ...SEARCH_ATTRIBUTE_KEYS.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]),
  ];
  const child: ChildProcess = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${port}`;
  try {
    await waitFor(`the Temporal dev server on ${address}`, async () => {
      if (child.exitCode !== null) throw new WaitAborted(`temporal exited with ${child.exitCode}: ${stderr}`);
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        // start-dev answers before the default namespace is ready for visibility queries.
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      } finally {
        await connection.close();
      }
    }, 60_000, 250);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    namespace: 'default',
    uiUrl: options.withUi ? `http://127.0.0.1:${uiPort}` : undefined,
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
