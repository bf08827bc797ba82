/**
 * The verdict row of a compare: per lane its figures, per pair of lanes how much longer and costlier one was,
 * whether their answers agree and how their boxes overlap, and a few sentences a person reads at a glance
 * ("Thinking took 4.1x the time and 3.2x the cost of Fast."). Pure, so the app and `glimpse compare` agree.
 */
import type { ChatResult, CostSource } from '../engine/types.ts';
import { resultStatus } from '../engine/result.ts';
import { compareAnswers, type AnswerAgreement } from './answer-agreement.ts';
import { matchBoxes, type BoxOverlap } from './iou.ts';
import { answerText } from '../grounding/parse-answer.ts';
import { characterErrorRate } from '../ocr/ocr-metrics.ts';
import { plainText } from '../ocr/ocr-result.ts';

/** A lane as the verdict sees it: its label and, once it ended, its result (null while it runs). */
export interface LaneOutcome {
  label: string;
  result: ChatResult | null;
}

export type LaneStatus = 'running' | 'done' | 'error' | 'cancelled';

/** One lane's figures. Times in ms; null where the lane never got there (no answer token, still running). */
export interface LaneMetrics {
  label: string;
  status: LaneStatus;
  ttft_ms: number | null;
  ttfa_ms: number | null;
  total_ms: number | null;
  prompt_tokens: number;
  reasoning_tokens: number;
  answer_tokens: number;
  cost_usd: number | null;
  cost_source: CostSource | null;
  boxes: number;
}

/** Lane `a` against lane `b` (indices into the lanes, a < b). Ratios are a's figure over b's. */
export interface PairVerdict {
  a: number;
  b: number;
  /** a's total time over b's; null when either has no time. */
  time_ratio: number | null;
  /** a's cost over b's; null when either cost is unknown or b's is zero. */
  cost_ratio: number | null;
  answers: AnswerAgreement;
  boxes: BoxOverlap;
  /**
   * When either lane is Local OCR ("GLM-4.5V vs Tesseract"): the character error rate of b's text against a's
   * (0 = the same characters), and the mean IoU of their line boxes (null when a lane has none).
   */
  ocr?: { cer: number; line_iou: number | null };
}

export interface Verdict {
  lanes: LaneMetrics[];
  /** Every pair of lanes that both finished without an error (a failed or stopped lane has nothing to compare). */
  pairs: PairVerdict[];
  /** Sentences for the verdict row and the CLI, pair by pair. */
  summary: string[];
}

function metrics(l: LaneOutcome): LaneMetrics {
  const r = l.result;
  const status: LaneStatus = r ? resultStatus(r) : 'running';
  return {
    label: l.label,
    status,
    ttft_ms: r?.timings.ttft_ms ?? null,
    ttfa_ms: r?.timings.ttfa_ms ?? null,
    total_ms: r?.timings.total_ms ?? null,
    prompt_tokens: r?.usage.prompt_tokens ?? 0,
    reasoning_tokens: r?.usage.reasoning_tokens ?? 0,
    answer_tokens: r ? Math.max(0, r.usage.completion_tokens - r.usage.reasoning_tokens) : 0,
    cost_usd: r?.cost.usd ?? null,
    cost_source: r?.cost.source ?? null,
    boxes: r?.boxes.filter((b) => (b.kind ?? 'box') === 'box').length ?? 0,
  };
}

/**
 * The text a lane read, for a character error rate: Local OCR's lines as read; a model's answer as a person reads
 * it, without Markdown marks (emphasis, headings, table pipes, quotes) that are not printed characters.
 */
function readText(r: ChatResult): string {
  if (r.ocr) return r.ocr.pages.map(plainText).join('\n\n');
  return answerText(r.answer)
    .replace(/\[?\[\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\]\]?/g, '')
    .replace(/^\s*(#{1,6}|>|[-*+])\s+/gm, '')
    .replace(/[*_`|]/g, ' ');
}

function ocrSentence(p: PairVerdict, lanes: LaneMetrics[]): string | null {
  if (!p.ocr) return null;
  const iou = p.ocr.line_iou === null ? '' : `; line boxes overlap with IoU ${p.ocr.line_iou.toFixed(2)}`;
  return `Character error rate of ${lanes[p.b]!.label} against ${lanes[p.a]!.label}: ${(p.ocr.cer * 100).toFixed(1)}%${iou}.`;
}

const ratio = (x: number | null, y: number | null) => (x === null || y === null || y <= 0 ? null : x / y);

/** "4.1x", "12x": one decimal below ten, whole numbers above (a 37.4x is read as 37x anyway). */
export function formatRatio(r: number): string {
  return r < 10 ? `${r.toFixed(1)}x` : `${Math.round(r)}x`;
}

function timeCostSentence(p: PairVerdict, lanes: LaneMetrics[]): string | null {
  if (p.time_ratio === null) return null;
  // Said from the slower lane's side, as people say it: "took 4.1x the time", never "took 0.2x the time".
  const flip = p.time_ratio < 1;
  const [slow, fast] = flip ? [lanes[p.b]!, lanes[p.a]!] : [lanes[p.a]!, lanes[p.b]!];
  const t = flip ? 1 / p.time_ratio : p.time_ratio;
  const c = p.cost_ratio === null ? null : flip ? (p.cost_ratio > 0 ? 1 / p.cost_ratio : null) : p.cost_ratio;
  const cost = c === null ? ' (cost not comparable: unknown or zero)' : ` and ${formatRatio(c)} the cost`;
  return `${slow.label} took ${formatRatio(t)} the time${cost} of ${fast.label}.`;
}

function answerSentence(p: PairVerdict, lanes: LaneMetrics[]): string {
  const who = `${lanes[p.a]!.label} and ${lanes[p.b]!.label}`;
  return p.answers.agree ? `${who} agree.` : `${who} differ (${Math.round(p.answers.similarity * 100)}% of words shared).`;
}

function boxSentence(p: PairVerdict, lanes: LaneMetrics[]): string | null {
  const o = p.boxes;
  if (o.mean_iou === null) return null;
  const only = [
    o.unmatched_a.length ? `${o.unmatched_a.length} only in ${lanes[p.a]!.label}` : '',
    o.unmatched_b.length ? `${o.unmatched_b.length} only in ${lanes[p.b]!.label}` : '',
  ].filter(Boolean);
  return `Boxes overlap: IoU ${o.mean_iou.toFixed(2)} (${o.matches.length} matched${only.length ? `, ${only.join(', ')}` : ''}).`;
}

/** The verdict over the lanes as they are now: call it again as lanes finish. */
export function computeVerdict(lanes: readonly LaneOutcome[]): Verdict {
  const m = lanes.map(metrics);
  const pairs: PairVerdict[] = [];
  for (let a = 0; a < lanes.length; a++) {
    for (let b = a + 1; b < lanes.length; b++) {
      const ra = lanes[a]!.result;
      const rb = lanes[b]!.result;
      const ma = m[a]!;
      const mb = m[b]!;
      if (!ra || !rb || ra.error || rb.error) continue;
      const boxes = matchBoxes(ra.boxes, rb.boxes);
      pairs.push({
        a,
        b,
        time_ratio: ratio(ma.total_ms, mb.total_ms),
        cost_ratio: ratio(ma.cost_usd, mb.cost_usd),
        answers: compareAnswers(ra.answer, rb.answer),
        boxes,
        ...(ra.ocr || rb.ocr ? { ocr: { cer: characterErrorRate(readText(ra), readText(rb)), line_iou: boxes.mean_iou } } : {}),
      });
    }
  }
  const summary = pairs.flatMap((p) =>
    [timeCostSentence(p, m), answerSentence(p, m), ocrSentence(p, m), boxSentence(p, m)].filter((s): s is string => s !== null),
  );
  return { lanes: m, pairs, summary };
}
