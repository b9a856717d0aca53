// Preloaded into the benchmarked CLI (`node --import ./bench/measure.mjs cli.js …`): at exit it
// writes, on fd 3, the wall time from here (after Node's own start-up, before the CLI's
// first module loads) and the process's peak RSS.
import { writeSync } from 'node:fs';

const start = performance.now();
process.on('exit', (code) => {
  const report = {
    ms: performance.now() - start,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    code,
  };
  writeSync(3, `${JSON.stringify(report)}\n`);
});
