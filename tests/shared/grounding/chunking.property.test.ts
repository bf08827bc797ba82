/**
 * Any chunking of the stream gives the same boxes: feeding an answer to the incremental parser piece by piece,
 * cut anywhere (inside tokens, numbers, code fences), gives at every step exactly what a whole parse of the text
 * so far gives, and the readable text only ever grows at its end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroundingParser, parseAnswer } from '../../../shared/grounding/parse-answer.ts';
import { lastCut, scanStretch } from '../../../shared/grounding/scan.ts';

const n = fc.integer({ min: 0, max: 1000 });
const box = fc.tuple(n, n, n, n).map((v) => v.join(','));
const point = fc.tuple(n, n).map((v) => v.join(','));
const B = '<|begin_of_box|>';
const E = '<|end_of_box|>';

const piece = fc.oneof(
  fc.constantFrom(
    'The cat ',
    'is here ',
    'and ',
    'in image 2 ',
    'on page 3, ',
    'frame 5 ',
    '. ',
    '\n',
    '\n\n',
    '**bold** ',
    '| a | b |\n',
    'x: ',
    '[',
    ']',
    '(',
    ' \\(x^2\\) ',
    '\n1. ',
    '\n- ',
    '\n  2) ',
    '`',
    '{',
  ),
  box.map((b) => `${B}[[${b}]]${E}`),
  box.map((b) => `${B}(${b})${E}`),
  box.map((b) => `${B}<${b}>${E}`),
  fc.tuple(box, box).map(([a, b]) => `${B}[[${a}],[${b}]]${E}`),
  point.map((p) => `${B}[${p}]${E}`),
  box.map((b) => `bounding box[[${b}]]`),
  box.map((b) => ` [${b}] `),
  point.map((p) => ` [[${p}]] `),
  fc.tuple(fc.constantFrom('cat', 'dog', 'a "b"'), box).map(([l, b]) => `{"label": ${JSON.stringify(l)}, "bbox_2d": [${b}]}`),
  box.map((b) => `\n\`\`\`json\n[{"bbox_2d": [${b}], "label": "x"}]\n\n[1,2,3,4]\n\`\`\`\n`),
  fc.constantFrom(`${B}Yes${E}`, '<|user|>', '`code [1,2,3,4]`', '<|begin_of_box|>', '<|end_of_box|>'),
);

const answer = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const images = fc.constantFrom([], [{}], [{}, {}, {}], [{ label: 'page 3' }, { label: 'frame 5 at 00:02.0' }]);

describe('grounding parser: chunking never changes the result', () => {
  it('incremental == whole parse at every step, text grows only at its end', () => {
    fc.assert(
      fc.property(answer, fc.array(fc.nat(), { maxLength: 12 }), images, (text, cutsRaw, imgs) => {
        const cuts = [...new Set(cutsRaw.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parser = new GroundingParser();
        let previousText = '';
        for (const c of [...cuts, text.length]) {
          const prefix = text.slice(0, c);
          const got = parser.update(prefix, imgs);
          expect(got).toEqual(parseAnswer(prefix, imgs));
          expect(got.text.startsWith(previousText)).toBe(true);
          previousText = got.text;
        }
        expect(parser.update(text, imgs)).toEqual(parseAnswer(text, imgs));
        expect(parseAnswer(text, imgs).text).not.toMatch(/<\|[a-z_]+\|>/);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a box token that follows an empty one right after a blank line (found by the property above)', () => {
    const text = `${B}\n\n${E}${B}[[0,0,0,0]]${E}`;
    const got = new GroundingParser().update(text, []);
    expect(got).toEqual(parseAnswer(text, []));
    expect(got.boxes.map((b) => b.source)).toEqual(['token']);
  });

  it('the cheap search for the last cut finds the cut a full scan finds', () => {
    fc.assert(
      fc.property(answer, (text) => {
        expect(lastCut(text)).toBe(scanStretch(text, 1).cuts.at(-1));
      }),
      { numRuns: 400 },
    );
  });

  it('a replaced answer (not an extension of the last) is parsed afresh', () => {
    fc.assert(
      fc.property(answer, answer, images, (a, b, imgs) => {
        const parser = new GroundingParser();
        parser.update(a, imgs);
        expect(parser.update(b, imgs)).toEqual(parseAnswer(b, imgs));
      }),
      { numRuns: 200 },
    );
  });

  it('every closed box is found as soon as its closing bracket arrives', () => {
    fc.assert(
      fc.property(box, fc.constantFrom('[[%]]', '[%]', '(%)', '<%>'), (b, style) => {
        const open = `Look ${B}${style.replace('%', b)}`;
        const firstClose = open.indexOf(B) + B.length + open.slice(open.indexOf(B) + B.length).search(/[\])>]/);
        const r = parseAnswer(open.slice(0, firstClose + 1));
        expect(r.boxes).toHaveLength(1);
        expect(r.boxes[0].raw.join(',')).toBe(b);
      }),
    );
  });
});
