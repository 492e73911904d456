// Preloaded into each measured process by scripts/bench.mjs (NODE_OPTIONS=--require):
// writes the process's peak resident set size (kB) and CPU time (user + system, µs)
// to BENCH_PROBE_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const r = process.resourceUsage();
  if (process.env.BENCH_PROBE_FILE) writeFileSync(process.env.BENCH_PROBE_FILE, `${r.maxRSS} ${r.userCPUTime + r.systemCPUTime}`);
});
