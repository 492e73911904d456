/** "Did you mean …": the closest of `candidates` to `wanted`, if close enough. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const w = wanted.toLowerCase();
  for (const c of candidates) {
    const score = distance(w, c.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  // Beyond this the "suggestion" is a guess, which helps nobody.
  const allowed = Math.max(2, Math.ceil(Math.min(wanted.length, 12) / 3));
  return bestScore <= allowed ? best : undefined;
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}
