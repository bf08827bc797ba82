import { useTranslation } from '../../i18n/i18n.ts';
import type { DiffPart } from '../../../shared/compare/answer-agreement.ts';

/** A word diff of two lanes' answers, read as one text: words only in the first struck through, only in the second underlined. */
export function WordDiff({ parts, a, b }: { parts: readonly DiffPart[]; a: string; b: string }) {
  const { t } = useTranslation();
  return (
    <details className="word-diff">
      <summary>
        {t('compare.wordDiff')} <del>{a}</del> {t('compare.vs')} <ins>{b}</ins>
      </summary>
      <p className="word-diff-text">
        {parts.map((p, i) =>
          p.op === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.op === 'removed' ? (
            <del key={i} title={t('compare.onlyIn', { label: a })}>
              {p.text}
            </del>
          ) : (
            <ins key={i} title={t('compare.onlyIn', { label: b })}>
              {p.text}
            </ins>
          ),
        )}
      </p>
    </details>
  );
}
