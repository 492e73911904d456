// Preloaded into each measured process by scripts/bench.mjs (NODE_OPTIONS=--require):
// writes the process's peak resident set size, in kB, to BENCH_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
