/**
 * Merges consecutive text deltas so a fast stream crosses the bridge as a few messages per frame instead of one
 * per token. Non-delta events flush what is pending first, so order is kept.
 */
import type { ChatEvent } from './types.ts';

export class DeltaCoalescer {
  private reasoning = '';
  private content = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
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
      this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
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
    this.emit(e);
  }
}
