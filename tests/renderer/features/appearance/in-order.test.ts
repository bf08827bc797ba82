import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../../renderer/features/appearance/in-order.ts';

/** A send whose answers are given by hand, recording what was sent and when. */
function manualSend() {
  const sent: string[] = [];
  const answers: { value: string; settle: (ok: boolean) => void }[] = [];
  const send = (value: string) =>
    new Promise<string>((resolve, reject) => {
      sent.push(value);
      answers.push({ value, settle: (ok) => (ok ? resolve(value) : reject(new Error(`refused ${value}`))) });
    });
  return { send, sent, answers };
}
const ticks = () => new Promise((r) => setTimeout(r, 0));

describe('saves one at a time, in the order asked', () => {
  it('sends the second pick only once the first is answered, so the host keeps the last', async () => {
    const m = manualSend();
    const save = inOrder(m.send);
    const first = save('system, dark');
    const second = save('zh-CN, dark');
    await ticks();
    expect(m.sent).toEqual(['system, dark']);
    m.answers[0].settle(true);
    await expect(first).resolves.toBe('system, dark');
    await ticks();
    expect(m.sent).toEqual(['system, dark', 'zh-CN, dark']);
    m.answers[1].settle(true);
    await expect(second).resolves.toBe('zh-CN, dark');
  });

  it('goes on after a refused save, and reports the refusal to its caller only', async () => {
    const m = manualSend();
    const save = inOrder(m.send);
    const first = save('a');
    const second = save('b');
    await ticks();
    m.answers[0].settle(false);
    await expect(first).rejects.toThrow('refused a');
    await ticks();
    expect(m.sent).toEqual(['a', 'b']);
    m.answers[1].settle(true);
    await expect(second).resolves.toBe('b');
  });
});
