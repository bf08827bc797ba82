import fc from 'fast-check';
import { parseMarkdownIntoBlocks } from 'streamdown';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_BLOCK, splitLongBlock } from '../../../../renderer/features/conversation/block-splitter.ts';
import { ListDepthCap, MAX_INDENT, MAX_MARKERS } from '../../../../renderer/features/conversation/list-depth-cap.ts';

const indented = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
const cap = (text: string) => new ListDepthCap().update(text);

describe('ListDepthCap', () => {
  it('leaves ordinary Markdown exactly as it is', () => {
    const md = '# Title\n\n- a\n  - b\n    1. c\n\n> quoted\n\n```\n        deeply indented code\n```\n\n| x | y |\n|---|---|\n';
    expect(cap(md)).toBe(md);
    expect(cap(indented(20))).toBe(indented(20));
  });

  it('starts items indented past the cap at the margin and keeps every line and its text', () => {
    const out = cap(indented(1_500)).split('\n');
    expect(out).toHaveLength(1_500);
    expect(out.map((line) => line.trimStart())).toEqual(out.map((_, i) => `- level ${i}`));
    expect(out.slice(0, MAX_INDENT / 2 + 1)).toEqual(indented(MAX_INDENT / 2 + 1).split('\n'));
    expect(out.slice(MAX_INDENT / 2 + 1).every((l) => l.startsWith('- level'))).toBe(true);
  });

  it('keeps deep text that is not a list item where it is (code indented inside an item)', () => {
    const md = `- item\n\n${' '.repeat(60)}code line\n`;
    expect(cap(md)).toBe(md);
  });

  it('keeps the first markers of a chain of lists on one line', () => {
    expect(cap(`${'- '.repeat(1_500)}deep`)).toBe(`${'- '.repeat(MAX_MARKERS)}deep`);
    expect(cap(`${'1. '.repeat(40)}x`)).toBe(`${'1. '.repeat(MAX_MARKERS)}x`);
  });

  it('does not touch fenced code, however indented', () => {
    const code = `\`\`\`\n${' '.repeat(200)}x\n- ${'- '.repeat(100)}\n\`\`\`\n${' '.repeat(200)}after`;
    expect(cap(code)).toBe(`\`\`\`\n${' '.repeat(200)}x\n- ${'- '.repeat(100)}\n\`\`\`\n${' '.repeat(200)}after`);
  });

  it('turns 1,500 nested lists into a list that the splitter can cut into small blocks', () => {
    const blocks = parseMarkdownIntoBlocks(cap(indented(1_500))).flatMap(splitLongBlock);
    expect(blocks.join('')).toBe(cap(indented(1_500)));
    expect(Math.max(...blocks.map((b) => b.length))).toBeLessThanOrEqual(MAX_LIST_BLOCK);
  });

  it('returns the very text it was given while no line needed a change, and starts over on a new text', () => {
    const capper = new ListDepthCap();
    const text = '- a\n  - b\n';
    expect(capper.update(text)).toBe(text);
    const deep = `- a\n${' '.repeat(80)}- deep\n`;
    expect(capper.update(deep)).toBe('- a\n- deep\n');
    expect(capper.update('plain\n')).toBe('plain\n');
  });

  it('streamed in any pieces gives the same text as all at once (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('```', '~~~', '- a', '1. b', '> q', 'text', ''),
      fc.nat({ max: 120 }).map((n) => `${' '.repeat(n)}- x`),
      fc.nat({ max: 60 }).map((n) => `${'- '.repeat(n)}y`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, cuts) => {
        const text = lines.join('\n');
        const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const streamed = new ListDepthCap();
        for (const end of ends) expect(streamed.update(text.slice(0, end))).toBe(cap(text.slice(0, end)));
        expect(streamed.update(text)).toBe(cap(text));
      }),
    );
  });
});
