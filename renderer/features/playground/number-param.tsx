import { useEffect, useState } from 'react';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { parseTyped } from '../../../shared/params/check.ts';
import { type NumericKey, PARAM_LABELS } from '../../../shared/params/types.ts';
import { useStore } from '../../store/index.ts';
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
  const support = paramSupport(d.params, k, d.model);
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  // Outside changes (a preset, a reset, another session) replace what is typed.
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : value === undefined ? '' : String(value)));
    setError(null);
    setParamError(k, null);
  }, [value, setParamError, k]);
  const id = `param-${k}`;
  if (!support.ok)
    return (
      <div className="param-row disabled" title={support.reason}>
        <label htmlFor={id}>{PARAM_LABELS[k]}</label>
        <input id={id} disabled value="" placeholder="not accepted" aria-describedby={`${id}-why`} />
        <small id={`${id}-why`} className="muted">
          {support.reason}
        </small>
      </div>
    );
  return (
    <div className="param-row">
      <label htmlFor={id}>{PARAM_LABELS[k]}</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={`default: ${support.rule.providerDefault}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseTyped(k, e.target.value, support.rule);
          if ('error' in parsed) {
            setError(parsed.error);
            setParamError(k, parsed.error);
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
          aria-label={`Reset ${PARAM_LABELS[k]} to the provider default`}
          onClick={() => {
            setParams({ [k]: undefined });
          }}
        >
          default
        </button>
      )}
      {error && (
        <small id={`${id}-error`} className="param-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
