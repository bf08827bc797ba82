import { useState } from 'react';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { useParamWords } from './param-words.ts';
import { useDialect } from './use-dialect.ts';

/** Up to four stop sequences (as many as the provider takes), one per line; none is the provider's default. */
export function StopSequences() {
  const stop = useStore((s) => s.params.stop);
  const setParams = useStore((s) => s.setParams);
  const setParamError = useStore((s) => s.setParamError);
  const d = useDialect();
  const { t } = useTranslation();
  const w = useParamWords();
  const support = paramSupport(d.params, 'stop', d.model, d.live);
  const [text, setText] = useState((stop ?? []).join('\n'));
  const [tooMany, setTooMany] = useState(false);
  const max = support.ok ? (support.rule.maxItems ?? 4) : 0;
  return (
    <div className="param-row" title={support.ok ? undefined : w.unsupported(support.why)}>
      <label htmlFor="param-stop">{t('playground.stop.label', { max })}</label>
      <textarea
        id="param-stop"
        rows={2}
        disabled={!support.ok}
        value={text}
        placeholder={support.ok ? t('playground.panel.notSent') : t('playground.panel.notAccepted')}
        onChange={(e) => {
          setText(e.target.value);
          const list = e.target.value.split('\n').filter((l) => l.length > 0);
          const problem = list.length > max;
          setTooMany(problem);
          setParamError(
            'stop',
            problem ? t('playground.panel.fixFirst', { problem: t('playground.stop.tooMany', { count: max }) }) : null,
          );
          if (!problem) setParams({ stop: list.length ? list : undefined });
        }}
      />
      {tooMany && (
        <small className="param-error" role="alert">
          {t('playground.stop.tooMany', { count: max })}
        </small>
      )}
      {!support.ok && <small className="muted">{w.unsupported(support.why)}</small>}
    </div>
  );
}
