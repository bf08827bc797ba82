/**
 * How `glimpse batch` reports while it runs: a progress bar redrawn in place on a terminal (done / failed / left,
 * spend, rate, ETA), one line per file otherwise (a log file reads well), or every event as a JSON line.
 */
import type { BatchEvent } from '../../shared/batch/types.ts';
import { formatSeconds, formatUsd } from '../../shared/format/figures.ts';
import { terminalSafe } from '../../shared/text/terminal-safe.ts';
import type { Io } from './ask.ts';

export type ProgressMode = 'bar' | 'lines' | 'json';

const BAR = 24;
const REDRAW_MS = 100;

function duration(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '…';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

/**
 * Returns the event sink and a `close` that ends the bar's line. `bar` writes through `raw` (the terminal
 * itself: the bar's carriage return and erase-line are the CLI's own, and the file names in it are made safe).
 */
export function progressReporter(
  mode: ProgressMode,
  io: Io,
  raw: (s: string) => void,
  root: string | null,
): { onEvent: (e: BatchEvent) => void; close: () => void } {
  const short = (file: string) => terminalSafe(root && file.startsWith(root) ? file.slice(root.length + 1) : file);
  let drawnAt = 0;
  let drawn = false;
  let last: Extract<BatchEvent, { type: 'progress' }> | null = null;
  const draw = (force = false) => {
    if (!last || (!force && Date.now() - drawnAt < REDRAW_MS)) return;
    drawnAt = Date.now();
    const c = last.counts;
    const finished = c.done + c.failed + c.skipped;
    const filled = c.total ? Math.round((finished / c.total) * BAR) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
    const left = c.pending + c.running;
    raw(
      `\r\x1b[K[${bar}] ${finished}/${c.total}  done ${c.done} · failed ${c.failed} · left ${left} · ${formatUsd(last.spent_usd)} · ${last.rate_per_s.toFixed(1)} files/s · ETA ${duration(last.eta_s)}`,
    );
    drawn = true;
  };
  const above = (line: string) => {
    // A message printed while the bar is up goes above it: erase the bar, print, redraw.
    if (drawn) raw('\r\x1b[K');
    io.err(`${line}\n`);
    if (drawn) draw(true);
  };
  const onEvent = (e: BatchEvent) => {
    if (mode === 'json') {
      io.out(`${JSON.stringify(e)}\n`, 'json');
      return;
    }
    switch (e.type) {
      case 'progress':
        last = e;
        if (mode === 'bar') draw();
        return;
      case 'file-end': {
        const what = e.status === 'done' ? 'done  ' : 'FAILED';
        const detail = e.error ? `  ${e.error}` : `  ${formatSeconds(e.total_ms)}  ${formatUsd(e.cost_usd)}`;
        if (mode === 'lines') io.err(`${what} ${short(e.file)}${detail}\n`);
        else if (e.status !== 'done') above(`failed: ${short(e.file)}: ${e.error ?? ''}`);
        return;
      }
      case 'retry':
        if (mode === 'lines') io.err(`retry  ${short(e.file)} in ${formatSeconds(e.delayMs)}: ${e.reason}\n`);
        return;
      case 'rate':
        if (mode === 'lines')
          io.err(
            `rate limited: pacing at ${e.ratePerS === null ? '—' : e.ratePerS.toFixed(1)} requests/s${e.pausedMs ? `, paused ${formatSeconds(e.pausedMs)}` : ''}\n`,
          );
        return;
      case 'stopping':
        (mode === 'bar' ? above : (s: string) => io.err(`${s}\n`))(`stopping: ${e.reason}`);
        return;
      default:
        return;
    }
  };
  return {
    onEvent,
    close: () => {
      if (mode === 'bar' && drawn) {
        draw(true);
        raw('\n');
      }
    },
  };
}
