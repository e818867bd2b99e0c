import { readFileSync } from 'node:fs';

/**
 * How every process reaches Temporal (docs/access.md#temporal): the API's client, the worker's
 * connections and the scripts all take these options, so TLS and the API key apply everywhere.
 */
export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Absent: plain TCP, as the local dev server speaks. */
  tls?: {
    /** The CA that signed the server's certificate (TEMPORAL_TLS_CA_PATH); absent: the system's roots. */
    serverRootCACertificate?: Buffer;
    /** The name checked against the server's certificate instead of the address's host (TEMPORAL_TLS_SERVER_NAME). */
    serverNameOverride?: string;
    /** mTLS: this process's certificate and key (TEMPORAL_TLS_CERT_PATH, TEMPORAL_TLS_KEY_PATH). */
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  /** Temporal Cloud API key (TEMPORAL_API_KEY), sent as a bearer token over TLS. */
  apiKey?: string;
}

/** The Temporal settings, or problems (files are read now, so a wrong path stops the start). */
export function loadTemporalConfig(env: NodeJS.ProcessEnv, problems: string[]): TemporalConfig {
  const base: TemporalConfig = {
    address: env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'creatorops',
  };
  const read = (name: string): Buffer | undefined => {
    const file = env[name]?.trim();
    if (!file) return undefined;
    try {
      const content = readFileSync(file);
      if (!content.toString('latin1').includes('-----BEGIN ')) problems.push(`${name} must name a PEM file (${file} is not one)`);
      return content;
    } catch (error) {
      problems.push(`${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return undefined;
    }
  };
  const crt = read('TEMPORAL_TLS_CERT_PATH');
  const key = read('TEMPORAL_TLS_KEY_PATH');
  const ca = read('TEMPORAL_TLS_CA_PATH');
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH?.trim()) !== Boolean(env.TEMPORAL_TLS_KEY_PATH?.trim())) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH come as a pair (the client certificate and its key)');
  }
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim() || undefined;
  const apiKey = env.TEMPORAL_API_KEY?.trim() || undefined;

  const flag = env.TEMPORAL_TLS?.trim().toLowerCase();
  if (flag !== undefined && flag !== '' && !['true', 'false'].includes(flag)) problems.push(`TEMPORAL_TLS must be true or false (got "${env.TEMPORAL_TLS}")`);
  const anyTlsSetting = Boolean(crt || key || ca || serverName);
  if (flag === 'false' && (anyTlsSetting || apiKey)) {
    // An API key or a client key sent in the clear would be given away to anyone on the path.
    problems.push('TEMPORAL_TLS=false cannot be combined with TEMPORAL_TLS_* files, TEMPORAL_TLS_SERVER_NAME or TEMPORAL_API_KEY');
  }
  const tls = flag === 'true' || anyTlsSetting || Boolean(apiKey);
  if (!tls) return base;
  return {
    ...base,
    tls: {
      ...(ca ? { serverRootCACertificate: ca } : {}),
      ...(serverName ? { serverNameOverride: serverName } : {}),
      ...(crt && key ? { clientCertPair: { crt, key } } : {}),
    },
    ...(apiKey ? { apiKey } : {}),
  };
}

/** The options for Connection.connect / NativeConnection.connect (both take the same shape). */
export function temporalConnectionOptions(config: TemporalConfig): { address: string; tls?: TemporalConfig['tls']; apiKey?: string } {
  return {
    address: config.address,
    ...(config.tls ? { tls: config.tls } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}
