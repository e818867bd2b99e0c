import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseTrustProxy } from '../../libs/config/config';

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
    expect(run.stdout.trim().split('\n').sort()).toEqual(['api', 'mailpit', 'migrate', 'postgres', 'proxy', 'temporal', 'temporal-ui', 'worker']);
  });

  /**
   * Each service's block of `docker-compose config`: its normalised output (two-space indents,
   * one key a line, interpolated), read without a YAML dependency.
   */
  const services = (): Record<string, string> => {
    const run = compose(['config'], secrets);
    expect(run.status).toBe(0);
    const body = run.stdout.split(/^services:\n/m)[1].split(/^\S/m)[0];
    return Object.fromEntries(body.split(/^(?=  [\w-]+:$)/m).map((block) => [block.slice(2, block.indexOf(':')), block]));
  };
  /** A top-level key of a service's block (`    ports:`), and what is indented under it. */
  const section = (block: string, key: string): string | undefined => new RegExp(`^    ${key}:(.*\\n(?:      .*\\n|    - .*\\n)*)`, 'm').exec(block)?.[1];

  it('scales out: API and worker replicas publish no host port and have no fixed name, behind a proxy that finds every API replica', () => {
    const all = services();
    for (const scaled of ['api', 'worker']) {
      expect({ scaled, containerName: section(all[scaled], 'container_name') }).toEqual({ scaled, containerName: undefined });
      expect({ scaled, ports: section(all[scaled], 'ports') }).toEqual({ scaled, ports: undefined });
    }
    expect(section(all.api, 'expose')).toMatch(/- '3000'/);
    expect(section(all.api, 'environment')).toMatch(/^      PORT: '3000'$/m);

    // The proxy is the only way in from outside, and its configuration follows the replicas through Docker's DNS.
    expect(section(all.proxy, 'ports')).toMatch(/published: 3000\n\s+target: 80/);
    expect(section(all.proxy, 'volumes')).toMatch(/deploy\/Caddyfile:\/etc\/caddy\/Caddyfile:ro/);
    const caddyfile = readFileSync(path.join(root, 'deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/reverse_proxy \{[^}]*dynamic a api 3000 \{/);
    expect(caddyfile).toMatch(/lb_policy round_robin/);
  });

  it('sets TRUST_PROXY on the API to the one hop of the proxy, a value the configuration accepts', () => {
    const all = services();
    const trust = /^      TRUST_PROXY: '?([^'\n]+)'?$/m.exec(section(all.api, 'environment') ?? '')?.[1];
    expect(trust).toBe('1');
    expect(parseTrustProxy(trust)).toBe(1);
  });

  it('runs Temporal on PostgreSQL with a chosen history shard count, and gives PostgreSQL room for every replica', () => {
    const all = services();
    const temporal = section(all.temporal, 'environment') ?? '';
    expect(temporal).toMatch(/^      DB: postgres12$/m);
    expect(temporal).toMatch(/^      POSTGRES_SEEDS: postgres$/m);
    expect(temporal).toMatch(/^      NUM_HISTORY_SHARDS: '4'$/m);
    const maxConnections = Number(/max_connections=(\d+)/.exec(section(all.postgres, 'command') ?? '')?.[1]);
    const poolSize = Number(/^      DATABASE_POOL_SIZE: '(\d+)'$/m.exec(section(all.api, 'environment') ?? '')?.[1]);
    // Three API and two worker replicas at the default pool, plus Temporal's pools (docs/operations.md#scale-out).
    expect(maxConnections).toBeGreaterThanOrEqual(5 * poolSize + 160);
    // The worker's SDK metrics on every replica, on the compose network only.
    expect(section(all.worker, 'environment')).toMatch(/^      WORKER_METRICS_PORT: '9464'$/m);
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
