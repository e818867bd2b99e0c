import { spawn } from 'node:child_process';
import type { WorkflowBundle } from '@temporalio/worker';
import { creatorOpsBundleOptions } from './workflow-options';

/**
 * The workflow bundle, made by webpack in a short-lived child process. Bundling in the worker
 * itself left webpack's compilation in the worker's heap for good: V8 keeps the pages it grew, so
 * every worker carried it for its whole life (docs/operations.md#worker-tuning has the figures).
 * The signing key goes to the child on stdin and the code comes back on stdout, so neither touches
 * the disk or a command line.
 */
export function bundleOutOfProcess(actorSigningKey: string): Promise<WorkflowBundle> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename], { stdio: ['pipe', 'pipe', 'pipe'] });
    const code: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => code.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0 && code.length) resolve({ code: Buffer.concat(code).toString('utf8') });
      else reject(new Error(`bundling the workflows failed (exit ${status}): ${Buffer.concat(errors).toString('utf8').trim().slice(-2000)}`));
    });
    child.stdin.end(actorSigningKey);
  });
}

/** The child: the key from stdin, the bundle's code to stdout, the bundler's warnings to stderr. */
async function bundleToStdout(): Promise<void> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const key: Buffer[] = [];
  for await (const chunk of process.stdin) key.push(chunk as Buffer);
  const warn = (message: string, meta?: unknown) => process.stderr.write(`${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`);
  const quiet = () => undefined;
  const { code } = await bundleWorkflowCode({
    ...creatorOpsBundleOptions(Buffer.concat(key).toString('utf8')),
    logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn, error: warn },
  });
  process.stdout.write(code);
}

if (require.main === module) {
  bundleToStdout().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}
