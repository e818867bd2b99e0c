#!/usr/bin/env node
/**
 * `npm start`: builds only when a source changed since the last build, then runs the local
 * launcher (dist/scripts/run-local.js) in this very process. npm forwards a SIGINT or SIGTERM it
 * gets to the shell it ran the script in, and a shell waiting on a command does not pass it on:
 * so the script is `exec node scripts/start.js`, which leaves one node process and no shell in
 * between, and a signal sent to `npm start` itself reaches the launcher, which stops everything.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const LAUNCHER = path.join(DIST, 'scripts/run-local.js');
/** What the build reads: a change to any of them means building again. */
const SOURCES = ['apps', 'libs', 'workflows', 'activities', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.panel.json'];

/** The newest modification time under `entry` (a file or a folder), in ms. */
function newest(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name === 'dist') continue;
    latest = Math.max(latest, newest(path.join(entry, name)));
  }
  return latest;
}

function built() {
  try {
    return fs.existsSync(LAUNCHER) ? fs.statSync(STAMP).mtimeMs : 0;
  } catch {
    return 0;
  }
}

const sourcesChanged = Math.max(...SOURCES.map((entry) => newest(path.join(ROOT, entry))));
if (sourcesChanged > built()) {
  console.error('npm start: building (sources changed since the last build)…');
  // npm_execpath is the npm that runs this script; without it (node scripts/start.js), npm on PATH.
  // The build marks itself done (scripts/build-stamp.js, as prebuild and postbuild).
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const build = spawnSync(npm[0], [...npm[1], 'run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.error('npm start: nothing changed since the last build; starting');
}

require(LAUNCHER);
