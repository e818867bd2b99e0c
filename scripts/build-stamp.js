#!/usr/bin/env node
/**
 * Marks a finished build for `npm start` (scripts/start.js), which skips building when no source
 * is newer than the mark. `begin` (prebuild) notes when the build started; `end` (postbuild)
 * turns that into the mark, so a source saved during the build counts as a change next time and
 * a failed build leaves no mark.
 */
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist');
const BEGUN = path.join(DIST, '.build-begun');
const STAMP = path.join(DIST, '.build-stamp');

const step = process.argv[2];
if (step === 'begin') {
  fs.mkdirSync(DIST, { recursive: true });
  fs.rmSync(STAMP, { force: true });
  fs.writeFileSync(BEGUN, '');
} else if (step === 'end') {
  fs.renameSync(BEGUN, STAMP);
} else {
  console.error('usage: node scripts/build-stamp.js begin|end');
  process.exit(2);
}
