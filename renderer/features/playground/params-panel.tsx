import { useState } from 'react';
import { paramSupport } from '../../../shared/params/catalog.ts';
import { NUMERIC_KEYS, type ReasoningEffort } from '../../../shared/params/types.ts';
import { chipsOf } from '../../../shared/params/chips.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { NumberParam } from './number-param.tsx';
import { useParamWords } from './param-words.ts';
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
  const { t } = useTranslation();
  const w = useParamWords();
  // The params object is replaced on every change, so selecting it is enough; chips are made here (new objects).
  const params = useStore((s) => s.params);
  const chips = chipsOf(params).map(w.chip);
  const system = useStore((s) => s.params.system ?? '');
  const format = useStore((s) => s.params.response_format?.type ?? 'text');
  const doSample = useStore((s) => s.params.do_sample);
  const effort = useStore((s) => s.params.reasoning_effort);
  const setParams = useStore((s) => s.setParams);
  const replaceParams = useStore((s) => s.replaceParams);
  const d = useDialect();
  const formats = (() => {
    const s = paramSupport(d.params, 'response_format', d.model, d.live);
    return s.ok ? (s.rule.formats ?? []) : [];
  })();
  const sample = paramSupport(d.params, 'do_sample', d.model, d.live);
  const effortSupport = paramSupport(d.params, 'reasoning_effort', d.model, d.live);
  const effortOk = effortSupport.ok || d.thinking === 'reasoning-effort';
  return (
    <section className="params-panel" aria-label={t('playground.panel.title')}>
      <button type="button" className="params-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="params-title">{t('playground.panel.title')}</span>
        <span className="param-chips" data-testid="param-chips">
          {chips.length ? chips.join(' · ') : t('playground.panel.defaults')}
        </span>
      </button>
      <div className="params-body" hidden={!open}>
        <PresetBar />
        <label htmlFor="param-system">{t('playground.panel.system')}</label>
        <textarea
          id="param-system"
          rows={3}
          value={system}
          placeholder={t('playground.panel.notSent')}
          onChange={(e) => setParams({ system: e.target.value })}
        />
        <div className="param-grid">
          {NUMERIC_KEYS.filter((k) => k !== 'reasoning_max_tokens' || paramSupport(d.params, k, d.model, d.live).ok).map((k) => (
            <NumberParam key={k} k={k} />
          ))}
        </div>
        <StopSequences />
        <div className="param-row" title={sample.ok ? undefined : w.unsupported(sample.why)}>
          <label htmlFor="param-do-sample">{w.label('do_sample')}</label>
          <select
            id="param-do-sample"
            disabled={!sample.ok}
            value={doSample === undefined ? '' : doSample ? 'on' : 'off'}
            onChange={(e) => setParams({ do_sample: e.target.value === '' ? undefined : e.target.value === 'on' })}
          >
            <option value="">
              {sample.ok
                ? t('playground.panel.defaultOf', { value: w.providerDefault(sample.rule.providerDefault) })
                : t('playground.panel.notAccepted')}
            </option>
            <option value="on">{t('playground.panel.sampleOn')}</option>
            <option value="off">{t('playground.panel.sampleOff')}</option>
          </select>
          {!sample.ok && <small className="muted">{w.unsupported(sample.why)}</small>}
        </div>
        <div className="param-row" title={effortOk || effortSupport.ok ? undefined : w.unsupported(effortSupport.why)}>
          <label htmlFor="param-effort">{w.label('reasoning_effort')}</label>
          <select
            id="param-effort"
            disabled={!effortOk}
            value={effort ?? ''}
            onChange={(e) => setParams({ reasoning_effort: (e.target.value || undefined) as ReasoningEffort | undefined })}
          >
            <option value="">{effortOk ? t('playground.panel.default') : t('playground.panel.notAccepted')}</option>
            <option value="low">{t('playground.panel.effortLow')}</option>
            <option value="medium">{t('playground.panel.effortMedium')}</option>
            <option value="high">{t('playground.panel.effortHigh')}</option>
          </select>
          {!effortOk && !effortSupport.ok && <small className="muted">{w.unsupported(effortSupport.why)}</small>}
        </div>
        <div className="param-row">
          <label htmlFor="param-format">{w.label('response_format')}</label>
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
            <option value="text">{t('playground.panel.formatText')}</option>
            <option value="json_object" disabled={!formats.includes('json_object')}>
              {formats.includes('json_object')
                ? t('playground.panel.formatJsonObject')
                : t('playground.panel.notAcceptedSuffix', { name: t('playground.panel.formatJsonObject') })}
            </option>
            <option value="json_schema" disabled={!formats.includes('json_schema')}>
              {formats.includes('json_schema')
                ? t('playground.panel.formatJsonSchema')
                : t('playground.panel.notAcceptedSuffix', { name: t('playground.panel.formatJsonSchema') })}
            </option>
          </select>
        </div>
        {format === 'json_schema' && <SchemaEditor />}
        <button type="button" className="link" onClick={() => replaceParams({})}>
          {t('playground.panel.resetAll')}
        </button>
      </div>
    </section>
  );
}
