import { useMemo } from 'react';
import { checkReceipt } from '../../../shared/ocr/receipt.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { receiptPromptStarts } from '../composer/presets.ts';

/**
 * The receipt JSON of an answer as a table, checked against the schema. Shown for the receipt preset's answers
 * (with the schema's complaints when the JSON does not fit), and for any answer whose JSON is a valid receipt.
 */
export function ReceiptView({ text, prompt }: { text: string; prompt: string }) {
  const { t } = useTranslation();
  const f = useFigures();
  // Amounts in the receipt's own currency, which may not be dollars: a plain decimal, never a currency sign.
  const money = (v: number | null | undefined) => (v == null ? '' : f.decimal(v, 2));
  const asked = receiptPromptStarts().some((s) => prompt.startsWith(s));
  const check = useMemo(() => checkReceipt(text), [text]);
  if (check.kind === 'ok') {
    const r = check.receipt;
    return (
      <section className="receipt" aria-label={t('receipt.label')}>
        <header>
          <strong>{r.merchant ?? t('receipt.label')}</strong>
          {r.date && <span>{r.date}</span>}
          {r.currency && <span>{r.currency}</span>}
          <span className="receipt-valid">{t('receipt.valid')}</span>
        </header>
        <table>
          <thead>
            <tr>
              <th>{t('receipt.description')}</th>
              <th>{t('receipt.qty')}</th>
              <th>{t('receipt.unitPrice')}</th>
              <th>{t('receipt.total')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((it, i) => (
              <tr key={i}>
                <td>{it.description}</td>
                <td>{it.quantity ?? ''}</td>
                <td>{money(it.unit_price)}</td>
                <td>{money(it.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {r.subtotal != null && (
              <tr>
                <td colSpan={3}>{t('receipt.subtotal')}</td>
                <td>{money(r.subtotal)}</td>
              </tr>
            )}
            {r.tax != null && (
              <tr>
                <td colSpan={3}>{t('receipt.tax')}</td>
                <td>{money(r.tax)}</td>
              </tr>
            )}
            <tr>
              <th colSpan={3}>{t('receipt.total')}</th>
              <th>{money(r.total)}</th>
            </tr>
          </tfoot>
        </table>
        {check.mismatch && <p className="receipt-warning">{check.mismatch}</p>}
      </section>
    );
  }
  if (!asked) return null;
  return (
    <section className="receipt receipt-bad" aria-label={t('receipt.label')} role="alert">
      {check.kind === 'none' && <p>{t('receipt.none')}</p>}
      {check.kind === 'invalid-json' && <p>{t('receipt.parse', { message: check.message })}</p>}
      {check.kind === 'invalid' && (
        <>
          <p>{t('receipt.shape')}</p>
          <ul>
            {check.issues.slice(0, 8).map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
