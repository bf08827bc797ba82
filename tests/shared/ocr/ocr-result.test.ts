import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../shared/grounding/parse-answer.ts';
import {
  answerMarkdown,
  escapeMarkdown,
  LOW_CONFIDENCE_NOTE,
  withoutLineBoxes,
  type OcrPage,
} from '../../../shared/ocr/ocr-result.ts';
import { characterErrorRate, lineBoxRecall } from '../../../shared/ocr/ocr-metrics.ts';

const line = (text: string, y: number, low: string[] = []) => ({
  text,
  confidence: 90,
  box: { x1: 0.1, y1: y, x2: 0.6, y2: y + 0.05 },
  words: text.split(' ').map((w, i) => ({
    text: w,
    confidence: low.includes(w) ? 40 : 95,
    box: { x1: 0.1 + i * 0.1, y1: y, x2: 0.18 + i * 0.1, y2: y + 0.05 },
    low: low.includes(w),
  })),
});

const page = (paragraphs: OcrPage['paragraphs'], image = 0, label: string | null = null): OcrPage => ({
  image,
  label,
  source: 'ocr',
  width: 1000,
  height: 1000,
  paragraphs,
});

describe('Local OCR answers', () => {
  it('writes lines in order with a box each, which the grounding parser draws on the image', () => {
    const md = answerMarkdown([page([[line('TOTAL 27.20', 0.1), line('Thank you', 0.2)]])], false);
    const parsed = parseAnswer(md, [{ label: null }]);
    expect(parsed.boxes.map((b) => [b.x1, b.y1, b.x2, b.y2, b.image])).toEqual([
      [0.1, 0.1, 0.6, 0.15, 0],
      [0.1, 0.2, 0.6, 0.25, 0],
    ]);
    expect(withoutLineBoxes(md)).toBe('TOTAL 27.20  \nThank you');
  });

  it('puts low-confidence words in italics and says why once', () => {
    const md = answerMarkdown([page([[line('Total 1?2.50', 0.1, ['1?2.50'])]])], false);
    expect(md).toContain('Total _1?2.50_');
    expect(md.endsWith(LOW_CONFIDENCE_NOTE)).toBe(true);
  });

  it('says "No text found" for a page with none, and names each page when there are several', () => {
    const md = answerMarkdown([page([[line('Hello', 0.1)]], 0, 'page 1'), page([], 1, 'page 2')], true);
    expect(md).toContain('**Page 1**');
    expect(md).toContain('**Page 2**\n\nNo text found on page 2.');
    expect(parseAnswer(md, [{ label: 'page 1' }, { label: 'page 2' }]).boxes[0]!.image).toBe(0);
  });

  it('shows printed Markdown characters as printed', () => {
    expect(escapeMarkdown('# 42 *net* [a]')).toBe('\\# 42 \\*net\\* \\[a\\]');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
  });
});

describe('OCR metrics', () => {
  it('CER ignores runs of spaces and spaces between Chinese characters', () => {
    expect(characterErrorRate('Subtotal    27.20', 'Subtotal 27.20')).toBe(0);
    expect(characterErrorRate('供暖时间', '供 暖 时间')).toBe(0);
    expect(characterErrorRate('abcd', 'abxd')).toBe(0.25);
  });

  it('counts reference lines with a box of IoU >= 0.5', () => {
    const r = [
      { x1: 0, y1: 0, x2: 1, y2: 0.1 },
      { x1: 0, y1: 0.5, x2: 1, y2: 0.6 },
    ];
    expect(lineBoxRecall(r, [{ x1: 0, y1: 0, x2: 0.9, y2: 0.1 }])).toBe(0.5);
  });
});
