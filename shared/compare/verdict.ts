/**
 * The verdict row of a compare: per lane its figures, per pair of lanes how much longer and costlier one was,
 * whether their answers agree and how their boxes overlap, and a few sentences a person reads at a glance
 * ("Thinking took 4.1x the time and 3.2x the cost of Fast."). Pure, so the app and `glimpse compare` agree.
 */
import type { ChatResult, CostSource } from '../engine/types.ts';
import { type HostMessage, hostMessage } from '../messages/messages.ts';
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
  /** Sentences for the CLI (English), pair by pair. */
  summary: string[];
  /** The same sentences as message codes, for the window to say in its language. */
  messages: HostMessage[];
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

function ocrSentence(p: PairVerdict, lanes: LaneMetrics[]): HostMessage | null {
  if (!p.ocr) return null;
  const params = { a: lanes[p.a]!.label, b: lanes[p.b]!.label, cer: (p.ocr.cer * 100).toFixed(1) };
  return p.ocr.line_iou === null
    ? hostMessage('verdict.ocr', params)
    : hostMessage('verdict.ocr-lines', { ...params, iou: p.ocr.line_iou.toFixed(2) });
}

const ratio = (x: number | null, y: number | null) => (x === null || y === null || y <= 0 ? null : x / y);

/** "4.1x", "12x": one decimal below ten, whole numbers above (a 37.4x is read as 37x anyway). */
export function formatRatio(r: number): string {
  return r < 10 ? `${r.toFixed(1)}x` : `${Math.round(r)}x`;
}

function timeCostSentence(p: PairVerdict, lanes: LaneMetrics[]): HostMessage | null {
  if (p.time_ratio === null) return null;
  // Said from the slower lane's side, as people say it: "took 4.1x the time", never "took 0.2x the time".
  const flip = p.time_ratio < 1;
  const [slow, fast] = flip ? [lanes[p.b]!, lanes[p.a]!] : [lanes[p.a]!, lanes[p.b]!];
  const t = flip ? 1 / p.time_ratio : p.time_ratio;
  const c = p.cost_ratio === null ? null : flip ? (p.cost_ratio > 0 ? 1 / p.cost_ratio : null) : p.cost_ratio;
  const who = { slow: slow.label, fast: fast.label, time: formatRatio(t) };
  return c === null ? hostMessage('verdict.time-only', who) : hostMessage('verdict.time-cost', { ...who, cost: formatRatio(c) });
}

function answerSentence(p: PairVerdict, lanes: LaneMetrics[]): HostMessage {
  const who = { a: lanes[p.a]!.label, b: lanes[p.b]!.label };
  return p.answers.agree
    ? hostMessage('verdict.agree', who)
    : hostMessage('verdict.differ', { ...who, shared: Math.round(p.answers.similarity * 100) });
}

function boxSentence(p: PairVerdict, lanes: LaneMetrics[]): HostMessage | null {
  const o = p.boxes;
  if (o.mean_iou === null) return null;
  const base = { iou: o.mean_iou.toFixed(2), matched: o.matches.length };
  const a = { a: lanes[p.a]!.label, onlyA: o.unmatched_a.length };
  const b = { b: lanes[p.b]!.label, onlyB: o.unmatched_b.length };
  if (a.onlyA && b.onlyB) return hostMessage('verdict.boxes-only-both', { ...base, ...a, ...b });
  if (a.onlyA) return hostMessage('verdict.boxes-only-a', { ...base, ...a });
  if (b.onlyB) return hostMessage('verdict.boxes-only-b', { ...base, ...b });
  return hostMessage('verdict.boxes', base);
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
  const messages = pairs.flatMap((p) =>
    [timeCostSentence(p, m), answerSentence(p, m), ocrSentence(p, m), boxSentence(p, m)].filter(
      (s): s is HostMessage => s !== null,
    ),
  );
  return { lanes: m, pairs, summary: messages.map((s) => s.message), messages };
}
