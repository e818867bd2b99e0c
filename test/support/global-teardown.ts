import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__creatorOpsServers;
  if (!servers) return;
  await Promise.allSettled([servers.temporal?.stop(), servers.mailpit?.stop(), servers.postgres?.stop()]);
  if (servers.tmp) fs.rmSync(servers.tmp, { recursive: true, force: true });
}
