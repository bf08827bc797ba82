import { parseMarkdownIntoBlocks } from 'streamdown';
import { describe, expect, test } from 'vitest';
import {
  advanceSplit,
  emptySplit,
  MAX_BLOCK,
  MAX_LIST_BLOCK,
  splitLongBlock,
} from '../../../../renderer/features/conversation/block-splitter.ts';
import { PLAIN_RUN, runs } from '../../../../renderer/features/conversation/plain-text.tsx';

const list = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. item ${i + 1}\n`).join('');

describe('long blocks are cut where Markdown allows', () => {
  test('a list of 20,000 items: pieces of about MAX_LIST_BLOCK, each starting at an item, together the whole', () => {
    const block = list(20_000);
    const pieces = splitLongBlock(block);
    expect(pieces.join('')).toBe(block);
    expect(pieces.length).toBeGreaterThan(block.length / MAX_LIST_BLOCK - 1);
    for (const p of pieces) {
      expect(p).toMatch(/^\d+\. item \d+\n/);
      expect(p.length).toBeLessThanOrEqual(MAX_LIST_BLOCK + 40);
    }
  });

  test('nested items stay with their parent item', () => {
    const block = Array.from({ length: 2_000 }, (_, i) => `- item ${i}\n  - detail of ${i}\n`).join('');
    for (const p of splitLongBlock(block)) expect(p).toMatch(/^- item \d+\n/);
  });

  test('code fences, tables, short blocks and a single huge line stay whole', () => {
    const fence = `\`\`\`\n${'x = 1\n'.repeat(5_000)}\`\`\`\n`;
    const table = `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(3_000)}`;
    const line = 'z'.repeat(3 * MAX_BLOCK);
    for (const b of [fence, table, line, list(10)]) expect(splitLongBlock(b)).toEqual([b]);
  });

  test('a streamed list becomes finished blocks as it grows, never one growing block', () => {
    const state = emptySplit();
    const text = `Items:\n\n${list(5_000)}`;
    let tail = '';
    for (let at = 1_000; at < text.length; at += 1_000) tail = advanceSplit(state, text.slice(0, at), true);
    expect(tail.length).toBeLessThan(MAX_LIST_BLOCK + 1_000);
    advanceSplit(state, text, false);
    expect(state.blocks.join('')).toBe(text);
    expect(Math.max(...state.blocks.map((b) => b.length))).toBeLessThanOrEqual(MAX_LIST_BLOCK + 40);
  });

  test('a text that replaces the last one (a reopened session, a different final text) starts over', () => {
    const state = emptySplit();
    advanceSplit(state, 'First paragraph.\n\nSecond', true);
    expect(state.blocks).toEqual(['First paragraph.\n\n']);
    advanceSplit(state, 'Other paragraph.\n\nAnd more', false);
    expect(state.blocks).toEqual(['Other paragraph.\n\n', 'And more']);
  });

  test('an ended answer that grows again (Continue) goes on in the block its end froze', () => {
    const state = emptySplit();
    advanceSplit(state, 'Intro.\n\nA cat found a box. ', false);
    expect(state.blocks).toEqual(['Intro.\n\n', 'A cat found a box. ']);
    const before = state.blocks;
    advanceSplit(state, 'Intro.\n\nA cat found a box. It slept.\n\nThe', true);
    expect(state.blocks).toEqual(['Intro.\n\n', 'A cat found a box. It slept.\n\n']);
    expect(state.blocks).not.toBe(before);
    advanceSplit(state, 'Intro.\n\nA cat found a box. It slept.\n\nThe end.', false);
    expect(state.blocks.join('')).toBe('Intro.\n\nA cat found a box. It slept.\n\nThe end.');
  });
});

describe('plain text is laid out in pieces', () => {
  test('a 512 KiB token becomes pieces of PLAIN_RUN characters', () => {
    const word = 'a'.repeat(512 * 1024);
    const pieces = runs(word);
    expect(pieces.join('')).toBe(word);
    expect(pieces.every((p) => p.length === PLAIN_RUN)).toBe(true);
  });

  test('text with lines is cut after a newline', () => {
    const text = 'line of prose\n'.repeat(1_000);
    const pieces = runs(text);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
  });
});

describe('a paragraph line longer than MAX_BLOCK', () => {
  const long = 'x'.repeat(MAX_BLOCK + 1);
  const blocksOf = (text: string, streaming: boolean) => {
    const state = emptySplit();
    const tail = advanceSplit(state, text, streaming);
    return [...state.blocks, ...(tail ? [tail] : [])];
  };

  test('followed by a blank line is cut where the lexer cuts it, without the lexer', () => {
    for (const text of [`${long}\n\nEnd of the long token.`, `${long}\n\n\n# Heading\n\nAfter.\n`]) {
      expect(blocksOf(text, true)).toEqual(parseMarkdownIntoBlocks(text).flatMap(splitLongBlock));
      expect(blocksOf(text, false)).toEqual(parseMarkdownIntoBlocks(text).flatMap(splitLongBlock));
    }
    expect(blocksOf(`${long}\n\nEnd.`, true)).toEqual([`${long}\n\n`, 'End.']);
  });

  test('stays with the lexer where what follows or how it starts could make it more than a paragraph', () => {
    for (const text of [
      `${long}\n===\n\nAfter.`, // a setext heading: the line below belongs to it
      `- ${long}\n\n  still the item\n`, // a list item goes on past a blank line
      `\`\`\`\n${long}\n\nstill code\n\`\`\`\n`, // so does a code fence
      `${long}\n\n`, // nothing after the blank lines yet: the block may still grow
    ]) {
      const state = emptySplit();
      advanceSplit(state, text, true);
      expect(state.blocks).toEqual(parseMarkdownIntoBlocks(text).flatMap(splitLongBlock).slice(0, -1));
    }
  });
});
