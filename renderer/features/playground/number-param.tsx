import { useEffect, useState } from 'react';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { parseTyped, type TypedProblem } from '../../../shared/params/check.ts';
import type { NumericKey } from '../../../shared/params/types.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { useParamWords } from './param-words.ts';
import { useDialect } from './use-dialect.ts';

/**
 * One numeric parameter. Blank is "provider default" (not sent), shown as the placeholder; a value out of range
 * is refused where it is typed, with the range, and stays in the box to be fixed. Not accepted by the provider:
 * disabled, with the reason.
 */
export function NumberParam({ k }: { k: NumericKey }) {
  const value = useStore((s) => s.params[k]);
  const setParams = useStore((s) => s.setParams);
  const setParamError = useStore((s) => s.setParamError);
  const d = useDialect();
  const { t } = useTranslation();
  const w = useParamWords();
  const support = paramSupport(d.params, k, d.model);
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // Kept as data, so it is worded in whatever language the window shows now.
  const [error, setError] = useState<{ problem: TypedProblem; typed: string } | null>(null);
  // Outside changes (a preset, a reset, another session) replace what is typed.
  useEffect(() => {
    setText((prev) => (Number(prev) === value && prev.trim() !== '' ? prev : value === undefined ? '' : String(value)));
    setError(null);
    setParamError(k, null);
  }, [value, setParamError, k]);
  const id = `param-${k}`;
  if (!support.ok)
    return (
      <div className="param-row disabled" title={w.unsupported(support.why)}>
        <label htmlFor={id}>{w.label(k)}</label>
        <input id={id} disabled value="" placeholder={t('playground.panel.notAccepted')} aria-describedby={`${id}-why`} />
        <small id={`${id}-why`} className="muted">
          {w.unsupported(support.why)}
        </small>
      </div>
    );
  return (
    <div className="param-row">
      <label htmlFor={id}>{w.label(k)}</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={t('playground.panel.defaultIs', { value: w.providerDefault(support.rule.providerDefault) })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseTyped(k, e.target.value, support.rule);
          if ('problem' in parsed) {
            const message = w.typed(k, parsed.problem, parsed.typed, support.rule);
            setError({ problem: parsed.problem, typed: parsed.typed });
            setParamError(k, t('playground.panel.fixFirst', { problem: message }));
          } else {
            setError(null);
            setParamError(k, null);
            setParams({ [k]: parsed.value });
          }
        }}
      />
      {value !== undefined && (
        <button
          type="button"
          className="link"
          aria-label={t('playground.panel.resetOne', { name: w.label(k) })}
          onClick={() => {
            setParams({ [k]: undefined });
          }}
        >
          {t('playground.panel.default')}
        </button>
      )}
      {error && (
        <small id={`${id}-error`} className="param-error" role="alert">
          {w.typed(k, error.problem, error.typed, support.rule)}
        </small>
      )}
    </div>
  );
}
