/**
 * A running batch in the tray and on the taskbar (electron/main/batch-progress.ts), fed the host's batch events by
 * hand: what the tray says, where the progress bar stands and in which mode, how often they are redrawn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchCounts, BatchEvent } from '../../../shared/batch/types.ts';
import type { HostEvent } from '../../../shared/bridge/contract.ts';
import { batchStatusText, followBatches } from '../../../electron/main/batch-progress.ts';

const counts = (done: number, total: number, failed = 0): BatchCounts => ({
  total,
  done,
  failed,
  skipped: 0,
  pending: total - done - failed,
  running: 0,
});

function rig() {
  let listener: ((e: HostEvent) => void) | null = null;
  const status: (string | null)[] = [];
  const bar: { value: number; mode: string | undefined }[] = [];
  let destroyed = false;
  const win = {
    isDestroyed: () => destroyed,
    setProgressBar: (value: number, o?: { mode: string }) => bar.push({ value, mode: o?.mode }),
  };
  const stop = followBatches(
    (l) => {
      listener = l;
      return () => (listener = null);
    },
    { setStatus: (t) => status.push(t), setLanguage() {}, destroy() {} },
    () => win,
  );
  const send = (event: BatchEvent) => listener?.({ channel: 'batch', event });
  return { send, status, bar, stop, close: () => (destroyed = true), subscribed: () => listener !== null };
}

const progress = (batchId: string, c: BatchCounts, spent: number): BatchEvent => ({
  type: 'progress',
  batchId,
  counts: c,
  spent_usd: spent,
  rate_per_s: 1,
  eta_s: null,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('batch progress in the tray and on the taskbar', () => {
  it('says done of total, failures and spend', () => {
    expect(batchStatusText(counts(12, 40), 0.0312)).toBe('Batch 12/40 · $0.0312');
    expect(batchStatusText(counts(38, 40, 2), 1.5)).toBe('Batch 40/40 (2 failed) · $1.50');
    expect(batchStatusText(counts(38, 40, 2), 1.5, 'zh-CN')).toBe('批量 40/40（2 个失败）· $1.50');
  });

  it('shows the start at once, redraws progress at most every half second with the latest, and clears at the end', () => {
    const r = rig();
    r.send({ type: 'start', batchId: 'b1', counts: counts(0, 4), resumed: false });
    expect(r.status).toEqual(['Batch 0/4 · $0']);
    expect(r.bar).toEqual([{ value: 0, mode: 'normal' }]);
    r.send(progress('b1', counts(1, 4), 0.01));
    r.send(progress('b1', counts(2, 4), 0.02));
    // Not yet: two files ended within the same half second are one redraw.
    expect(r.status).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(r.status.at(-1)).toBe('Batch 2/4 · $0.0200');
    expect(r.bar.at(-1)).toEqual({ value: 0.5, mode: 'normal' });
    r.send({ type: 'stopping', batchId: 'b1', reason: 'interrupted' });
    expect(r.bar.at(-1)).toEqual({ value: 0.5, mode: 'paused' });
    r.send(progress('b1', counts(3, 4), 0.03));
    r.send({ type: 'end', batchId: 'b1', counts: counts(3, 4), spent_usd: 0.03, status: 'stopped', reason: 'interrupted' });
    expect(r.status.at(-1)).toBeNull();
    expect(r.bar.at(-1)).toEqual({ value: -1, mode: 'none' });
    // The pending redraw was dropped with the end: nothing shows a finished batch as running.
    const drawn = r.status.length;
    vi.advanceTimersByTime(1000);
    expect(r.status).toHaveLength(drawn);
  });

  it('sums two batches, marks failures in the bar, and ignores chat events and a closed window', () => {
    const r = rig();
    r.send({ type: 'start', batchId: 'a', counts: counts(0, 2), resumed: false });
    r.send({ type: 'start', batchId: 'b', counts: counts(1, 2), resumed: true });
    expect(r.status.at(-1)).toBe('Batch 1/4 · $0');
    r.send(progress('a', counts(1, 2, 1), 0.5));
    vi.advanceTimersByTime(500);
    expect(r.status.at(-1)).toBe('Batch 3/4 (1 failed) · $0.5000');
    expect(r.bar.at(-1)).toEqual({ value: 0.75, mode: 'error' });
    const bars = r.bar.length;
    r.close();
    r.send({ type: 'end', batchId: 'a', counts: counts(1, 2, 1), spent_usd: 0.5, status: 'done', reason: null });
    expect(r.status.at(-1)).toBe('Batch 1/2 · $0');
    expect(r.bar).toHaveLength(bars);
    r.stop();
    expect(r.subscribed()).toBe(false);
  });
});
