/**
 * How long the compare verdict takes on long answers (the word diff is the costly part): two lanes of n words
 * each, identical, lightly edited (every 20th word changed) and unrelated, plus 40 boxes a lane for the IoU match.
 * The app computes it once per lane end, never per token; this says what that once costs. Prints figures.
 * Run: node_modules/.bin/node --experimental-strip-types --no-warnings tests/bench/compare-bench.ts
 */
import type { Box, ChatResult } from '../../shared/engine/types.ts';
import { computeVerdict } from '../../shared/compare/verdict.ts';

const words = (n: number, seed: number, edit = 0) =>
  Array.from({ length: n }, (_, i) => (edit && i % edit === 0 ? `changed${i}` : `w${(i * 7919 + seed) % 5000}`)).join(' ');
const boxes = (shift: number): Box[] =>
  Array.from({ length: 40 }, (_, i) => ({
    x1: (i % 8) / 8 + shift,
    y1: Math.floor(i / 8) / 5,
    x2: (i % 8) / 8 + 0.1 + shift,
    y2: Math.floor(i / 8) / 5 + 0.15,
    label: null,
    image: 0,
  }));
const result = (answer: string, b: Box[], ms: number): ChatResult => ({
  answer,
  reasoning: '',
  boxes: b,
  usage: { prompt_tokens: 1000, completion_tokens: 900, reasoning_tokens: 400, cached_tokens: 0 },
  cost: { usd: 0.002, source: 'price-table' },
  estimate: { prompt_tokens: 1000, usd: 0.0006 },
  finish_reason: 'stop',
  timings: { ttft_ms: 300, ttfa_ms: 2000, total_ms: ms },
  error: null,
});

function time(label: string, a: string, b: string) {
  const runs = 5;
  let worst = 0;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    computeVerdict([
      { label: 'Thinking', result: result(a, boxes(0), 4100) },
      { label: 'Fast', result: result(b, boxes(0.01), 1000) },
    ]);
    worst = Math.max(worst, performance.now() - s);
  }
  console.log(`${label}: mean ${((performance.now() - t0) / runs).toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
}

for (const n of [300, 2000, 8000]) {
  time(`${n} words, identical     `, words(n, 1), words(n, 1));
  time(`${n} words, 5% edited     `, words(n, 1), words(n, 1, 20));
  time(`${n} words, unrelated     `, words(n, 1), words(n, 2));
}
