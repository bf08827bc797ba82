import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { NUMERIC_KEYS, type ReasoningEffort } from '../../../shared/params/types.ts';
import { paramChips } from '../../../shared/params/chips.ts';
import { useStore } from '../../store/index.ts';
import { NumberParam } from './number-param.tsx';
import './playground.css';
import { PresetBar } from './preset-bar.tsx';
import { SchemaEditor } from './schema-editor.tsx';
import { StopSequences } from './stop-sequences.tsx';
import { useDialect } from './use-dialect.ts';

/**
 * The parameters beside the composer: collapsed, a line of chips ("T 0.2 · max 2k · JSON", or "Provider defaults");
 * open, every parameter, each blank for the provider's default. The body stays mounted when collapsed, so a value
 * being fixed is not lost by closing it.
 */
export function ParamsPanel() {
  const [open, setOpen] = useState(false);
  const chips = useStore(useShallow((s) => paramChips(s.params)));
  const system = useStore((s) => s.params.system ?? '');
  const format = useStore((s) => s.params.response_format?.type ?? 'text');
  const doSample = useStore((s) => s.params.do_sample);
  const effort = useStore((s) => s.params.reasoning_effort);
  const setParams = useStore((s) => s.setParams);
  const replaceParams = useStore((s) => s.replaceParams);
  const d = useDialect();
  const formats = (() => {
    const s = paramSupport(d.params, 'response_format', d.model);
    return s.ok ? (s.rule.formats ?? []) : [];
  })();
  const sample = paramSupport(d.params, 'do_sample', d.model);
  const effortSupport = paramSupport(d.params, 'reasoning_effort', d.model);
  const effortOk = effortSupport.ok || d.thinking === 'reasoning-effort';
  return (
    <section className="params-panel" aria-label="Parameters">
      <button type="button" className="params-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="params-title">Parameters</span>
        <span className="param-chips" data-testid="param-chips">
          {chips.length ? chips.join(' · ') : 'Provider defaults'}
        </span>
      </button>
      <div className="params-body" hidden={!open}>
        <PresetBar />
        <label htmlFor="param-system">System instructions</label>
        <textarea
          id="param-system"
          rows={3}
          value={system}
          placeholder="none (not sent)"
          onChange={(e) => setParams({ system: e.target.value })}
        />
        <div className="param-grid">
          {NUMERIC_KEYS.filter((k) => k !== 'reasoning_max_tokens' || paramSupport(d.params, k, d.model).ok).map((k) => (
            <NumberParam key={k} k={k} />
          ))}
        </div>
        <StopSequences />
        <div className="param-row" title={sample.ok ? undefined : sample.reason}>
          <label htmlFor="param-do-sample">Sampling (do_sample)</label>
          <select
            id="param-do-sample"
            disabled={!sample.ok}
            value={doSample === undefined ? '' : doSample ? 'on' : 'off'}
            onChange={(e) => setParams({ do_sample: e.target.value === '' ? undefined : e.target.value === 'on' })}
          >
            <option value="">{sample.ok ? `default (${sample.rule.providerDefault})` : 'not accepted'}</option>
            <option value="on">on</option>
            <option value="off">off (greedy)</option>
          </select>
          {!sample.ok && <small className="muted">{sample.reason}</small>}
        </div>
        <div className="param-row" title={effortOk ? undefined : effortSupport.ok ? undefined : effortSupport.reason}>
          <label htmlFor="param-effort">Reasoning effort</label>
          <select
            id="param-effort"
            disabled={!effortOk}
            value={effort ?? ''}
            onChange={(e) => setParams({ reasoning_effort: (e.target.value || undefined) as ReasoningEffort | undefined })}
          >
            <option value="">{effortOk ? 'default' : 'not accepted'}</option>
            <option value="low">low</option>
            <option value="medium">medium</option>
            <option value="high">high</option>
          </select>
          {!effortOk && !effortSupport.ok && <small className="muted">{effortSupport.reason}</small>}
        </div>
        <div className="param-row">
          <label htmlFor="param-format">Response format</label>
          <select
            id="param-format"
            value={format}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'text') setParams({ response_format: undefined });
              else if (v === 'json_object') setParams({ response_format: { type: 'json_object' } });
              else setParams({ response_format: { type: 'json_schema', name: 'answer', schema: {} } });
            }}
          >
            <option value="text">text (default)</option>
            <option value="json_object" disabled={!formats.includes('json_object')}>
              JSON object{formats.includes('json_object') ? '' : ' (not accepted)'}
            </option>
            <option value="json_schema" disabled={!formats.includes('json_schema')}>
              JSON schema{formats.includes('json_schema') ? '' : ' (not accepted)'}
            </option>
          </select>
        </div>
        {format === 'json_schema' && <SchemaEditor />}
        <button type="button" className="link" onClick={() => replaceParams({})}>
          Reset all to provider defaults
        </button>
      </div>
    </section>
  );
}
