import { useTranslation } from '../../i18n/i18n.ts';
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
  const { t } = useTranslation();
  return (
    <fieldset className="upstream-picker">
      <legend>{t('settings.upstream.legend')}</legend>
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
                <span className="order-badge" aria-label={t('settings.upstream.position', { n: at + 1 })}>
                  {at + 1}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <p className="muted small">
        {value.length === 0
          ? t('settings.upstream.none')
          : t('settings.upstream.pinned', {
              list: value.map((id) => options.find((o) => o.id === id)?.label ?? id).join(t('settings.upstream.then')),
            })}
      </p>
    </fieldset>
  );
}
