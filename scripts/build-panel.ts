import * as fs from 'node:fs';
import * as path from 'node:path';
import { PANEL_BUNDLE_DIR, PANEL_BUNDLE_FILE } from '../apps/api/back-office/panel-bundle';
import { PANEL_COMPONENTS } from '../apps/api/panel-components';

/**
 * `npm run build`, after tsc: bundles the back office's front-end components (the .tsx files of
 * apps/api/panel-components.ts) into dist/panel/bundle.js, which the API serves as it is in every
 * environment (apps/api/back-office/panel-bundle.ts). Writes nothing outside dist/panel.
 *
 * What @adminjs/bundler does, without its copies: AdminJS bundles a ComponentLoader's components
 * when `initialize()` runs in production with ADMIN_JS_SKIP_BUNDLE not "true", writing its entry
 * file and the bundle into ADMIN_JS_TMP_DIR. That directory (and NODE_ENV, which decides
 * minifying) is read when adminjs is first imported: set before the import. @adminjs/bundler also
 * copies AdminJS's own app, global and design-system bundles, for a CDN; AdminJS serves those
 * from node_modules itself, so they are not needed here.
 */
const ROOT = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const started = Date.now();
  // A failed build leaves no bundle: the API then refuses to start rather than serve a stale one.
  fs.rmSync(PANEL_BUNDLE_DIR, { recursive: true, force: true });
  process.env.ADMIN_JS_TMP_DIR = PANEL_BUNDLE_DIR;
  process.env.ADMIN_JS_SKIP_BUNDLE = 'false';
  process.env.NODE_ENV = 'production';
  // The bundler's Babel skips node_modules/** relative to the working directory.
  process.chdir(ROOT);
  const { default: AdminJS, ComponentLoader } = await import('adminjs');

  const componentLoader = new ComponentLoader();
  // Absolute paths of the sources (a relative one would be taken from the caller's file).
  for (const { name, source, overrides } of PANEL_COMPONENTS) {
    componentLoader.add(name, path.join(ROOT, source));
    for (const replaced of overrides ?? []) componentLoader.override(replaced as Parameters<typeof componentLoader.override>[0], path.join(ROOT, source));
  }
  await new AdminJS({ componentLoader }).initialize();

  // The entry file imports the sources by relative path: of no use once bundled.
  fs.rmSync(path.join(PANEL_BUNDLE_DIR, 'entry.js'), { force: true });
  const bundle = path.join(PANEL_BUNDLE_DIR, PANEL_BUNDLE_FILE);
  const code = fs.readFileSync(bundle, 'utf8');
  const missing = PANEL_COMPONENTS.filter(({ name }) => !code.includes(`UserComponents.${name}=`) && !code.includes(`UserComponents.${name} =`));
  if (missing.length) throw new Error(`${path.relative(ROOT, bundle)} does not register ${missing.map(({ name }) => name).join(', ')}`);
  console.log(
    `panel: ${PANEL_COMPONENTS.length} components bundled into ${path.relative(ROOT, bundle)} (${Math.round(code.length / 1024)} kB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
