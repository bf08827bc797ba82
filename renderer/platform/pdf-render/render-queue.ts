/**
 * The PDF worker's work, one job at a time, in two lanes: pages to send (and opening or closing a document)
 * first, thumbnails after. A PDF of a few hundred pages queues a thumbnail per page as its cards scroll in; a
 * send that waited behind them all would hold the question for as long. Within a lane, jobs run in the order
 * they came, so a document is opened before any render asked for after it.
 */
export type Lane = 'send' | 'thumbnail';

export class RenderQueue {
  private readonly lanes: Record<Lane, (() => Promise<void>)[]> = { send: [], thumbnail: [] };
  private running = false;

  /** Queues `job`; it starts when the job before it has settled and no job of an earlier lane is waiting. */
  push(lane: Lane, job: () => Promise<void>): void {
    this.lanes[lane].push(job);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        // A job reports its own failure (to the window); one that throws anyway must not stop the queue.
        await job().catch(() => {});
      }
    } finally {
      this.running = false;
    }
  }

  private next(): (() => Promise<void>) | undefined {
    return this.lanes.send.shift() ?? this.lanes.thumbnail.shift();
  }
}
