/**
 * Where a CPU profile (V8's .cpuprofile, as scripts/bench/cpu-profile-preload.ts writes it) spent
 * its time: self time grouped by where the code comes from (an npm package, Node itself, the app's
 * own files, garbage collection, idle), and the functions with the most self time. Pure, so it is
 * unit-tested on a hand-made profile (test/unit/cpu-profile-summary.spec.ts).
 */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuShare {
  name: string;
  ms: number;
  /** Of the busy time (everything but idle), in per cent. */
  percentOfBusy: number;
}

export interface CpuProfileSummary {
  profiledMs: number;
  idleMs: number;
  busyMs: number;
  bySource: CpuShare[];
  topFunctions: CpuShare[];
  /**
   * The project's own functions (app:*) by inclusive time: their self time plus that of
   * everything they called, the packages' included. Says which of our code paths a package's
   * time is spent for.
   */
  appFunctionsInclusive: CpuShare[];
}

/** `(idle)`, `(garbage collector)`, `(program)` and `(root)` are V8's own pseudo-frames. */
const PSEUDO = /^\(.*\)$/;

/**
 * Where a frame's code comes from: `npm:<package>` (scoped packages keep their scope),
 * `node:<internal module>` or `(native)`, `app:<first folder>` for the project's own files, or
 * V8's pseudo-frame name.
 */
export function sourceOf(frame: CpuProfileNode['callFrame'], appRoot?: string): string {
  if (PSEUDO.test(frame.functionName) && !frame.url) return frame.functionName;
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return '(native)';
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) {
    // The last node_modules in the path names the package the code belongs to.
    const all = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
    return `npm:${all[all.length - 1][1]}`;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (appRoot && url.startsWith(appRoot)) {
    const relative = url.slice(appRoot.length).replace(/^\/+/, '').replace(/^dist\//, '');
    return `app:${relative.split('/')[0]}`;
  }
  return `other:${url.split('/').slice(-2).join('/')}`;
}

/** Self time per node: from the samples and their time deltas when present, else hit counts × the mean interval. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  if (profile.samples?.length && profile.timeDeltas?.length === profile.samples.length) {
    // A sample's delta is the time since the previous sample: it belongs to the previous sample's node.
    for (let i = 0; i < profile.samples.length; i += 1) {
      const node = profile.samples[i];
      const delta = profile.timeDeltas[i + 1] ?? 0;
      times.set(node, (times.get(node) ?? 0) + delta / 1000);
    }
    return times;
  }
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const interval = hits ? (profile.endTime - profile.startTime) / 1000 / hits : 0;
  for (const node of profile.nodes) times.set(node.id, (node.hitCount ?? 0) * interval);
  return times;
}

function ranked(totals: Map<string, number>, busyMs: number, limit: number): CpuShare[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10, percentOfBusy: busyMs > 0 ? Math.round((ms / busyMs) * 1000) / 10 : 0 }));
}

function frameName(frame: CpuProfileNode['callFrame'], appRoot: string | undefined, source: string): string {
  const where = frame.url ? `${frame.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(appRoot ?? '\u0000', '')}:${frame.lineNumber + 1}` : source;
  return `${frame.functionName || '(anonymous)'} ${where}`;
}

export function summarizeCpuProfile(profile: CpuProfile, options: { appRoot?: string; limit?: number } = {}): CpuProfileSummary {
  const limit = options.limit ?? 15;
  const self = selfTimes(profile);
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idleMs = 0;
  let profiledMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    profiledMs += ms;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const source = sourceOf(node.callFrame, options.appRoot);
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
    const name = frameName(node.callFrame, options.appRoot, source);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const inclusive = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms || node.callFrame.functionName === '(idle)') continue;
    // Each app function on the stack once, however often it recurses.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const source = sourceOf(frame, options.appRoot);
      if (!source.startsWith('app:')) continue;
      const name = frameName(frame, options.appRoot, source);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const busyMs = profiledMs - idleMs;
  return {
    profiledMs: Math.round(profiledMs),
    idleMs: Math.round(idleMs),
    busyMs: Math.round(busyMs),
    bySource: ranked(bySource, busyMs, limit),
    topFunctions: ranked(byFunction, busyMs, limit),
    appFunctionsInclusive: ranked(inclusive, busyMs, limit),
  };
}
