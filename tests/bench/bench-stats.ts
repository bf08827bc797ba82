/** Clocks and figures shared by the benchmarks: percentiles, fixed-width numbers, PASS/MISS. */

/**
 * Offset from this thread's performance epoch to the system clock, measured at Date.now() tick edges (the median
 * of seven). Self-contained on purpose: the page probe and the raw reader's worker run this same function (its
 * source), so page, worker and Node times can be compared to within ~0.1 ms.
 */
export function calibrate(): number {
  const offs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const d0 = Date.now();
    let d = d0;
    let p = 0;
    while (d === d0) {
      p = performance.timeOrigin + performance.now();
      d = Date.now();
    }
    offs.push(d - p);
  }
  offs.sort((x, y) => x - y);
  return offs[3];
}

/** The p-th quantile (0-1) of `xs`, interpolated between neighbours; NaN for none. */
export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
export const median = (xs: number[]) => pct(xs, 0.5);
export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
export const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
export const fms = (x: number) => `${f1(x)} ms`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
