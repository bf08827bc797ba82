/**
 * Whether two lanes said the same thing. Answers are compared as a person reads them (GLM's box tokens dropped,
 * see shared/grounding), normalised for case, Markdown emphasis, punctuation spacing and whitespace; when they
 * still differ, a word-level diff (jsdiff's `diffWords`) shows where.
 */
import { diffWords } from 'diff';
import { answerText } from '../grounding/parse-answer.ts';

/** One run of a word diff: text in both answers, only in lane a (`removed`) or only in lane b (`added`). */
export interface DiffPart {
  text: string;
  op: 'same' | 'removed' | 'added';
}

export interface AnswerAgreement {
  /** True when the normalised answers are equal. */
  agree: boolean;
  /** Share of words the two answers have in common (0..1): 1 when they agree, near 0 when unrelated. */
  similarity: number;
  /** The word diff of a's answer to b's (empty when they agree, or when they differ too much to diff). */
  diff: DiffPart[];
  /** True when the answers differ in more than {@link MAX_DIFF_EDITS} words: no diff, similarity by word counts. */
  too_different: boolean;
}

/**
 * The most word edits a diff is worked out for. Myers' diff costs O(words x edits): two unrelated 2,000-word
 * answers took over a second (tests/bench/compare-bench.ts), which would freeze the app. Past this cap a word
 * diff is noise anyway. A cap in edits, not a timeout, so the verdict is the same on every machine.
 */
export const MAX_DIFF_EDITS = 400;

/**
 * The form two answers are compared in: NFKC (full-width digits and letters as ASCII), lower case, without
 * Markdown emphasis or heading marks, without a trailing full stop, whitespace collapsed.
 */
export function normaliseAnswer(raw: string): string {
  return answerText(raw)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。!！]+$/u, '')
    .trim();
}

const wordCount = (s: string) => s.match(/\S+/g)?.length ?? 0;

/** Compares the answers of two lanes. */
export function compareAnswers(a: string, b: string): AnswerAgreement {
  const na = normaliseAnswer(a);
  const nb = normaliseAnswer(b);
  if (na === nb) return { agree: true, similarity: 1, diff: [], too_different: false };
  const total = Math.max(wordCount(na), wordCount(nb));
  const changes = diffWords(answerText(a).trim(), answerText(b).trim(), { ignoreCase: true, maxEditLength: MAX_DIFF_EDITS });
  if (!changes) return { agree: false, similarity: total ? sharedWords(na, nb) / total : 0, diff: [], too_different: true };
  const parts: DiffPart[] = changes.map((c) => ({ text: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
  const same = parts.filter((p) => p.op === 'same').reduce((n, p) => n + wordCount(p.text), 0);
  return { agree: false, similarity: total ? Math.min(1, same / total) : 0, diff: parts, too_different: false };
}

/** Words the two texts have in common, counted with multiplicity but ignoring order (for answers too different to diff). */
function sharedWords(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const w of a.match(/\S+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b.match(/\S+/g) ?? []) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return shared;
}
