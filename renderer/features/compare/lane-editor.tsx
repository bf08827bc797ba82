import { MAX_LANES, MIN_LANES } from '../../../shared/compare/lanes.ts';
import { MAX_BUDGET, MIN_BUDGET } from '../../../shared/media/budget.ts';
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { lanesFor } from '../../model/lanes.ts';
import { useStore } from '../../store/index.ts';
import './compare.css';
import { laneColour } from './lane-colour.ts';
import { LaneParams } from './lane-params.tsx';

/**
 * What the next compare runs: by default the chosen provider and model, thinking on vs off. Each lane can take
 * another provider, model, mode, image budget and parameters over the panel's; two to four lanes.
 */
export function LaneEditor({ onClose }: { onClose: () => void }) {
  const custom = useStore((s) => s.compareLanes);
  const providers = useStore((s) => s.providers);
  const providerId = useStore((s) => s.providerId);
  const lanes = useMemo(() => lanesFor(custom, providers, providerId), [custom, providers, providerId]);
  const setLane = useStore((s) => s.setLane);
  const addLane = useStore((s) => s.addLane);
  const removeLane = useStore((s) => s.removeLane);
  const reset = useStore((s) => s.resetLanes);
  const { t } = useTranslation();
  return (
    <fieldset className="lane-editor" aria-label={t('compare.lanes')}>
      <legend>{t('compare.lanes')}</legend>
      {lanes.length === 0 && <p className="muted small">{t('compare.needProvider')}</p>}
      {lanes.map((l, i) => (
        <div
          key={i}
          className="lane-row"
          role="group"
          aria-label={t('compare.laneSettings', { n: i + 1 })}
          style={{ ['--lane-colour' as string]: laneColour(i) }}
        >
          <span className="lane-swatch" aria-hidden="true" />
          <span className="lane-number">{i + 1}</span>
          <select
            aria-label={t('compare.laneProvider', { n: i + 1 })}
            value={l.providerId}
            onChange={(e) => setLane(i, { providerId: e.target.value })}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input
            aria-label={t('compare.laneModel', { n: i + 1 })}
            value={l.model}
            onChange={(e) => setLane(i, { model: e.target.value })}
            spellCheck={false}
          />
          <label className="lane-thinking">
            <input
              type="checkbox"
              checked={l.thinking}
              onChange={(e) => setLane(i, { thinking: e.target.checked })}
              aria-label={t('compare.laneThinking', { n: i + 1 })}
            />
            {t('compare.thinking')}
          </label>
          <input
            type="number"
            aria-label={t('compare.laneBudget', { n: i + 1 })}
            placeholder={t('compare.budget')}
            title={t('compare.budgetTitle', { min: MIN_BUDGET, max: MAX_BUDGET })}
            min={MIN_BUDGET}
            max={MAX_BUDGET}
            step={256}
            value={l.budget ?? ''}
            onChange={(e) => {
              const n = Number(e.target.value);
              setLane(i, {
                budget: e.target.value === '' ? null : Number.isFinite(n) ? Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, n)) : null,
              });
            }}
          />
          <button
            type="button"
            className="link"
            disabled={lanes.length <= MIN_LANES}
            onClick={() => removeLane(i)}
            aria-label={t('compare.removeLane', { n: i + 1 })}
          >
            ×
          </button>
          <LaneParams lane={l} index={i} />
        </div>
      ))}
      <div className="lane-editor-actions">
        <button type="button" onClick={addLane} disabled={lanes.length >= MAX_LANES || lanes.length === 0}>
          {t('compare.addLane')}
        </button>
        {custom !== null && (
          <button type="button" className="link" onClick={reset}>
            {t('compare.reset')}
          </button>
        )}
        <button type="button" className="link" onClick={onClose}>
          {t('compare.done')}
        </button>
      </div>
    </fieldset>
  );
}
