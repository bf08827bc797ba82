import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';
import type { BatchDraft } from '../../store/state.ts';
import { PRESETS, presetPrompt, presetTarget } from '../composer/presets.ts';
import { BatchDrop } from './batch-drop.tsx';

/** Paths typed one per line (or several pasted at once); blank lines are nothing. */
export const splitPaths = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A number field's value, or null when it is empty (the host's default) or not a number. */
const numberOrNull = (text: string): number | null => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

/**
 * What the batch is asked to do: the paths on the host's disk (typed, dropped or picked; the host reads folders
 * itself), the output
 * folder, a preset or prompt, an optional JSON schema and the limits. The provider, model and thinking are the
 * toolbar's current choice, named here so it is clear what Estimate prices.
 */
export function BatchForm({ dropOver }: { dropOver: boolean }) {
  const { t } = useTranslation();
  const api = useStoreApi();
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
  const thinking = useStore((s) => s.thinking);
  const busy = useStore((s) => s.batchBusy);
  const running = useStore((s) => s.batchPhase === 'running' || s.batchPhase === 'stopping');
  // The fields live in the store: closing the view (or opening Settings from it) loses nothing typed.
  const { inputs, outDir, preset, prompt, schema, concurrency, maxCost } = useStore((s) => s.batchDraft);
  const draft = (patch: Partial<BatchDraft>) => api.getState().setBatchDraft(patch);
  const setInputs = (inputs: string) => draft({ inputs });
  const setOutDir = (outDir: string) => draft({ outDir });
  const setPrompt = (prompt: string) => draft({ prompt });
  const setSchema = (schema: string) => draft({ schema });
  const setConcurrency = (concurrency: string) => draft({ concurrency });
  const setMaxCost = (maxCost: string) => draft({ maxCost });
  const paths = splitPaths(inputs);
  const ready = Boolean(provider) && paths.length > 0 && outDir.trim() !== '' && prompt.trim() !== '' && !busy && !running;

  const choosePreset = (id: string) => {
    const p = PRESETS.find((x) => x.id === id);
    draft(p ? { preset: id, prompt: presetPrompt(t, p, presetTarget(t, 1)) } : { preset: id });
  };

  const estimate = () =>
    void api.getState().planBatch({
      inputs: paths,
      outDir: outDir.trim(),
      prompt,
      preset: preset || null,
      schema: schema.trim() || null,
      concurrency: numberOrNull(concurrency),
      maxCostUsd: numberOrNull(maxCost),
    });

  return (
    <form
      className="batch-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) estimate();
      }}
    >
      <div className="batch-col">
        <label>
          <span className="label-text">{t('batch.inputs')}</span>
          <textarea rows={3} value={inputs} onChange={(e) => setInputs(e.target.value)} placeholder={t('batch.inputsHint')} />
        </label>
        <BatchDrop over={dropOver} />
        <label>
          <span className="label-text">{t('batch.outDir')}</span>
          <input type="text" value={outDir} onChange={(e) => setOutDir(e.target.value)} />
        </label>
        <div className="batch-limits">
          <label>
            <span className="label-text">{t('batch.concurrency')}</span>
            <input type="number" min={1} max={64} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} />
          </label>
          <label>
            <span className="label-text">{t('batch.maxCost')}</span>
            <input type="number" min={0} step="any" value={maxCost} onChange={(e) => setMaxCost(e.target.value)} />
          </label>
        </div>
      </div>
      <div className="batch-col">
        <label>
          <span className="label-text">{t('batch.preset')}</span>
          <select value={preset} onChange={(e) => choosePreset(e.target.value)}>
            <option value="">{t('batch.presetNone')}</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {t(p.labelKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label-text">{t('batch.prompt')}</span>
          <textarea rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </label>
        <label>
          <span className="label-text">{t('batch.schema')}</span>
          <textarea rows={2} value={schema} onChange={(e) => setSchema(e.target.value)} spellCheck={false} />
        </label>
      </div>
      <div className="batch-wide batch-estimate">
        <p className="muted">
          {provider
            ? t('batch.using', {
                provider: provider.name,
                model: provider.model,
                mode: thinking ? t('batch.thinking') : t('batch.fast'),
              })
            : t('batch.noProvider')}
        </p>
        <button type="submit" className="primary" disabled={!ready}>
          {busy ? t('batch.estimating') : t('batch.estimate')}
        </button>
      </div>
    </form>
  );
}
