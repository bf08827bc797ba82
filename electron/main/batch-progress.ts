/**
 * A running batch in the desktop shell: its done/total and spend in the tray (tooltip and menu) and its progress
 * on the taskbar/dock icon (BrowserWindow.setProgressBar), until it ends. Fed by the host's `batch` events; no
 * Electron import, so it is tested with plain stand-ins.
 */
import type { BatchCounts, BatchEvent } from '../../shared/batch/types.ts';
import type { Language } from '../../shared/messages/language.ts';
import { menuLabels } from '../../shared/messages/menu-labels.ts';
import type { HostEvent } from '../../shared/bridge/contract.ts';
import { formatUsd } from '../../shared/format/figures.ts';
import type { GlimpseTray } from './tray.ts';

/** What `followBatches` needs of a window: Electron's BrowserWindow has it. */
export interface ProgressWindow {
  isDestroyed(): boolean;
  setProgressBar(progress: number, options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' }): void;
}

/** A running batch's line in the tray: "Batch 12/40 · $0.03" (failed files counted as finished), in `lang`. */
export function batchStatusText(counts: BatchCounts, spentUsd: number, lang: Language = 'en'): string {
  const finished = counts.done + counts.failed + counts.skipped;
  const { label } = menuLabels(lang);
  const params = { finished, total: counts.total, failed: counts.failed, spent: formatUsd(spentUsd) };
  return label(counts.failed ? 'batchStatusFailed' : 'batchStatus', params);
}

/** Tray and taskbar redraws at most this often: a fast batch ends 20 files a second. */
const REDRAW_MS = 500;

/**
 * Shows running batches in the tray and on the taskbar/dock icon until each ends. Several batches at once are
 * summed. Progress is redrawn at most every REDRAW_MS (the last state always lands); the end clears both.
 */
export function followBatches(
  subscribe: (listener: (e: HostEvent) => void) => () => void,
  tray: GlimpseTray | null,
  window: () => ProgressWindow | null,
  /** The language the tray speaks (the window's). */
  language: () => Language = () => 'en',
): () => void {
  const live = new Map<string, { counts: BatchCounts; spent: number; stopping: boolean }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shown = false;
  const draw = () => {
    timer = null;
    const w = window();
    const win = w && !w.isDestroyed() ? w : null;
    if (live.size === 0) {
      if (!shown) return;
      shown = false;
      tray?.setStatus(null);
      win?.setProgressBar(-1, { mode: 'none' });
      return;
    }
    shown = true;
    const sum: BatchCounts = { total: 0, done: 0, failed: 0, skipped: 0, pending: 0, running: 0 };
    let spent = 0;
    let stopping = false;
    for (const b of live.values()) {
      for (const k of Object.keys(sum) as (keyof BatchCounts)[]) sum[k] += b.counts[k];
      spent += b.spent;
      stopping ||= b.stopping;
    }
    tray?.setStatus(batchStatusText(sum, spent, language()));
    const finished = sum.done + sum.failed + sum.skipped;
    const fraction = sum.total > 0 ? finished / sum.total : 0;
    // Paused (yellow on Windows) while stopping: the files in flight finish, nothing new starts.
    win?.setProgressBar(fraction, { mode: stopping ? 'paused' : sum.failed > 0 ? 'error' : 'normal' });
  };
  const schedule = (now: boolean) => {
    if (now) {
      if (timer) clearTimeout(timer);
      draw();
    } else timer ??= setTimeout(draw, REDRAW_MS);
  };
  const onBatch = (e: BatchEvent) => {
    switch (e.type) {
      case 'start':
        live.set(e.batchId, { counts: e.counts, spent: live.get(e.batchId)?.spent ?? 0, stopping: false });
        return schedule(true);
      case 'progress': {
        const b = live.get(e.batchId);
        live.set(e.batchId, { counts: e.counts, spent: e.spent_usd, stopping: b?.stopping ?? false });
        return schedule(false);
      }
      case 'stopping': {
        const b = live.get(e.batchId);
        if (b) b.stopping = true;
        return schedule(true);
      }
      case 'end':
        live.delete(e.batchId);
        return schedule(true);
    }
  };
  const unsubscribe = subscribe((e) => {
    if (e.channel === 'batch') onBatch(e.event);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
