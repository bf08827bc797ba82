import { MAX_LANES, MIN_LANES } from '../../../shared/compare/lanes.ts';
import { MAX_BUDGET, MIN_BUDGET } from '../../../shared/media/budget.ts';
import { useMemo } from 'react';
import { lanesFor } from '../../model/lanes.ts';
import { useStore } from '../../store/index.ts';
import './compare.css';
import { laneColour } from './lane-colour.ts';

/**
 * What the next compare runs: by default the chosen provider and model, thinking on vs off. Each lane can take
 * another provider, model, mode or image budget; two to four lanes.
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
  return (
    <fieldset className="lane-editor" aria-label="Compare lanes">
      <legend>Compare lanes</legend>
      {lanes.length === 0 && <p className="muted small">Add a provider in Settings first.</p>}
      {lanes.map((l, i) => (
        <div
          key={i}
          className="lane-row"
          role="group"
          aria-label={`Lane ${i + 1} settings`}
          style={{ ['--lane-colour' as string]: laneColour(i) }}
        >
          <span className="lane-swatch" aria-hidden="true" />
          <span className="lane-number">{i + 1}</span>
          <select
            aria-label={`Lane ${i + 1} provider`}
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
            aria-label={`Lane ${i + 1} model`}
            value={l.model}
            onChange={(e) => setLane(i, { model: e.target.value })}
            spellCheck={false}
          />
          <label className="lane-thinking">
            <input
              type="checkbox"
              checked={l.thinking}
              onChange={(e) => setLane(i, { thinking: e.target.checked })}
              aria-label={`Lane ${i + 1} thinking`}
            />
            Thinking
          </label>
          <input
            type="number"
            aria-label={`Lane ${i + 1} tokens per image`}
            placeholder="budget"
            title={`Visual tokens per image (${MIN_BUDGET}–${MAX_BUDGET}); empty: the composer's`}
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
            aria-label={`Remove lane ${i + 1}`}
          >
            ×
          </button>
        </div>
      ))}
      <div className="lane-editor-actions">
        <button type="button" onClick={addLane} disabled={lanes.length >= MAX_LANES || lanes.length === 0}>
          Add lane
        </button>
        {custom !== null && (
          <button type="button" className="link" onClick={reset}>
            Back to thinking vs fast
          </button>
        )}
        <button type="button" className="link" onClick={onClose}>
          Done
        </button>
      </div>
    </fieldset>
  );
}
