import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '../..').replace(/[\\/]dist$/, '');

/**
 * A tool built from a Go module (scripts/lib/go-tool.sh): the path in `envName` when set, else
 * what its ensure script finds in the user-level cache or builds there. The script's progress
 * goes to this process's stderr.
 */
export function ensuredTool(envName: string, script: string): string {
  const given = process.env[envName];
  if (given) return given;
  return execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts', script)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
