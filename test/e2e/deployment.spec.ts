import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
    APP_DATABASE_PASSWORD: randomBytes(12).toString('hex'),
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

  it('is a valid deployment of PostgreSQL, Temporal, its UI, a demo Mailpit, migrations, the API and the worker', () => {
    const run = compose(['config', '--services'], secrets);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').sort()).toEqual(['api', 'mailpit', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
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

/**
 * The runtime (issue 11, item 25): the image runs a supported Node LTS, package.json's `engines`
 * admits it and the Node these tests run on, and the README names the same versions.
 */
describe('the Node runtime', () => {
  const root = path.resolve(__dirname, '../..');
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  /** Each alternative of a range made of caret ranges: "^20.19.0 || ^22.12.0" → [[20, 19], [22, 12]]. */
  const alternatives = engines.split('||').map((part) => {
    const match = /^\s*\^(\d+)\.(\d+)\.\d+\s*$/.exec(part);
    if (!match) throw new Error(`engines.node alternative "${part.trim()}" is not a caret range; extend this test to read it`);
    return [Number(match[1]), Number(match[2])] as const;
  });
  const admits = (major: number, minor: number) => alternatives.some(([m, least]) => m === major && minor >= least);
  const imageMajor = () => {
    const image = /^ARG NODE_IMAGE=node:(\d+)[-.\w]*$/m.exec(read('Dockerfile'));
    if (!image) throw new Error('The Dockerfile names no node:<major> image in ARG NODE_IMAGE');
    return Number(image[1]);
  };

  it('runs a supported LTS in the Docker image, one that engines admits', () => {
    expect([22, 24]).toContain(imageMajor());
    // The image's tag floats within its major: engines must admit every release of it from the first LTS one (22.12, 24.0).
    expect(admits(imageMajor(), imageMajor() === 22 ? 12 : 0)).toBe(true);
    expect(read('Dockerfile').match(/^FROM \$\{NODE_IMAGE\}/gm)).toHaveLength(2);
  });

  it('admits the Node this suite runs on, and both LTS lines', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(admits(major, minor)).toBe(true);
    expect(admits(22, 12) && admits(24, 0)).toBe(true);
  });

  it('says in the README which versions are supported, as engines does', () => {
    const readme = read('README.md');
    expect(readme).toContain(`\`${engines}\``);
    expect(readme).toMatch(new RegExp(`Docker image runs Node ${imageMajor()}\\b`));
  });
});
