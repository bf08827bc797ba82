/**
 * Runs an action at most once per interval while something keeps asking for it: the first `poke` after a run
 * arms a timer and later pokes wait for it. The observers use it to save a streaming answer without writing
 * on every delta. The interval may be a function, read as each timer is armed (a save spaced by what it writes).
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly ms: number | (() => number);
  private readonly run: () => void;
  constructor(ms: number | (() => number), run: () => void) {
    this.ms = ms;
    this.run = run;
  }

  poke(): void {
    this.timer ??= setTimeout(
      () => {
        this.timer = null;
        this.run();
      },
      typeof this.ms === 'function' ? this.ms() : this.ms,
    );
  }

  /** Drops a pending run: the request ended or restarted, so what it would save is already stale. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
