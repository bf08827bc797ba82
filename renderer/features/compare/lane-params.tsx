import { paramSupport } from '../../../shared/params/catalog.ts';
import { chipsOf } from '../../../shared/params/chips.ts';
import { dialectsOf } from '../../../shared/params/dialect.ts';
import { NUMERIC_KEYS, type SamplingParams } from '../../../shared/params/types.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import type { LaneConfig } from '../../model/lanes.ts';
import { useStore } from '../../store/index.ts';
import { NumberField } from '../playground/number-param.tsx';
import { useParamWords } from '../playground/param-words.ts';

/**
 * One lane's parameters over the panel's: blank follows the panel (its value is the placeholder), a value here is
 * this lane's alone. The fields are the panel's own, checked against the lane's provider dialect and model, and a
 * parameter that provider does not take is disabled with the reason, as in the panel.
 */
export function LaneParams({ lane, index }: { lane: LaneConfig; index: number }) {
  const { t } = useTranslation();
  const w = useParamWords();
  const provider = useStore((s) => s.providers.find((p) => p.id === lane.providerId));
  const panel = useStore((s) => s.params);
  const setLane = useStore((s) => s.setLane);
  const setParamError = useStore((s) => s.setParamError);
  const own = lane.params ?? {};
  const d = {
    ...dialectsOf(catalogEntry(provider?.catalogId ?? 'custom'), provider ?? {}),
    model: lane.model,
    live: provider?.supportedParams?.[lane.model],
  };
  const set = (patch: Partial<SamplingParams>) => {
    const next: SamplingParams = { ...own, ...patch };
    for (const k of Object.keys(next) as (keyof SamplingParams)[]) if (next[k] === undefined) delete next[k];
    setLane(index, { params: next });
  };
  const chips = chipsOf(own).map(w.chip);
  const n = index + 1;
  return (
    <details className="lane-params">
      <summary>
        {t('compare.laneParams')}
        <span className="param-chips" data-testid={`lane-${n}-param-chips`}>
          {chips.length ? chips.join(' · ') : t('compare.asPanel')}
        </span>
      </summary>
      <label htmlFor={`lane-${n}-system`}>{t('playground.panel.system')}</label>
      <textarea
        id={`lane-${n}-system`}
        aria-label={t('compare.laneSystem', { n })}
        rows={2}
        value={own.system ?? ''}
        placeholder={panel.system?.trim() ? panel.system : t('compare.asPanel')}
        onChange={(e) => set({ system: e.target.value || undefined })}
      />
      <div className="param-grid">
        {NUMERIC_KEYS.filter((k) => k !== 'reasoning_max_tokens' || paramSupport(d.params, k, d.model, d.live).ok).map((k) => (
          <NumberField
            key={k}
            k={k}
            value={own[k]}
            dialect={d}
            id={`lane-${n}-${k}`}
            errorKey={`lane${n}.${k}`}
            label={t('compare.laneParam', { n, name: w.label(k) })}
            inherited={panel[k] !== undefined ? t('compare.panelValue', { value: panel[k] }) : undefined}
            onValue={(v) => set({ [k]: v })}
            setParamError={setParamError}
          />
        ))}
      </div>
    </details>
  );
}
