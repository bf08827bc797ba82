/**
 * How long the grounding parser takes on a long streamed answer: the incremental parser (what the renderer and
 * the CLI use) against re-parsing the whole answer on every delta. Prints figures; not a timed test.
 * Run: node --experimental-strip-types --no-warnings tests/bench/grounding-bench.ts
 */
import { GroundingParser, parseAnswer } from '../../shared/grounding/parse-answer.ts';

const para = (i: number) =>
  `Object ${i} in image ${(i % 3) + 1} is at <|begin_of_box|>[[${i % 900},${(i * 7) % 900},${(i % 900) + 50},${((i * 7) % 900) + 60}]]<|end_of_box|>, ` +
  `next to a smaller one bounding box[[10,20,30,40]]. Some prose to make the paragraph realistic in length, with **bold** and a \\(x^2\\).\n\n`;
const answer = Array.from({ length: 400 }, (_, i) => para(i)).join('');
const images = [{}, {}, {}];
const CHUNK = 8; // characters per delta, about two tokens

function run(label: string, update: (prefix: string) => unknown) {
  const t0 = performance.now();
  let worst = 0;
  for (let at = CHUNK; at < answer.length + CHUNK; at += CHUNK) {
    const s = performance.now();
    update(answer.slice(0, at));
    worst = Math.max(worst, performance.now() - s);
  }
  const total = performance.now() - t0;
  const n = Math.ceil(answer.length / CHUNK);
  console.log(
    `${label}: ${n} updates, total ${total.toFixed(0)} ms, mean ${(total / n).toFixed(3)} ms, worst ${worst.toFixed(2)} ms`,
  );
}

console.log(`answer: ${answer.length.toLocaleString('en')} chars, ${parseAnswer(answer, images).boxes.length} boxes`);
const p = new GroundingParser();
run('incremental (GroundingParser)', (s) => p.update(s, images));
run('whole re-parse per delta     ', (s) => parseAnswer(s, images));
