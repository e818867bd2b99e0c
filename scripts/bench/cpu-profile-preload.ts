/**
 * Preloaded into a process the benchmark profiles (`node --require …/cpu-profile-preload.js`,
 * CPU_PROFILE_FILE set): the first SIGWINCH (ignored by default, and not one of the signals Nest's shutdown hooks close the app on) starts V8's sampling profiler, the second stops it and
 * writes the profile (Chrome DevTools' .cpuprofile format) to CPU_PROFILE_FILE. So the profile
 * covers exactly the load the benchmark applies, not start-up. Benchmark-only: nothing in the
 * apps loads it.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';

// `%p` stands for the process id, so processes started with one environment write files of their own.
const file = process.env.CPU_PROFILE_FILE?.replace('%p', String(process.pid));
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        console.error(`cpu-profile: ${error.message}`);
        return;
      }
      // Written under a temporary name first: the benchmark waits for the final name to appear.
      fs.writeFileSync(`${file}.partial`, JSON.stringify(result.profile));
      fs.renameSync(`${file}.partial`, file);
    });
  });
}
