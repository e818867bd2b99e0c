import * as fs from 'node:fs';
import * as path from 'node:path';

/** Recorded histories of real runs; every change to workflow code must still replay them. */
export const HISTORIES_DIR = path.resolve(__dirname, '../fixtures/histories');

export function recordedHistories(): { name: string; file: string; json: unknown }[] {
  return fs
    .readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), file: path.join(HISTORIES_DIR, file), json: JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) }));
}
