import { describe, expect, it } from 'vitest';
import { answerText, groundBoxes, GroundingParser, parseAnswer } from '../../../shared/grounding/parse-answer.ts';
import { CHIP_RE } from '../../../shared/grounding/types.ts';

const B = '<|begin_of_box|>';
const E = '<|end_of_box|>';
const coords = (b: { x1: number; y1: number; x2: number; y2: number }) =>
  [b.x1, b.y1, b.x2, b.y2].map((v) => Math.round(v * 1000));

describe('parseAnswer: formats in the wild (docs/providers.md, Boxes in answers)', () => {
  it.each([
    ['[[]]', `${B}[[100,200,300,400]]${E}`],
    ['[]', `${B}[100,200,300,400]${E}`],
    ['()', `${B}(100,200,300,400)${E}`],
    ['<>', `${B}<100,200,300,400>${E}`],
    ['spaces and decimals', `${B}[[ 100.0, 200 , 300,400.0 ]]${E}`],
    ['bare in prose', 'bounding box[[100,200,300,400]]'],
    ['bare, single brackets', 'The cat is at [100, 200, 300, 400].'],
  ])('a box in %s style', (_, answer) => {
    const r = parseAnswer(`The cat: ${answer}`);
    expect(r.boxes).toHaveLength(1);
    expect(coords(r.boxes[0])).toEqual([100, 200, 300, 400]);
    expect(r.boxes[0].kind).toBe('box');
    expect(r.text).not.toContain('<|');
  });

  it('several boxes in one token pair, each numbered, replaced by one run of chips', () => {
    const r = parseAnswer(`Cats: ${B}[[10,10,20,20],[30,30,40,40]]${E} and ${B}[50,50,60,60][70,70,80,80]${E}.`);
    expect(r.boxes.map((b) => b.n)).toEqual([1, 2, 3, 4]);
    expect(r.boxes.map((b) => b.source)).toEqual(['token', 'token', 'token', 'token']);
    expect(r.markdown.replace(CHIP_RE, '<$1>')).toBe('Cats: <1><2> and <3><4>.');
  });

  it('converts 0-1000 to fractions, clamps, and orders the corners', () => {
    const [b] = parseAnswer(`${B}[[900,800,-20,1200]]${E}`).boxes;
    expect(b).toMatchObject({ x1: 0, y1: 0.8, x2: 0.9, y2: 1 });
    const [f] = parseAnswer(`${B}[0.5,0.25,0.75,0.5]${E}`).boxes;
    expect(f).toMatchObject({ x1: 0.5, y1: 0.25, x2: 0.75, y2: 0.5 });
  });

  it('JSON detections carry their labels, before or after the coordinates, in or out of a code fence', () => {
    const answer = [
      '```json',
      '[',
      '  {"label": "cat", "bbox_2d": [100, 200, 300, 400]},',
      '  {"bbox_2d": [[500, 500, 600, 700]], "label": "dog \\"Rex\\""},',
      '  {"point_2d": [250, 750], "label": "button"}',
      ']',
      '```',
      'Also [{"bbox_2d": [1, 2, 3, 4], "label": "ant"}]',
    ].join('\n');
    const r = parseAnswer(answer);
    expect(r.boxes.map((b) => [b.label, b.kind, b.source])).toEqual([
      ['cat', 'box', 'json'],
      ['dog "Rex"', 'box', 'json'],
      ['button', 'point', 'json'],
      ['ant', 'box', 'json'],
    ]);
    expect(coords(r.boxes[1])).toEqual([500, 500, 600, 700]);
    // JSON stays as written: it is what the person asked for, and code keeps no chips.
    expect(r.markdown).toBe(answer);
  });

  it('points: in tokens in any style, bare only in double brackets', () => {
    const r = parseAnswer(`Click ${B}[500,300]${E} or ${B}(10,20)${E}; bare [[250,750]]; not a point: [3, 4].`);
    expect(r.boxes.map((b) => [b.kind, ...coords(b)])).toEqual([
      ['point', 500, 300, 500, 300],
      ['point', 10, 20, 10, 20],
      ['point', 250, 750, 250, 750],
    ]);
  });

  it('text wrapped in the box tokens that is no box is kept as text, tokens gone', () => {
    const r = parseAnswer(`The answer is ${B}Yes${E}.`);
    expect(r.boxes).toEqual([]);
    expect(r.text).toBe('The answer is Yes.');
    expect(r.markdown).toBe('The answer is Yes.');
  });

  it('mixed text and a box inside one token pair: the box becomes a chip, the words stay', () => {
    const r = parseAnswer(`${B}the red car [120,300,400,520]${E}`);
    expect(r.boxes).toHaveLength(1);
    expect(r.markdown.replace(CHIP_RE, '<$1>')).toBe('the red car <1>');
  });

  it('no special token ever reaches the text, including other GLM tokens and one cut off at the end', () => {
    const r = parseAnswer(`A <|user|>B<|endoftext|> ${B}[1,2,3,4]${E} C <|begin_of_bo`);
    expect(r.text).toBe('A B [1,2,3,4] C ');
    expect(answerText(`x${B}y${E}z`)).toBe('xyz');
  });

  it('bare numbers that are not boxes are left alone', () => {
    const r = parseAnswer(
      'In [2023, 5, 1, 3000] and (100,200,300,400) and `[100,200,300,400]` and\n```\nx = [100,200,300,400]\n```\n',
    );
    expect(r.boxes).toEqual([]);
  });

  it('a model cannot forge a chip marker', () => {
    const r = parseAnswer('fake \uE0001\uE001 chip');
    expect(r.markdown.match(CHIP_RE)).toBeNull();
  });

  it('box positions point at the coordinates in the text a person reads', () => {
    const r = parseAnswer(`Here ${B}[[100,200,300,400]]${E} and there [[1,2,3,4]].`);
    expect(r.boxes.map((b) => r.text.slice(b.start, b.end))).toEqual(['[100,200,300,400]', '[1,2,3,4]']);
  });

  it('LaTeX in \\( \\) and \\[ \\] becomes $$ math for the renderer, outside code only', () => {
    const r = parseAnswer('Inline \\(x^2\\) and\n\\[\n\\frac{a}{b}\n\\]\n`\\(keep\\)`');
    expect(r.markdown).toBe('Inline $$x^2$$ and\n$$\n\\frac{a}{b}\n$$\n`\\(keep\\)`');
  });
});

describe('image assignment', () => {
  const three = [{}, {}, {}];
  it('goes to the image the answer names, else the last one', () => {
    const r = parseAnswer(
      `In image 1 a cat ${B}[1,1,2,2]${E}. A dog ${B}[3,3,4,4]${E} in the second image. A bird ${B}[5,5,6,6]${E}.`,
      three,
    );
    expect(r.boxes.map((b) => [b.image, b.imageNamed])).toEqual([
      [0, true],
      [1, true],
      [1, true],
    ]);
    expect(parseAnswer(`A bird ${B}[5,5,6,6]${E}.`, three).boxes[0]).toMatchObject({ image: 2, imageNamed: false });
  });

  it('"page 3" and "frame 5" go to the attachment with that label', () => {
    const images = [{ label: 'page 2' }, { label: 'page 3' }, { label: 'page 7' }];
    const r = parseAnswer(`On page 3: ${B}[1,1,2,2]${E}. Page 7 shows ${B}[3,3,4,4]${E}. Page 9 ${B}[5,5,6,6]${E}.`, images);
    // Page 9 was not sent: the box falls back to the last page named before it.
    expect(r.boxes.map((b) => b.image)).toEqual([1, 2, 2]);
    const frames = [{ label: 'frame 1 at 00:00.0' }, { label: 'frame 5 at 00:02.0' }, { label: 'frame 9 at 00:04.0' }];
    expect(parseAnswer(`The ball in frame 5 ${B}[1,1,2,2]${E}`, frames).boxes[0].image).toBe(1);
  });

  it('CJK references', () => {
    expect(parseAnswer(`第2张图中的猫${B}[1,1,2,2]${E}`, three).boxes[0].image).toBe(1);
  });

  it('without images, boxes have no image', () => {
    expect(groundBoxes(`${B}[1,1,2,2]${E}`)).toEqual([
      { x1: 0.001, y1: 0.001, x2: 0.002, y2: 0.002, label: null, image: null, kind: 'box' },
    ]);
  });
});

describe('GroundingParser (streaming)', () => {
  it('a box appears as soon as its closing bracket arrives, before the end token', () => {
    const p = new GroundingParser();
    expect(p.update(`The cat ${B}[[100,200,300,40`).boxes).toHaveLength(0);
    const r = p.update(`The cat ${B}[[100,200,300,400]`);
    expect(r.boxes).toHaveLength(1);
    expect(r.text).toBe('The cat [[100,200,300,400]');
    expect(p.update(`The cat ${B}[[100,200,300,400]]${E} done`).boxes.map((b) => b.n)).toEqual([1]);
  });

  it('re-scans only after the last safe cut, and starts over when the text is replaced', () => {
    const p = new GroundingParser();
    const long = Array.from({ length: 50 }, (_, i) => `Para ${i} ${B}[${i},1,${i + 10},20]${E}`).join('\n\n');
    expect(p.update(long).boxes).toHaveLength(50);
    expect(p.update(`${long}\n\nmore [[1,2,3,4]]`).boxes.at(-1)!.n).toBe(51);
    expect(p.update('something else').boxes).toEqual([]);
  });

  it('keeps what it committed when called with equal images in a new array, or with none each time', () => {
    const long = Array.from({ length: 50 }, (_, i) => `Para ${i} ${B}[${i},1,${i + 10},20]${E}`).join('\n\n');
    // The terminal's streamer passes no images; a view may pass a fresh array of the same labels.
    for (const images of [() => undefined, () => [{ label: 'page 1' }, { label: 'page 2' }]]) {
      const p = new GroundingParser();
      const first = p.update(long, images());
      const next = p.update(`${long}\n\nmore [[1,2,3,4]]`, images());
      // The committed stretch is not scanned again: its boxes are the very objects of the last update.
      expect(next.boxes[0]).toBe(first.boxes[0]);
      expect(next.boxes).toHaveLength(51);
    }
    // Other labels are other images: boxes are assigned again, from the start.
    const p = new GroundingParser();
    const first = p.update(long, [{ label: 'page 1' }]);
    expect(p.update(long, [{ label: 'page 2' }]).boxes[0]).not.toBe(first.boxes[0]);
  });
});
