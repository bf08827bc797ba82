import { useState } from 'react';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { useStore } from '../../store/index.ts';
import { useDialect } from './use-dialect.ts';

/** Up to four stop sequences (as many as the provider takes), one per line; none is the provider's default. */
export function StopSequences() {
  const stop = useStore((s) => s.params.stop);
  const setParams = useStore((s) => s.setParams);
  const setParamError = useStore((s) => s.setParamError);
  const d = useDialect();
  const support = paramSupport(d.params, 'stop', d.model);
  const [text, setText] = useState((stop ?? []).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const max = support.ok ? (support.rule.maxItems ?? 4) : 0;
  return (
    <div className="param-row" title={support.ok ? undefined : support.reason}>
      <label htmlFor="param-stop">Stop sequences (one per line, up to {max})</label>
      <textarea
        id="param-stop"
        rows={2}
        disabled={!support.ok}
        value={text}
        placeholder={support.ok ? 'none (not sent)' : 'not accepted'}
        onChange={(e) => {
          setText(e.target.value);
          const list = e.target.value.split('\n').filter((l) => l.length > 0);
          const problem = list.length > max ? `Stop sequences: this provider takes at most ${max}.` : null;
          setError(problem);
          setParamError('stop', problem);
          if (!problem) setParams({ stop: list.length ? list : undefined });
        }}
      />
      {error && (
        <small className="param-error" role="alert">
          {error}
        </small>
      )}
      {!support.ok && <small className="muted">{support.reason}</small>}
    </div>
  );
}
