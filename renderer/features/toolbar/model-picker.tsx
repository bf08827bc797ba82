import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { useNames } from '../../i18n/names.ts';
import { failureText } from '../../model/failure.ts';
import { useStore } from '../../store/index.ts';
import './toolbar.css';

/**
 * Switches the picked provider's model (catalog and user-added ones) without a trip to Settings; the choice is
 * saved on the provider, so the next request and the next launch use it. Hidden when there is nothing to switch.
 */
export function ModelPicker() {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
  const save = useStore((s) => s.saveProvider);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  const names = useNames();
  if (!provider || provider.models.length < 2) return null;
  return (
    <label className="model-picker">
      <span className="label-text">{t('toolbar.model')}</span>
      <select
        aria-label={t('toolbar.model')}
        aria-invalid={error ? true : undefined}
        value={provider.model}
        onChange={async (e) => {
          const model = e.target.value;
          try {
            const { id, catalogId, name, baseUrl, upstream } = provider;
            await save({ id, catalogId, name, baseUrl, model, upstream });
            setError(null);
          } catch (err) {
            setError(hostText(failureText(err)));
          }
        }}
      >
        {provider.models.map((m) => (
          <option key={m} value={m}>
            {names.model(provider.catalogId, m)}
          </option>
        ))}
      </select>
      {error && (
        <span className="model-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
