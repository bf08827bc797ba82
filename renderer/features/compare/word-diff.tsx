import type { DiffPart } from '../../../shared/compare/answer-agreement.ts';

/** A word diff of two lanes' answers, read as one text: words only in the first struck through, only in the second underlined. */
export function WordDiff({ parts, a, b }: { parts: readonly DiffPart[]; a: string; b: string }) {
  return (
    <details className="word-diff">
      <summary>
        Word diff: <del>{a}</del> vs <ins>{b}</ins>
      </summary>
      <p className="word-diff-text">
        {parts.map((p, i) =>
          p.op === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.op === 'removed' ? (
            <del key={i} title={`only in ${a}`}>
              {p.text}
            </del>
          ) : (
            <ins key={i} title={`only in ${b}`}>
              {p.text}
            </ins>
          ),
        )}
      </p>
    </details>
  );
}
