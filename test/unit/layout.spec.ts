import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_ROOTS = ['apps', 'libs', 'activities', 'workflows', 'scripts'];
/** Where long files are allowed: pure rules kept whole by topic, and the benchmark scripts. */
const LONG_ALLOWED = ['libs/domain/rules/', 'scripts/bench/'];
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx|js)$/.test(entry.name) ? [relative] : [];
  });
}

/** The layout the feature folders keep (docs/architecture.md): small modules with one reason to change. */
describe('source layout', () => {
  it(`keeps every source file under ${MAX_LINES} lines outside libs/domain/rules and scripts/bench`, () => {
    const long = SOURCE_ROOTS.flatMap(sources)
      .filter((file) => !LONG_ALLOWED.some((allowed) => file.startsWith(allowed)))
      .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("keeps the panel platform free of any record type's spec: those live in each feature folder's *.panel.ts", () => {
    const platform = sources('apps/api/back-office');
    expect(platform.filter((file) => file.endsWith('.panel.ts'))).toEqual([]);
    const specs = platform.filter((file) => /\bentity:\s*[A-Z]\w+,/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(specs).toEqual([]);
  });
});
