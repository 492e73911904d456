/** "Did you mean …": the closest of `candidates` to `wanted`, if close enough. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const w = wanted.toLowerCase();
  // Beyond this the "suggestion" is a guess, which helps nobody.
  const allowed = Math.max(2, Math.ceil(Math.min(wanted.length, 12) / 3));
  for (const c of candidates) {
    // The distance is at least the difference in length: a hostile 1 MB name costs nothing.
    if (Math.abs(c.length - w.length) > allowed) continue;
    const score = distance(w, c.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return bestScore <= allowed ? best : undefined;
}

function distance(a: string, b: string): number {
  // Two rows of typed arrays: this runs for every unknown name against every candidate.
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
