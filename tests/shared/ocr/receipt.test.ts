import { describe, expect, it } from 'vitest';
import { checkReceipt } from '../../../shared/ocr/receipt.ts';

const good = {
  merchant: 'Café',
  date: '2026-11-14',
  currency: 'EUR',
  items: [{ description: 'Tea', quantity: 2, unit_price: 1.5, total: 3 }],
  subtotal: 3,
  tax: 0,
  total: 3,
};

describe('checkReceipt', () => {
  it('accepts a valid receipt in a json fence', () => {
    const r = checkReceipt(`Here:\n\n\`\`\`json\n${JSON.stringify(good)}\n\`\`\``);
    expect(r).toMatchObject({ kind: 'ok', mismatch: null, receipt: { merchant: 'Café' } });
  });
  it('says which field is wrong', () => {
    const bad = { ...good, items: [{ ...good.items[0], total: 'three' }] };
    const r = checkReceipt(JSON.stringify(bad));
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.issues[0]).toMatch(/^items\.0\.total: /);
  });
  it('reports broken JSON and a total that does not add up', () => {
    expect(checkReceipt('```json\n{"items": [\n```').kind).toBe('invalid-json');
    expect(checkReceipt(JSON.stringify({ ...good, total: 5 }))).toMatchObject({
      kind: 'ok',
      mismatch: expect.stringContaining('add up to 3.00'),
    });
    expect(checkReceipt('no json here').kind).toBe('none');
  });
});
