import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where `npm run build` puts the back office's component bundle (scripts/build-panel.ts bundles
 * the .tsx components of panel-components.ts there): dist/panel, beside dist/apps. Resolved from
 * this file, compiled to dist/apps/api/back-office/panel-bundle.js.
 */
export const PANEL_BUNDLE_DIR = path.resolve(__dirname, '../../../panel');

/** The bundle itself, under the name AdminJS gives it in its working directory. */
export const PANEL_BUNDLE_FILE = 'bundle.js';

/**
 * Makes AdminJS serve the prebuilt bundle as it is, in every environment, and never bundle:
 * AdminJS serves `<ADMIN_JS_TMP_DIR>/bundle.js` as /frontend/assets/components.bundle.js (outside
 * production through a route that bundles only when the file is missing, in production as a
 * static asset), and skips bundling at start with ADMIN_JS_SKIP_BUNDLE. AdminJS reads
 * ADMIN_JS_TMP_DIR when it is first imported: call this before (mount.ts does, before
 * loadAdminJs). Throws when the bundle has not been built.
 */
export function usePrebuiltPanelBundle(dir: string = PANEL_BUNDLE_DIR): string {
  const bundle = path.join(dir, PANEL_BUNDLE_FILE);
  if (!fs.existsSync(bundle)) {
    throw new Error(`the back office's component bundle ${bundle} is missing: run \`npm run build\` (it bundles the panel's components into dist/panel)`);
  }
  process.env.ADMIN_JS_TMP_DIR = dir;
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  return bundle;
}
