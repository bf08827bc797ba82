import { useState } from 'react';
import type { ModelInfo, PriceInputFields } from '../../../shared/bridge/models.ts';
import type { Price } from '../../../shared/providers/catalog.ts';
import { checkPrice } from '../../../shared/providers/price-input.ts';

const usd = (n: number) => `$${n.toFixed(n > 0 && n < 0.1 ? 3 : 2)}`;

/** "$0.60 in · $1.80 out · $0.11 cached" per 1M tokens, or why there is no figure. */
export function priceText(p: Price | null): string {
  if (!p) return 'Price unknown: cost shows as unknown until you enter one.';
  const cached = p.cachedRead === null ? '' : ` · ${usd(p.cachedRead)} cached`;
  return `${usd(p.prompt)} in · ${usd(p.completion)} out${cached} per 1M tokens · recorded ${p.recorded}`;
}

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  model: ModelInfo;
  onSave: (price: PriceInputFields | null) => Promise<boolean>;
  onRemove: () => Promise<boolean>;
}

/** One model: its price in force and where it came from; Edit opens four fields, checked as typed. */
export function PriceRow({ model, onSave, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  const p = model.price;
  const [fields, setFields] = useState<PriceInputFields>({ prompt: '', completion: '', cachedRead: '', recorded: '' });
  const [touched, setTouched] = useState(false);
  const check = checkPrice(fields);

  const open = () => {
    setFields({
      prompt: p ? String(p.prompt) : '',
      completion: p ? String(p.completion) : '',
      cachedRead: p?.cachedRead != null ? String(p.cachedRead) : '',
      recorded: today(),
    });
    setTouched(false);
    setEditing(true);
  };
  const field = (key: keyof PriceInputFields, label: string, placeholder: string) => (
    <label>
      {label}
      <input
        aria-label={`${label} for ${model.id}`}
        value={String(fields[key] ?? '')}
        placeholder={placeholder}
        inputMode={key === 'recorded' ? 'numeric' : 'decimal'}
        onChange={(e) => {
          setTouched(true);
          setFields({ ...fields, [key]: e.target.value });
        }}
      />
    </label>
  );

  return (
    <li className="price-row" aria-label={model.id}>
      <div className="price-head">
        <span className="price-model">
          <code>{model.id}</code> {model.label !== model.id && <span className="muted">{model.label}</span>}
        </span>
        <span className="price-tags">
          {model.userAdded && <span className="tag">added</span>}
          {model.userPrice ? <span className="tag">your price</span> : model.price && <span className="tag">catalog</span>}
        </span>
      </div>
      {!editing && <p className={`price-figures ${p ? '' : 'unknown'}`}>{priceText(p)}</p>}
      {editing ? (
        <form
          className="price-edit"
          aria-label={`Price of ${model.id}`}
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (check.ok && (await onSave(fields))) setEditing(false);
          }}
        >
          <div className="price-fields">
            {field('prompt', 'Prompt', '0.60')}
            {field('completion', 'Completion', '1.80')}
            {field('cachedRead', 'Cached read', 'optional')}
            {field('recorded', 'Recorded', 'YYYY-MM-DD')}
          </div>
          <p className="muted small">USD per 1M tokens, as the provider lists them today.</p>
          {touched && !check.ok && (
            <p className="form-error" role="alert">
              {check.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary">
              Save price
            </button>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {/* The accessible name starts with the visible words, so voice control ("click Enter price") finds it. */}
          <button type="button" onClick={open} aria-label={`${p ? 'Edit price' : 'Enter price'} of ${model.id}`}>
            {p ? 'Edit price' : 'Enter price'}
          </button>
          {model.userPrice && (
            <button type="button" className="link" onClick={() => void onSave(null)}>
              {model.catalogPrice ? 'Reset to catalog' : 'Clear price'}
            </button>
          )}
          {model.userAdded && (
            <button type="button" className="danger-link" onClick={() => void onRemove()} aria-label={`Remove ${model.id}`}>
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}
