/**
 * How much new answer text a frame can take in, learned from what taking it in cost. A burst (a fast provider, a
 * reopened session) is shown in slices; a fixed slice was either too big on a slow or busy machine (a frame of
 * 40 ms on a cold page) or too small on a fast one (a burst drained slower than the frames allowed). Here each
 * slice's render, commit and layout is timed, and the next slice is what that rate says fits the budget.
 */

/**
 * Main-thread time a slice may cost: React's render and commit and the layout of the new text (laying text out
 * costs as much as rendering it, in Chromium traces of a 50k-token burst). Paint and the rest of the frame fit
 * in what is left of 16.7 ms.
 */
export const INTAKE_BUDGET_MS = 8;
/**
 * The budget while a backlog waits (more text has arrived than one slice at INTAKE_BUDGET_MS takes). A 50k-token
 * burst then drained at the 8 KB floor a frame, ~40 frames of ~28 ms, while the main thread sat idle two thirds of
 * the time (the frame's length was the compositor's on a busy 2-core machine, not this work): taking more per
 * frame is what drains it at the speed the frames allow. 20 ms keeps the task that renders a slice far under the
 * 50 ms of a long task, with its layout included.
 */
export const CATCH_UP_BUDGET_MS = 20;
/** The first slice, before anything is measured: half the fixed slice this replaced (a page's first render runs cold). */
export const FIRST_SLICE = 8_000;
/**
 * Bounds on a slice: one frame never takes a whole long answer at once, and a burst drains at 8 KB a frame at
 * least. Time is measured as wall time, which a loaded machine stretches several times over: without a floor a
 * 60 KB answer took 30 frames there instead of 4.
 */
export const MIN_SLICE = 8_000;
/**
 * The floor while a backlog waits: wall time on a loaded machine reads every character as dear, and at the normal
 * floor a 330 KB burst took ~50 frames there. Twice the normal floor is still a fraction of a long task's CPU
 * (plain text renders and lays out at well under 1 ms a KB).
 */
export const CATCH_UP_MIN_SLICE = 16_000;
export const MAX_SLICE = 64_000;
/** Renders that take in less text than this measure the fixed cost of a render, not the cost of a character. */
export const MIN_MEASURED = 1_000;
/** How much of the old value a new measurement leaves: rates rise at once and fall slowly. */
const KEEP = 0.7;

/**
 * A render costs a fixed part (walking the answer's components, whatever arrived) plus a part per new character.
 * Both are learned: the fixed part from renders that took in little text, the rate from the rest. A slice gets
 * the budget left after the fixed part (at least half of it): sizing by the total cost per character instead
 * would read a slow fixed part (a busy machine) as dear characters, shrink the slice, and so make the fixed part
 * weigh more still, until a burst drained a few hundred characters a frame.
 */
export class IntakePace {
  private fixedMs: number | null = null;
  private msPerChar: number | null = null;
  /** The size of the last slice measured. */
  private measured = FIRST_SLICE;
  private readonly budgetMs: number;
  private readonly catchUpMs: number;

  constructor(budgetMs = INTAKE_BUDGET_MS, catchUpMs = Math.max(budgetMs, CATCH_UP_BUDGET_MS)) {
    this.budgetMs = budgetMs;
    this.catchUpMs = catchUpMs;
  }

  /**
   * Characters to take in this frame, with `backlog` characters waiting to be shown: past what the normal budget
   * takes, a slice gets the catch-up budget.
   */
  slice(backlog = 0): number {
    if (this.msPerChar === null) return FIRST_SLICE;
    const normal = this.fit(this.budgetMs);
    return backlog > normal ? Math.max(CATCH_UP_MIN_SLICE, this.fit(this.catchUpMs)) : normal;
  }

  private fit(budgetMs: number): number {
    const room = Math.max(budgetMs - (this.fixedMs ?? 0), budgetMs / 2);
    const fits = this.msPerChar! > 0 ? room / this.msPerChar! : MAX_SLICE;
    // At most twice the last slice measured: a rate learned on small slices is not trusted for a jump to a large one.
    return Math.round(Math.min(MAX_SLICE, 2 * this.measured, Math.max(MIN_SLICE, fits)));
  }

  /** A render that took in `chars` new characters cost `ms` (render, commit and layout). */
  record(chars: number, ms: number): void {
    if (!(ms >= 0)) return;
    if (chars < MIN_MEASURED) {
      this.fixedMs = this.fixedMs === null ? ms : this.fixedMs * KEEP + ms * (1 - KEEP);
      return;
    }
    // At least half of what the render cost is put down to its text: small renders (a Markdown tail) can cost
    // more than the fixed part of a large one (plain text), and a rate of nearly 0 would take a whole answer.
    const rate = Math.max(ms - (this.fixedMs ?? 0), ms / 2) / chars;
    this.measured = Math.max(chars, MIN_SLICE);
    const was = this.msPerChar;
    this.msPerChar = was === null || rate > was ? rate : was * KEEP + rate * (1 - KEEP);
  }
}

/** One pace for the window's answers: the cost of showing text is a property of this machine and this renderer. */
export const intakePace = new IntakePace();
/** Reasoning is plain text, cheaper per character than an answer (no boxes, no Markdown): a pace of its own. */
export const reasoningPace = new IntakePace();
