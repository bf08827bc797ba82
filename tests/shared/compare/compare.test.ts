import { describe, expect, it } from 'vitest';
import type { Box, ChatResult } from '../../../shared/engine/types.ts';
import { compareAnswers, normaliseAnswer } from '../../../shared/compare/answer-agreement.ts';
import { iou, matchBoxes } from '../../../shared/compare/iou.ts';
import { defaultLanes, laneLabels } from '../../../shared/compare/lanes.ts';
import { computeVerdict, formatRatio } from '../../../shared/compare/verdict.ts';

const box = (x1: number, y1: number, x2: number, y2: number, image: number | null = 0, kind?: 'box' | 'point'): Box => ({
  x1,
  y1,
  x2,
  y2,
  label: null,
  image,
  kind,
});

function result(over: Partial<ChatResult> & { ms: number; usd: number | null; reasoning_tokens?: number }): ChatResult {
  return {
    answer: over.answer ?? 'A cat.',
    reasoning: '',
    boxes: over.boxes ?? [],
    usage: {
      prompt_tokens: 100,
      completion_tokens: 50 + (over.reasoning_tokens ?? 0),
      reasoning_tokens: over.reasoning_tokens ?? 0,
      cached_tokens: 0,
    },
    cost: { usd: over.usd, source: over.usd === null ? 'unknown' : 'price-table' },
    estimate: { prompt_tokens: 100, usd: null },
    finish_reason: 'stop',
    timings: { ttft_ms: 100, ttfa_ms: over.ms - 50, total_ms: over.ms },
    error: over.error ?? null,
  };
}

describe('iou and box matching', () => {
  it('is 1 for the same box, 0 apart, and the textbook value for half overlap', () => {
    expect(iou(box(0, 0, 0.5, 0.5), box(0, 0, 0.5, 0.5))).toBe(1);
    expect(iou(box(0, 0, 0.2, 0.2), box(0.5, 0.5, 0.7, 0.7))).toBe(0);
    // Two unit squares shifted by half: intersection 0.5, union 1.5.
    expect(iou(box(0, 0, 0.2, 0.2), box(0.1, 0, 0.3, 0.2))).toBeCloseTo(1 / 3);
  });

  it('matches greedily by best IoU, only on the same image, and counts the unmatched at 0', () => {
    const a = [box(0, 0, 0.2, 0.2), box(0.5, 0.5, 0.9, 0.9), box(0, 0, 0.2, 0.2, 1)];
    const b = [box(0.52, 0.5, 0.9, 0.9), box(0, 0, 0.2, 0.2), box(0, 0, 0.2, 0.2, 2)];
    const o = matchBoxes(a, b);
    expect(o.matches.map((m) => [m.a, m.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(o.unmatched_a).toEqual([2]);
    expect(o.unmatched_b).toEqual([2]);
    expect(o.mean_iou).toBeCloseTo((2 * (1 + 0.95)) / 6);
  });

  it('ignores points and says null when there is no box at all', () => {
    expect(matchBoxes([box(0.1, 0.1, 0.1, 0.1, 0, 'point')], []).mean_iou).toBeNull();
    expect(matchBoxes([], [box(0, 0, 1, 1)]).mean_iou).toBe(0);
  });
});

describe('answer agreement', () => {
  it('agrees across case, emphasis, spacing, a final full stop and box tokens', () => {
    expect(normaliseAnswer('  **The Cat**  is  here . ')).toBe('the cat is here');
    expect(compareAnswers('The cat <|begin_of_box|>[[1,2,3,4]]<|end_of_box|>.', 'the CAT [[1,2,3,4]]')).toEqual({
      agree: true,
      similarity: 1,
      diff: [],
      too_different: false,
    });
  });

  it('gives a word diff with similarity when they differ', () => {
    const r = compareAnswers('There are three cats on the sofa.', 'There are two cats on the sofa.');
    expect(r.agree).toBe(false);
    expect(r.diff.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['three']);
    expect(r.diff.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['two']);
    expect(r.similarity).toBeCloseTo(6 / 7);
    expect(compareAnswers('Yes', 'No').similarity).toBe(0);
  });

  it('skips the word diff (but still measures overlap) when answers differ in too many words', () => {
    const a = Array.from({ length: 600 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 600 }, (_, i) => (i < 300 ? `a${599 - i}` : `b${i}`)).join(' ');
    const r = compareAnswers(a, b);
    expect(r).toMatchObject({ agree: false, too_different: true, diff: [] });
    expect(r.similarity).toBeCloseTo(0.5);
  });
});

describe('lanes', () => {
  const base = { providerId: 'zai', providerName: 'Z.AI', model: 'glm-4.5v' };
  it('defaults to thinking on vs off, labelled by what differs', () => {
    const lanes = defaultLanes(base);
    expect(lanes.map((l) => l.thinking)).toEqual([true, false]);
    expect(laneLabels(lanes)).toEqual(['Thinking', 'Fast']);
    expect(
      laneLabels([
        { ...base, thinking: true },
        { ...base, providerId: 'or', providerName: 'OpenRouter', thinking: true },
      ]),
    ).toEqual(['Z.AI', 'OpenRouter']);
    expect(
      laneLabels([
        { ...base, thinking: true },
        { ...base, model: 'glm-4.6v', thinking: false },
      ]),
    ).toEqual(['glm-4.5v · Thinking', 'glm-4.6v · Fast']);
    expect(
      laneLabels([
        { ...base, thinking: true },
        { ...base, thinking: true },
      ]),
    ).toEqual(['Lane 1', 'Lane 2']);
  });
});

describe('verdict', () => {
  it('says how much longer and costlier thinking was, from the slower side', () => {
    const v = computeVerdict([
      { label: 'Thinking', result: result({ ms: 4100, usd: 0.0032, reasoning_tokens: 400, answer: 'Two cats.' }) },
      { label: 'Fast', result: result({ ms: 1000, usd: 0.001, answer: 'two cats' }) },
    ]);
    expect(v.pairs).toHaveLength(1);
    expect(v.pairs[0].time_ratio).toBeCloseTo(4.1);
    expect(v.pairs[0].cost_ratio).toBeCloseTo(3.2);
    expect(v.summary).toEqual(['Thinking took 4.1x the time and 3.2x the cost of Fast.', 'Thinking and Fast agree.']);
    expect(v.lanes[0]).toMatchObject({
      status: 'done',
      reasoning_tokens: 400,
      answer_tokens: 50,
      ttfa_ms: 4050,
      cost_source: 'price-table',
    });

    const flipped = computeVerdict([
      { label: 'Fast', result: result({ ms: 1000, usd: 0.001 }) },
      { label: 'Thinking', result: result({ ms: 4100, usd: 0.0032 }) },
    ]);
    expect(flipped.summary[0]).toBe('Thinking took 4.1x the time and 3.2x the cost of Fast.');
  });

  it('never invents a cost ratio from an unknown cost, and reports box overlap', () => {
    const v = computeVerdict([
      { label: 'A', result: result({ ms: 2000, usd: null, boxes: [box(0, 0, 0.5, 0.5)] }) },
      { label: 'B', result: result({ ms: 1000, usd: 0.001, boxes: [box(0, 0, 0.5, 0.5), box(0.6, 0.6, 0.9, 0.9)] }) },
    ]);
    expect(v.pairs[0].cost_ratio).toBeNull();
    expect(v.summary[0]).toBe('A took 2.0x the time (cost not comparable: unknown or zero) of B.');
    expect(v.summary[2]).toBe('Boxes overlap: IoU 0.67 (1 matched, 1 only in B).');
  });

  it('leaves failed, stopped and running lanes out of the pairs but keeps their figures', () => {
    const failed = result({
      ms: 10,
      usd: 0,
      error: { kind: 'server', status: 500, code: null, message: 'boom', retry_after_s: null },
    });
    const v = computeVerdict([
      { label: 'A', result: result({ ms: 1000, usd: 0.001 }) },
      { label: 'B', result: failed },
      { label: 'C', result: null },
    ]);
    expect(v.pairs).toEqual([]);
    expect(v.lanes.map((l) => l.status)).toEqual(['done', 'error', 'running']);
  });

  it('formats ratios readably', () => {
    expect(formatRatio(4.123)).toBe('4.1x');
    expect(formatRatio(37.4)).toBe('37x');
  });
});

describe('verdict with a Local OCR lane', () => {
  it('gives the character error rate between the texts and the IoU of the line boxes', () => {
    const line = { x1: 0.1, y1: 0.1, x2: 0.6, y2: 0.15 };
    const ocr = result({ ms: 800, usd: 0, answer: 'TOTAL 27.20 <|begin_of_box|>[100,100,600,150]<|end_of_box|>' });
    ocr.boxes = [{ ...line, label: null, image: 0 }];
    ocr.ocr = {
      languages: 'eng',
      pages: [
        {
          image: 0,
          label: null,
          source: 'ocr',
          width: 1000,
          height: 1000,
          paragraphs: [[{ text: 'TOTAL 27.20', confidence: 95, box: line, words: [] }]],
        },
      ],
    };
    const glm = result({ ms: 4000, usd: 0.002, answer: '**TOTAL 27.26** [[100,100,600,150]]' });
    glm.boxes = [{ ...line, label: null, image: 0 }];
    const v = computeVerdict([
      { label: 'GLM-4.5V', result: glm },
      { label: 'Tesseract', result: ocr },
    ]);
    expect(v.pairs[0]!.ocr).toEqual({ cer: 1 / 11, line_iou: 1 });
    expect(v.summary).toContain('Character error rate of Tesseract against GLM-4.5V: 9.1%; line boxes overlap with IoU 1.00.');
  });
});
