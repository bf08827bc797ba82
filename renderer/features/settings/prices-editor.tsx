import { useState } from 'react';
import { checkModelId } from '../../../shared/providers/price-input.ts';
import type { ModelsState } from './use-models.ts';
import { PriceRow } from './price-row.tsx';

/**
 * The editable catalog for one provider: each model with the price requests are costed at, and models the
 * catalog does not list. A price applies to requests started after it is saved; past requests keep theirs.
 */
export function PricesEditor({ state, shared }: { state: ModelsState; shared: string | null }) {
  const [newModel, setNewModel] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  return (
    <section className="prices-editor" aria-label="Models and prices">
      <h3>Models and prices</h3>
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
        <p className="muted small">No models listed yet. Add the ids this server serves.</p>
      )}
      <form
        className="add-model"
        aria-label="Add a model"
        onSubmit={async (e) => {
          e.preventDefault();
          const bad = checkModelId(newModel);
          setAddError(bad);
          if (!bad && (await state.add(newModel.trim()))) setNewModel('');
        }}
      >
        <input
          aria-label="New model id"
          value={newModel}
          onChange={(e) => setNewModel(e.target.value)}
          placeholder="e.g. z-ai/glm-4.5v:free"
        />
        <button type="submit">Add model</button>
      </form>
      {addError && (
        <p className="form-error" role="alert">
          {addError}
        </p>
      )}
    </section>
  );
}
