import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/config';
import { reportFatal } from '../../libs/logging/logger';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  new Logger('Api').log(`listening on ${await app.getUrl()} (API docs at /docs, back office at /admin)`);
}

main().catch((error) => {
  reportFatal(error, 'the API stopped');
  process.exit(1);
});
