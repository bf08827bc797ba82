/**
 * Runs an action at most once per interval while something keeps asking for it: the first `poke` after a run
 * arms a timer and later pokes wait for it. The observers use it to save a streaming answer without writing
 * on every delta.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly ms: number;
  private readonly run: () => void;
  constructor(ms: number, run: () => void) {
    this.ms = ms;
    this.run = run;
  }

  poke(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.ms);
  }

  /** Drops a pending run: the request ended or restarted, so what it would save is already stale. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
