import { useEffect, useState } from 'react';
import { type ParamDialect, paramSupport } from '../../../shared/params/catalog.ts';
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
  return (
    <NumberField
      k={k}
      value={value}
      dialect={d}
      id={`param-${k}`}
      errorKey={k}
      onValue={(v) => setParams({ [k]: v })}
      setParamError={setParamError}
    />
  );
}

/**
 * The field itself, bound by its caller: the panel binds it to the session's parameters, a compare lane to its
 * own overrides (`inherited` is then the placeholder: what the lane sends when it sets nothing).
 */
export function NumberField({
  k,
  value,
  dialect: d,
  id,
  errorKey,
  onValue,
  setParamError,
  inherited,
  label,
}: {
  k: NumericKey;
  value: number | undefined;
  dialect: { params: ParamDialect; model: string; live?: readonly string[] };
  id: string;
  /** The key the send refusal is kept under, so a value being fixed holds the send back. */
  errorKey: string;
  onValue: (v: number | undefined) => void;
  setParamError: (key: string, message: string | null) => void;
  /** The placeholder when blank: defaults to the provider default. */
  inherited?: string;
  /** The accessible name, when the visible label is not enough (four lanes show the same labels). */
  label?: string;
}) {
  const { t } = useTranslation();
  const w = useParamWords();
  const support = paramSupport(d.params, k, d.model, d.live);
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // Kept as data, so it is worded in whatever language the window shows now.
  const [error, setError] = useState<{ problem: TypedProblem; typed: string } | null>(null);
  // Outside changes (a preset, a reset, another session) replace what is typed.
  useEffect(() => {
    setText((prev) => (Number(prev) === value && prev.trim() !== '' ? prev : value === undefined ? '' : String(value)));
    setError(null);
    setParamError(errorKey, null);
  }, [value, setParamError, errorKey]);
  // A field that goes away (a lane removed) takes its refusal with it, or it would hold every send back.
  useEffect(() => () => setParamError(errorKey, null), [setParamError, errorKey]);
  if (!support.ok)
    return (
      <div className="param-row disabled" title={w.unsupported(support.why)}>
        <label htmlFor={id}>{w.label(k)}</label>
        <input
          id={id}
          aria-label={label}
          disabled
          value=""
          placeholder={t('playground.panel.notAccepted')}
          aria-describedby={`${id}-why`}
        />
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
        aria-label={label}
        inputMode="decimal"
        value={text}
        placeholder={inherited ?? t('playground.panel.defaultIs', { value: w.providerDefault(support.rule.providerDefault) })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseTyped(k, e.target.value, support.rule);
          if ('problem' in parsed) {
            const message = w.typed(k, parsed.problem, parsed.typed, support.rule);
            setError({ problem: parsed.problem, typed: parsed.typed });
            setParamError(errorKey, t('playground.panel.fixFirst', { problem: message }));
          } else {
            setError(null);
            setParamError(errorKey, null);
            onValue(parsed.value);
          }
        }}
      />
      {value !== undefined && (
        <button
          type="button"
          className="link"
          aria-label={t('playground.panel.resetOne', { name: label ?? w.label(k) })}
          onClick={() => onValue(undefined)}
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
