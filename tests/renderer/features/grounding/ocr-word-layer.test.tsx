/** Local OCR's word boxes: each word where Tesseract found it, a low-confidence one dashed and named as such. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_WORDS, OcrWordLayer } from '../../../../renderer/features/grounding/ocr-word-layer.tsx';
import { wordsOnImage } from '../../../../shared/ocr/ocr-result.ts';
import type { OcrPage, OcrWord } from '../../../../shared/ocr/ocr-types.ts';
import '../../../../renderer/i18n/i18n.ts';

const word = (text: string, confidence: number, x1: number): OcrWord => ({
  text,
  confidence,
  low: confidence < 60,
  box: { x1, y1: 0.1, x2: x1 + 0.1, y2: 0.15 },
});

describe('OcrWordLayer', () => {
  it('draws each word at its place, the low-confidence one dashed and said to be low', () => {
    const html = renderToStaticMarkup(<OcrWordLayer words={[word('TOTAL', 96.4, 0.1), word('£1O.2', 41, 0.5)]} />);
    const boxes = [...html.matchAll(/<div class="word-box"([^>]*)>/g)].map((m) => m[1]!);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toContain('aria-label="Word “TOTAL”, 96% confidence"');
    expect(boxes[0]).not.toContain('data-low');
    expect(boxes[0]).toContain('left:10%');
    expect(boxes[1]).toContain('data-low="true"');
    expect(boxes[1]).toContain('aria-label="Word “£1O.2”, 41% confidence, low"');
    expect(boxes[1]).toContain('left:50%');
  });

  it(`draws at most ${MAX_DRAWN_WORDS} words`, () => {
    const many = Array.from({ length: MAX_DRAWN_WORDS + 5 }, (_, i) => word(`w${i}`, 90, 0));
    const html = renderToStaticMarkup(<OcrWordLayer words={many} />);
    expect(html.match(/class="word-box"/g)).toHaveLength(MAX_DRAWN_WORDS);
  });
});

describe('wordsOnImage', () => {
  it("gives the words of one image's pages in reading order", () => {
    const page = (image: number, words: OcrWord[][]): OcrPage => ({
      image,
      label: null,
      source: 'ocr',
      width: 100,
      height: 100,
      paragraphs: [words.map((w) => ({ text: '', confidence: 90, box: w[0]!.box, words: w }))],
    });
    const pages = [page(0, [[word('a', 90, 0)], [word('b', 90, 0)]]), page(1, [[word('c', 90, 0)]])];
    expect(wordsOnImage(pages, 0).map((w) => w.text)).toEqual(['a', 'b']);
    expect(wordsOnImage(pages, 1).map((w) => w.text)).toEqual(['c']);
    expect(wordsOnImage(pages, 2)).toEqual([]);
  });
});
