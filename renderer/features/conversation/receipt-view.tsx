import { useMemo } from 'react';
import { checkReceipt } from '../../../shared/ocr/receipt.ts';
import { RECEIPT_PROMPT_START } from '../composer/presets.ts';

const money = (v: number | null | undefined) => (v == null ? '' : v.toFixed(2));

/**
 * The receipt JSON of an answer as a table, checked against the schema. Shown for the receipt preset's answers
 * (with the schema's complaints when the JSON does not fit), and for any answer whose JSON is a valid receipt.
 */
export function ReceiptView({ text, prompt }: { text: string; prompt: string }) {
  const asked = prompt.startsWith(RECEIPT_PROMPT_START);
  const check = useMemo(() => checkReceipt(text), [text]);
  if (check.kind === 'ok') {
    const r = check.receipt;
    return (
      <section className="receipt" aria-label="Receipt">
        <header>
          <strong>{r.merchant ?? 'Receipt'}</strong>
          {r.date && <span>{r.date}</span>}
          {r.currency && <span>{r.currency}</span>}
          <span className="receipt-valid">Valid receipt JSON</span>
        </header>
        <table>
          <thead>
            <tr>
              <th>Description</th>
              <th>Qty</th>
              <th>Unit price</th>
              <th>Total</th>
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
                <td colSpan={3}>Subtotal</td>
                <td>{money(r.subtotal)}</td>
              </tr>
            )}
            {r.tax != null && (
              <tr>
                <td colSpan={3}>Tax</td>
                <td>{money(r.tax)}</td>
              </tr>
            )}
            <tr>
              <th colSpan={3}>Total</th>
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
    <section className="receipt receipt-bad" aria-label="Receipt" role="alert">
      {check.kind === 'none' && <p>The answer has no JSON to read as a receipt.</p>}
      {check.kind === 'invalid-json' && <p>The receipt JSON does not parse: {check.message}</p>}
      {check.kind === 'invalid' && (
        <>
          <p>The receipt JSON does not match the expected shape:</p>
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
