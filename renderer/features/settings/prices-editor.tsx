import { useState } from 'react';
import { checkModelId } from '../../../shared/providers/price-input.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import type { ModelsState } from './use-models.ts';
import { PriceRow } from './price-row.tsx';

/**
 * The editable catalog for one provider: each model with the price requests are costed at, and models the
 * catalog does not list. A price applies to requests started after it is saved; past requests keep theirs.
 */
export function PricesEditor({ state, shared }: { state: ModelsState; shared: string | null }) {
  const [newModel, setNewModel] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const { t } = useTranslation();
  return (
    <section className="prices-editor" aria-label={t('settings.prices.title')}>
      <h3>{t('settings.prices.title')}</h3>
      {shared && <p className="muted small">{shared}</p>}
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {state.models.length > 0 ? (
        <ul className="price-list">
          {state.models.map((m) => (
            <PriceRow key={m.id} model={m} onSave={(p) => state.setPrice(m.id, p)} onRemove={() => state.remove(m.id)} />
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('settings.prices.none')}</p>
      )}
      <form
        className="add-model"
        aria-label={t('settings.prices.addForm')}
        onSubmit={async (e) => {
          e.preventDefault();
          const bad = checkModelId(newModel);
          setAddError(bad);
          if (!bad && (await state.add(newModel.trim()))) setNewModel('');
        }}
      >
        <input
          aria-label={t('settings.prices.newId')}
          value={newModel}
          onChange={(e) => setNewModel(e.target.value)}
          placeholder={t('settings.prices.example')}
        />
        <button type="submit">{t('settings.prices.add')}</button>
      </form>
      {addError && (
        <p className="form-error" role="alert">
          {addError}
        </p>
      )}
    </section>
  );
}
