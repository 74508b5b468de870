/** The p-th percentile (nearest rank, rounding down) of timings in ms. */
export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/**
 * A timer that calls `fn` `warmup` times untimed, then `runs` times, and returns each timed call's milliseconds;
 * with `selfTimed`, `fn` returns its own milliseconds (it prepares each run before it starts the clock).
 */
export function timer(runs: number, warmup: number): (fn: () => Promise<unknown>, selfTimed?: boolean) => Promise<number[]> {
  return async (fn, selfTimed = false) => {
    for (let i = 0; i < warmup; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const result = await fn();
      out.push(selfTimed ? Number(result) : performance.now() - t);
    }
    return out;
  };
}
