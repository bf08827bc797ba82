/**
 * Merges consecutive text deltas so a fast stream crosses the bridge as a few messages per frame instead of one
 * per token. A throttle with a leading edge: a delta after a quiet spell goes out at once (a slow provider's
 * tokens are not held back 16 ms each), later ones within the interval are merged into one trailing message.
 * Non-delta events flush what is pending first, so order is kept.
 */
import type { ChatEvent } from './types.ts';

export class DeltaCoalescer {
  private reasoning = '';
  private content = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private readonly emit: (e: ChatEvent) => void;
  private readonly intervalMs: number;

  constructor(emit: (e: ChatEvent) => void, intervalMs = 16) {
    this.emit = emit;
    this.intervalMs = intervalMs;
  }

  push(e: ChatEvent): void {
    if (e.type === 'delta') {
      this.reasoning += e.reasoning ?? '';
      this.content += e.content ?? '';
      if (this.timer) return;
      const wait = this.lastEmitAt + this.intervalMs - Date.now();
      if (wait <= 0) this.flush();
      else this.timer = setTimeout(() => this.flush(), wait);
      return;
    }
    this.flush();
    this.emit(e);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.reasoning && !this.content) return;
    const e: ChatEvent = { type: 'delta' };
    if (this.reasoning) e.reasoning = this.reasoning;
    if (this.content) e.content = this.content;
    this.reasoning = '';
    this.content = '';
    this.lastEmitAt = Date.now();
    this.emit(e);
  }
}
