#!/usr/bin/env node
/**
 * Run after every `npm install` that changes dependencies.
 *
 * The registry these machines reach answers 404 for some platform-specific optional packages
 * (e.g. @swc/core-darwin-arm64), so npm leaves them out of package-lock.json, and `npm ci`
 * then refuses the lockfile as out of sync (npm/cli#9846). This adds an entry for each
 * missing optional dependency, marked with its os/cpu, so npm ci skips it on machines it does
 * not fit and installs it from the registry on machines it does.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Where node would find `name` from the package at `from`, or null. */
function resolves(from, name) {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

const PLATFORM = /-(android|darwin|freebsd|openbsd|openharmony|netbsd|sunos|aix|win32|linux)-(x64|ia32|arm64|arm|ppc64|s390x|riscv64|loong64|wasm32)/;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(location, name)) continue;
    const version = String(spec).replace(/^[\^~=]/, '');
    const stub = { version, optional: true };
    if (entry.dev) stub.dev = true;
    const platform = PLATFORM.exec(name);
    if (platform) {
      stub.os = [platform[1]];
      stub.cpu = [platform[2]];
    }
    const key = packages[`node_modules/${name}`] ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    packages[key] = stub;
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} missing optional platform entries`);
