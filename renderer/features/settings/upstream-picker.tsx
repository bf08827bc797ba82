import type { Upstream } from '../../../shared/providers/catalog.ts';

/**
 * OpenRouter routes one model to several upstreams; ticking some pins the request to them (`provider.order`,
 * no fallbacks) in the order they were ticked. None ticked: OpenRouter chooses.
 */
export function UpstreamPicker({
  options,
  value,
  onChange,
}: {
  options: Upstream[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="upstream-picker">
      <legend>Upstream (OpenRouter routing)</legend>
      <div className="upstream-options">
        {options.map((u) => {
          const at = value.indexOf(u.id);
          return (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                checked={at >= 0}
                onChange={(e) => onChange(e.target.checked ? [...value, u.id] : value.filter((x) => x !== u.id))}
              />
              {u.label}
              {at >= 0 && value.length > 1 && (
                <span className="order-badge" aria-label={`position ${at + 1}`}>
                  {at + 1}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <p className="muted small">
        {value.length === 0
          ? 'None ticked: OpenRouter picks the upstream (and may fall back to another).'
          : `Pinned to ${value.map((id) => options.find((o) => o.id === id)?.label ?? id).join(', then ')}; no fallback to others.`}
      </p>
    </fieldset>
  );
}
