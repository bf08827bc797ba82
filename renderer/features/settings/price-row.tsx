import { useState } from 'react';
import type { ModelInfo, PriceInputFields } from '../../../shared/bridge/models.ts';
import type { Price } from '../../../shared/providers/catalog.ts';
import { checkPrice } from '../../../shared/providers/price-input.ts';
import { useFigures } from '../../i18n/figures.ts';
import { type i18next, useTranslation } from '../../i18n/i18n.ts';
import type { Figures } from '../../../shared/format/figures.ts';

/** "$0.60 in · $1.80 out · $0.11 cached" per 1M tokens, or why there is no figure. */
export function priceText(p: Price | null, t: typeof i18next.t, f: Figures): string {
  if (!p) return t('settings.price.unknown');
  const cached = p.cachedRead === null ? '' : t('settings.price.cached', { price: f.rate(p.cachedRead) });
  return t('settings.price.text', { prompt: f.rate(p.prompt), completion: f.rate(p.completion), cached, recorded: p.recorded });
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
  const { t } = useTranslation();
  const f = useFigures();
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
        aria-label={t('settings.price.for', { label, model: model.id })}
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
          {model.userAdded && <span className="tag">{t('settings.price.added')}</span>}
          {model.userPrice ? (
            <span className="tag">{t('settings.price.yours')}</span>
          ) : (
            model.price && <span className="tag">{t('settings.price.catalog')}</span>
          )}
        </span>
      </div>
      {!editing && <p className={`price-figures ${p ? '' : 'unknown'}`}>{priceText(p, t, f)}</p>}
      {editing ? (
        <form
          className="price-edit"
          aria-label={t('settings.price.of', { model: model.id })}
          onSubmit={async (e) => {
            e.preventDefault();
            setTouched(true);
            if (check.ok && (await onSave(fields))) setEditing(false);
          }}
        >
          <div className="price-fields">
            {field('prompt', t('settings.price.prompt'), '0.60')}
            {field('completion', t('settings.price.completion'), '1.80')}
            {field('cachedRead', t('settings.price.cachedRead'), t('settings.price.optional'))}
            {field('recorded', t('settings.price.recorded'), 'YYYY-MM-DD')}
          </div>
          <p className="muted small">{t('settings.price.unit')}</p>
          {touched && !check.ok && (
            <p className="form-error" role="alert">
              {check.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('settings.price.save')}
            </button>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              {t('settings.price.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {/* The accessible name starts with the visible words, so voice control ("click Enter price") finds it. */}
          <button
            type="button"
            onClick={open}
            aria-label={t(p ? 'settings.price.editOf' : 'settings.price.enterOf', { model: model.id })}
          >
            {p ? t('settings.price.edit') : t('settings.price.enter')}
          </button>
          {model.userPrice && (
            <button type="button" className="link" onClick={() => void onSave(null)}>
              {model.catalogPrice ? t('settings.price.reset') : t('settings.price.clear')}
            </button>
          )}
          {model.userAdded && (
            <button
              type="button"
              className="danger-link"
              onClick={() => void onRemove()}
              aria-label={t('settings.price.removeOf', { model: model.id })}
            >
              {t('settings.price.remove')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
