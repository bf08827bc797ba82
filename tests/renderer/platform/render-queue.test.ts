import { describe, expect, it } from 'vitest';
import { RenderQueue, type Lane } from '../../../renderer/platform/pdf-render/render-queue.ts';

/** A job that records when it starts and finishes only when the test lets it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('RenderQueue', () => {
  it('runs a page to send before thumbnails queued earlier, one job at a time', async () => {
    const q = new RenderQueue();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const first = gate();
    const job = (name: string, wait?: Promise<void>) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(name);
      await wait;
      running--;
    };
    // Thumbnail 1 is running; five more wait when the send arrives.
    q.push('thumbnail', job('thumb 1', first.opened));
    for (let i = 2; i <= 6; i++) q.push('thumbnail', job(`thumb ${i}`));
    const sent = gate();
    q.push('send', async () => {
      await job('send page 3')();
      sent.open();
    });
    first.open();
    await sent.opened;
    expect(order).toEqual(['thumb 1', 'send page 3']);
    // The thumbnails then run in the order they were asked for.
    const last = gate();
    q.push('thumbnail', async () => last.open());
    await last.opened;
    expect(order).toEqual(['thumb 1', 'send page 3', 'thumb 2', 'thumb 3', 'thumb 4', 'thumb 5', 'thumb 6']);
    expect(most).toBe(1);
  });

  it('keeps the order within a lane (an open before the sends asked for after it) and survives a failing job', async () => {
    const q = new RenderQueue();
    const order: string[] = [];
    const done = gate();
    const push = (lane: Lane, name: string, fail = false) =>
      q.push(lane, async () => {
        order.push(name);
        if (fail) throw new Error('boom');
      });
    const hold = gate();
    q.push('thumbnail', () => hold.opened);
    push('thumbnail', 'thumb a');
    push('send', 'open doc');
    push('send', 'send page 1', true);
    push('send', 'send page 2');
    push('thumbnail', 'thumb b');
    q.push('thumbnail', async () => done.open());
    hold.open();
    await done.opened;
    expect(order).toEqual(['open doc', 'send page 1', 'send page 2', 'thumb a', 'thumb b']);
  });
});
