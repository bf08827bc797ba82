/**
 * What a batch writes to its out folder. Every file is written whole or not at all (a temp file beside it, then
 * a rename), so a kill or a full disk never leaves half a result; results.jsonl grows by one line per file while
 * the batch runs and is rewritten from the database, with summary.json and the CSV, whenever the batch stops.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchFormat, BatchResultLine } from '../../../shared/batch/types.ts';
import { answerText } from '../../../shared/grounding/parse-answer.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';

/** The file operations a batch uses, injectable so a test can make the disk "fill up". */
export interface OutFs {
  writeFile(path: string, data: string): void;
  /** Writes the lines one by one (a file of 10,000 results is never one string in memory). */
  writeLines(path: string, lines: Iterable<string>): void;
  rename(from: string, to: string): void;
  append(path: string, data: string): void;
  remove(path: string): void;
}

export const realOutFs: OutFs = {
  writeFile: (p, d) => writeFileSync(p, d),
  writeLines: (p, lines) => {
    const fd = openSync(p, 'w');
    try {
      for (const l of lines) writeSync(fd, l);
    } finally {
      closeSync(fd);
    }
  },
  rename: (a, b) => renameSync(a, b),
  append: (p, d) => appendFileSync(p, d),
  remove: (p) => rmSync(p, { force: true }),
};

/** Errors that mean "the out folder cannot take more": the batch stops cleanly and can be resumed. */
export function isStorageFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  const msg = e instanceof Error ? e.message : '';
  return (
    ['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM'].includes(code) ||
    /SQLITE_FULL|disk is full|database or disk is full/i.test(msg)
  );
}

/** Refuses an out folder that cannot be created or written, before any request is sent. */
export function checkOutDir(outDir: string): void {
  const probe = join(outDir, `.glimpse-write-test-${process.pid}`);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new BadInputError(hostMessage('batch.out-unwritable', { dir: outDir, reason: code }));
  }
}

export class BatchOutputs {
  private readonly dir: string;
  private readonly fs: OutFs;
  constructor(dir: string, fs: OutFs = realOutFs) {
    this.dir = dir;
    this.fs = fs;
  }

  /** Writes `data` to `name` in the out folder atomically: a temp file, then a rename over the old one. */
  writeAtomic(name: string, data: string | Iterable<string>): void {
    const target = join(this.dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      if (typeof data === 'string') this.fs.writeFile(tmp, data);
      else this.fs.writeLines(tmp, data);
      this.fs.rename(tmp, target);
    } catch (e) {
      try {
        this.fs.remove(tmp);
      } catch {
        // The temp file may not exist; the write's own error is the one to report.
      }
      throw e;
    }
  }

  /** The per-file output (NAME.md or NAME.json); `jsonl` and `csv` formats write only the summary files. */
  writeFileResult(name: string, line: BatchResultLine, format: BatchFormat, schema: boolean): string | null {
    if (line.status !== 'done') return null;
    if (format === 'md' && !schema) {
      this.writeAtomic(`${name}.md`, `${answerText(line.answer).trim()}\n`);
      return `${name}.md`;
    }
    if (format === 'md' || format === 'json') {
      // With a schema the answer's JSON is the result; without, the whole line (answer, boxes, usage...).
      this.writeAtomic(`${name}.json`, `${JSON.stringify(schema && line.json !== undefined ? line.json : line, null, 2)}\n`);
      return `${name}.json`;
    }
    return null;
  }

  /** Appends one line of results.jsonl: `json` is the file's BatchResultLine as JSON. */
  appendResult(json: string): void {
    this.fs.append(join(this.dir, 'results.jsonl'), `${json}\n`);
  }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading = + - @ is prefixed so a spreadsheet never runs a model's text as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV's header: file facts, then one column per top-level schema property. */
export function csvHeader(columns: readonly string[]): string {
  return `${['file', 'status', ...columns, 'valid', 'validation_errors', 'prompt_tokens', 'completion_tokens', 'cost_usd', 'total_ms', 'error'].map(cell).join(',')}\r\n`;
}

/** One row per file: a folder of receipts becomes one spreadsheet. */
export function csvRow(line: BatchResultLine, columns: readonly string[]): string {
  const obj =
    line.json && typeof line.json === 'object' && !Array.isArray(line.json) ? (line.json as Record<string, unknown>) : {};
  const cells = [
    line.file,
    line.status,
    ...columns.map((c) => obj[c]),
    line.valid === undefined ? '' : line.valid,
    line.validation_errors?.join('; ') ?? '',
    line.usage.prompt_tokens,
    line.usage.completion_tokens,
    line.cost.usd,
    line.timings.total_ms,
    line.error?.message ?? '',
  ];
  return `${cells.map(cell).join(',')}\r\n`;
}
