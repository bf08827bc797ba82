/**
 * V8's heap tuning for `glimpse batch`, set as the command starts, before any file is read.
 *
 * A batch is hours of the same small job: each file leaves a few hundred KB of garbage (the HTTP request and its
 * stream, the SSE decoding, SQLite rows, the progress line) and almost nothing live (about 20 MB after a full
 * collection, at 200 files or at 2,000). V8's defaults are for short bursts: they let the heap grow with the bytes
 * that survive each young collection and do not shrink it while work keeps coming, so a 2,000-file batch ended
 * with a heap sized 180 MB around 40 MB in use, and the CLI's RSS grew by 120 MB between 200 and 2,000 files.
 * `--optimize-for-size` makes V8 size the heap to what is live and collect sooner instead. Measured on that
 * batch (npm run bench:batch): the CLI's peak RSS 252 -> 118 MB with the same wall time; about 10% more CPU in
 * the CLI, which at 20 files a second is a second or two per 100 s. Set here, not by the launcher, so `glimpse`
 * stays one process: V8 reads this flag at each heap-sizing decision, so setting it at start-up works (measured,
 * as above); `ask` and `compare` are short and keep V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneHeapForBatch(): void {
  setFlagsFromString('--optimize-for-size');
}
