import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter, type SplitText } from '../../../shared/engine/think-tags.ts';

/** Feeds the pieces in order and returns everything released, flush included. */
function run(pieces: string[]): SplitText {
  const s = new ThinkTagSplitter();
  const out: SplitText = { reasoning: '', content: '' };
  for (const p of [...pieces.map((x) => s.push(x)), s.flush()]) {
    out.reasoning += p.reasoning;
    out.content += p.content;
  }
  return out;
}

/** Cuts `text` at the given offsets (in UTF-16 units, as `content` strings arrive). */
function cut(text: string, offsets: number[]): string[] {
  const at = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let prev = 0;
  for (const o of at) {
    pieces.push(text.slice(prev, o));
    prev = o;
  }
  pieces.push(text.slice(prev));
  return pieces;
}

// What LM Studio / Ollama / vLLM without a reasoning parser stream for GLM-4.5V.
const RECORDED = [
  '<think>The user shows a photo of a cat on a sofa. I should locate the cat.</think>\n\nThe cat is at <|begin_of_box|>[[110,147,193,823]]<|end_of_box|>.',
  '<think>\n图片里有一只猫 🐱，我需要给出它的位置。</think>\n\n猫在沙发上 🛋️。',
  '<think></think>\nShort answer without reasoning.',
  '<think>Reasoning that never ends because the stream was cut',
  'No reasoning at all, just an answer that mentions <think> literally.',
];

describe('ThinkTagSplitter', () => {
  it('splits reasoning from the answer in one chunk', () => {
    expect(run([RECORDED[0]])).toEqual({
      reasoning: 'The user shows a photo of a cat on a sofa. I should locate the cat.',
      content: 'The cat is at <|begin_of_box|>[[110,147,193,823]]<|end_of_box|>.',
    });
  });

  it('recognises tags split across chunks', () => {
    expect(run(['<th', 'ink>Let me ', 'look.</thi', 'nk>\n\nA cat.'])).toEqual({ reasoning: 'Let me look.', content: 'A cat.' });
    expect(run(['<', 't', 'h', 'i', 'n', 'k', '>', 'r', '<', '/', 'think', '>', 'c'])).toEqual({ reasoning: 'r', content: 'c' });
  });

  it('does not hold back text that only looks like a tag start once it is decided', () => {
    const s = new ThinkTagSplitter();
    expect(s.push('<thi')).toEqual({ reasoning: '', content: '' });
    expect(s.push('s is not a tag')).toEqual({ reasoning: '', content: '<this is not a tag' });
  });

  it('treats <think> later in an answer as literal text, in a later chunk', () => {
    expect(run(['The tag ', '<think> is literal here.'])).toEqual({ reasoning: '', content: 'The tag <think> is literal here.' });
  });

  it('treats <think> later in an answer as literal text, in the same chunk', () => {
    expect(run(['The tag <think> is literal here.'])).toEqual({ reasoning: '', content: 'The tag <think> is literal here.' });
    expect(run([RECORDED[4]])).toEqual({ reasoning: '', content: RECORDED[4] });
  });

  it('treats a second <think> after the answer began as literal', () => {
    expect(run(['<think>r</think>Answer, then <think>x</think>'])).toEqual({
      reasoning: 'r',
      content: 'Answer, then <think>x</think>',
    });
  });

  it('flushes an unterminated reasoning block as reasoning at the end', () => {
    expect(run(['<think>still thinking when the stream ended'])).toEqual({
      reasoning: 'still thinking when the stream ended',
      content: '',
    });
    // A half-received closing tag is part of the reasoning, never of the answer.
    expect(run(['<think>thinking</thi'])).toEqual({ reasoning: 'thinking</thi', content: '' });
  });

  it('flushes a held partial opening tag as content', () => {
    expect(run(['<thi'])).toEqual({ reasoning: '', content: '<thi' });
  });

  it('trims whitespace between </think> and the answer, even across chunks', () => {
    expect(run(['<think>r</think>', '\n', '\n  ', 'Answer'])).toEqual({ reasoning: 'r', content: 'Answer' });
    expect(run(['<think>r</think>\n\nAnswer\n\nmore'])).toEqual({ reasoning: 'r', content: 'Answer\n\nmore' });
  });

  it('keeps whitespace inside the answer once it began', () => {
    expect(run(['Answer', '\n\n', 'second paragraph'])).toEqual({ reasoning: '', content: 'Answer\n\nsecond paragraph' });
  });

  it('gives the same result for any split of a recorded-shape string (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECORDED), fc.array(fc.nat(), { maxLength: 12 }), (text, offsets) => {
        expect(run(cut(text, offsets))).toEqual(run([text]));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for any split of any tag-heavy string (property)', () => {
    const piece = fc.constantFrom('<think>', '</think>', '<', '</', 'think', '>', ' ', '\n', 'a', '猫', '🐱');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, offsets) => {
        const text = parts.join('');
        expect(run(cut(text, offsets))).toEqual(run([text]));
      }),
      { numRuns: 1000 },
    );
  });
});
