import { describe, expect, test } from 'vitest';
import { GroundingParser } from '../../../shared/grounding/parse-answer.ts';

/** A list of n boxes in GLM's tokens, one per line, no blank line in it: how a model lists what it found. */
const answer = (n: number) =>
  `Found:\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. item <|begin_of_box|>[[${i % 900},${i % 800},${(i % 900) + 50},${(i % 800) + 50}]]<|end_of_box|>\n`).join('')}Done.`;

/** The turn's images, one array for the whole stream as in the renderer (another array starts the parse over). */
const IMAGES = [{ label: null }];

describe('streaming an answer with many boxes', () => {
  test('the parse stays right, and an update costs the same at the end of a 10,000-box list as near its start', () => {
    const text = answer(10_000);
    const parser = new GroundingParser();
    const perUpdate: number[] = [];
    for (let at = 8_192; at < text.length + 8_192; at += 8_192) {
      const t = performance.now();
      parser.update(text.slice(0, at), IMAGES);
      perUpdate.push(performance.now() - t);
    }
    const whole = new GroundingParser().update(text, IMAGES);
    expect(parser.update(text, IMAGES)).toEqual(whole);
    expect(whole.boxes).toHaveLength(10_000);
    expect(whole.boxes[9_999]).toMatchObject({
      n: 10_000,
      raw: [9_999 % 900, 9_999 % 800, (9_999 % 900) + 50, (9_999 % 800) + 50],
    });
    // Each update used to re-scan the whole list (one stretch: it has no blank line), quadratically in its boxes:
    // the last updates cost a hundred times the early ones. The fastest of ten on each side: a busy machine only
    // ever adds time, so the minimum is the update's own cost (medians still failed at a load of 8 on 2 cores).
    const early = Math.min(...perUpdate.slice(5, 15));
    const late = Math.min(...perUpdate.slice(-10));
    expect(late).toBeLessThan(5 * Math.max(early, 0.5));
  });
});
