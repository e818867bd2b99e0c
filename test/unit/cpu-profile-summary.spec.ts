import { sourceOf, summarizeCpuProfile, type CpuProfile } from '../../scripts/bench/cpu-profile-summary';

const ROOT = '/srv/creatorops';
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('CPU profile summary (bench:scale)', () => {
  it('names where code comes from: the last package in the path, Node, the app, V8', () => {
    expect(sourceOf(frame('query', `file://${ROOT}/node_modules/typeorm/query-builder/SelectQueryBuilder.js`), ROOT)).toBe('npm:typeorm');
    expect(sourceOf(frame('x', `${ROOT}/node_modules/@nestjs/core/node_modules/path-to-regexp/index.js`), ROOT)).toBe('npm:path-to-regexp');
    expect(sourceOf(frame('x', `${ROOT}/node_modules/@nestjs/core/router/router-proxy.js`), ROOT)).toBe('npm:@nestjs/core');
    expect(sourceOf(frame('writeGeneric', 'node:internal/stream_base_commons'), ROOT)).toBe('node:internal');
    expect(sourceOf(frame('view', `${ROOT}/dist/apps/api/collaborations/collaborations.service.js`), ROOT)).toBe('app:apps');
    expect(sourceOf(frame('(garbage collector)'), ROOT)).toBe('(garbage collector)');
    expect(sourceOf(frame('parse'), ROOT)).toBe('(native)');
  });

  it('adds self time per source from the samples and their deltas, leaves idle out of the busy share', () => {
    // root → handler (app) → query (typeorm); plus idle and GC. Each sample lasts until the next one.
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 10_000,
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
        { id: 2, callFrame: frame('handle', `${ROOT}/dist/apps/api/x.js`, 9), children: [3] },
        { id: 3, callFrame: frame('query', `${ROOT}/node_modules/typeorm/a.js`, 0) },
        { id: 4, callFrame: frame('(idle)') },
        { id: 5, callFrame: frame('(garbage collector)') },
      ],
      // µs: sample k's time is timeDeltas[k + 1]; the last sample has none.
      samples: [2, 3, 3, 4, 5, 2],
      timeDeltas: [0, 1000, 2000, 3000, 4000, 1000],
    };
    const summary = summarizeCpuProfile(profile, { appRoot: ROOT });
    // handle: 1 ms (first) + 0 (last); query: 2 + 3 = 5 ms; idle: 4 ms; GC: 1 ms.
    expect(summary.profiledMs).toBe(11);
    expect(summary.idleMs).toBe(4);
    expect(summary.busyMs).toBe(7);
    expect(summary.bySource).toEqual([
      { name: 'npm:typeorm', ms: 5, percentOfBusy: 71.4 },
      { name: '(garbage collector)', ms: 1, percentOfBusy: 14.3 },
      { name: 'app:apps', ms: 1, percentOfBusy: 14.3 },
    ]);
    expect(summary.topFunctions[0]).toEqual({ name: 'query typeorm/a.js:1', ms: 5, percentOfBusy: 71.4 });
    expect(summary.topFunctions.map((f) => f.name)).toContain('handle /dist/apps/api/x.js:10');
    // handle's own 1 ms and the 5 ms of the query it called.
    expect(summary.appFunctionsInclusive).toEqual([{ name: 'handle /dist/apps/api/x.js:10', ms: 6, percentOfBusy: 85.7 }]);
  });

  it('falls back to hit counts spread over the profile when there are no samples', () => {
    const summary = summarizeCpuProfile({
      startTime: 0,
      endTime: 4_000,
      nodes: [
        { id: 1, callFrame: frame('a', '/elsewhere/lib/one.js'), hitCount: 3 },
        { id: 2, callFrame: frame('(idle)'), hitCount: 1 },
      ],
    });
    expect(summary).toMatchObject({ profiledMs: 4, idleMs: 1, busyMs: 3, bySource: [{ name: 'other:lib/one.js', ms: 3, percentOfBusy: 100 }] });
  });
});
