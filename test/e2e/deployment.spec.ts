import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * docker-compose.yml is for real deployments; no Docker engine runs on the test machines, but
 * Debian's docker-compose validates the file (.ci/run installs it).
 */
describe('docker-compose.yml', () => {
  const root = path.resolve(__dirname, '../..');
  const secrets = {
    POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ACTOR_SIGNING_KEY: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'ops@example.com',
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
  };
  const compose = (args: string[], env: NodeJS.ProcessEnv) => {
    const withoutSecrets = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in secrets)));
    const run = spawnSync('docker-compose', args, { cwd: root, env: { ...withoutSecrets, ...env }, encoding: 'utf8' });
    if (run.error) throw new Error(`docker-compose is not installed (apt-get install docker-compose): ${run.error.message}`);
    return run;
  };

  it('is a valid deployment of PostgreSQL, Temporal, its UI, migrations, the API and the worker', () => {
    const run = compose(['config', '--services'], secrets);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('refuses to start without the secrets instead of falling back to local defaults', () => {
    const { SESSION_SECRET: _omitted, ...rest } = secrets;
    const run = compose(['config', '-q'], rest);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/set SESSION_SECRET/);
    const { ACTOR_SIGNING_KEY: _key, ...unsigned } = secrets;
    const withoutKey = compose(['config', '-q'], unsigned);
    expect(withoutKey.status).not.toBe(0);
    expect(withoutKey.stderr).toMatch(/set ACTOR_SIGNING_KEY/);
  });
});
