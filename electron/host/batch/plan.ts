/**
 * Before any request: which files the inputs hold, what each costs in prompt tokens, and what is skipped or
 * failed and why. Folders are walked, glob patterns expanded (node:fs glob), every file is read once to hash it
 * (the resume key) and identify it by its bytes. PDFs are opened to count pages; nothing is rendered yet.
 */
import { createHash } from 'node:crypto';
import { globSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { filePromptTokens } from '../../../shared/batch/estimate.ts';
import type { BatchSpec } from '../../../shared/batch/types.ts';
import { estimateTextTokens } from '../../../shared/engine/pricing.ts';
import { fitToBudget } from '../../../shared/media/budget.ts';
import { pagesThatFit } from '../../../shared/media/estimate.ts';
import { pageFit, parsePageRange } from '../../../shared/media/pages.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import { openPdf } from '../media/pdf-render.ts';
import { sniff } from '../media/sniff.ts';
import type { PlannedItem } from './batch-store.ts';

const GLOB_CHARS = /[*?[\]{}]/;

interface Found {
  path: string;
  /** The output stem: the path under the folder it was found in, separators turned into `__`. */
  stem: string;
}

function stemOf(path: string, root: string | null): string {
  const rel = root ? relative(root, path) : basename(path);
  const noExt = rel.slice(0, rel.length - extname(rel).length) || rel;
  return noExt
    .split(sep)
    .join('__')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_');
}

/** Hidden files (.DS_Store), and anything under the output folder (a previous run's results), are never inputs. */
function wanted(path: string, outDir: string): boolean {
  if (basename(path).startsWith('.')) return false;
  const rel = relative(outDir, path);
  return rel.startsWith('..') || isAbsolute(rel);
}

/** Expands folders and glob patterns into files, sorted and without duplicates. A missing input is refused. */
export function findFiles(inputs: readonly string[], outDir: string): Found[] {
  const seen = new Map<string, Found>();
  const add = (path: string, root: string | null) => {
    const abs = resolve(path);
    if (!seen.has(abs) && wanted(abs, outDir)) seen.set(abs, { path: abs, stem: stemOf(abs, root) });
  };
  for (const input of inputs) {
    let st: ReturnType<typeof statSync> | null = null;
    try {
      st = statSync(input);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const root = resolve(input);
      // A link is listed too: one that leads nowhere becomes a failed file with its reason, not a silent gap.
      for (const e of readdirSync(root, { recursive: true, withFileTypes: true }))
        if (e.isFile() || e.isSymbolicLink()) add(resolve(e.parentPath, e.name), root);
    } else if (st) {
      add(input, null);
    } else if (GLOB_CHARS.test(input)) {
      const hits = globSync(input);
      if (hits.length === 0) throw new BadInputError(hostMessage('batch.no-glob-match', { input }));
      for (const h of hits) if (!statSync(h, { throwIfNoEntry: false })?.isDirectory()) add(h, null);
    } else {
      throw new BadInputError(hostMessage('batch.input-missing', { input }));
    }
  }
  return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads, hashes and classifies one file; PDFs are opened to count the pages that will be sent. */
export async function planFile(
  f: Found,
  spec: Pick<BatchSpec, 'budget' | 'pages' | 'prompt'>,
  contextTokens: number | null,
): Promise<PlannedItem> {
  const base = { path: f.path, name: f.stem, kind: 'unknown', pages: 1, content_hash: null, est_prompt_tokens: 0, error: null };
  let bytes: Buffer;
  try {
    bytes = readFileSync(f.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ...base, status: 'failed', error: `Cannot read ${f.path} (${code}).` };
  }
  const content_hash = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return { ...base, content_hash, status: 'skipped', error: 'empty file' };
  const kind = sniff(new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)));
  if (!kind) return { ...base, content_hash, status: 'skipped', error: 'not an image or PDF' };
  if (kind.kind === 'image') {
    // Counted at the budget: every scan larger than it is sized down to exactly it (fitToBudget); only images
    // already smaller cost less, so this is the upper end. The header is not parsed here, outside the decoder.
    const { tokens } = fitToBudget(100_000, 100_000, spec.budget);
    return {
      ...base,
      kind: 'image',
      content_hash,
      status: 'pending',
      est_prompt_tokens: filePromptTokens(tokens, 1, spec.prompt),
    };
  }
  if (kind.kind !== 'pdf')
    return { ...base, kind: kind.kind, content_hash, status: 'skipped', error: `a ${kind.kind}: a batch sends images and PDFs` };
  return planPdf({ ...base, content_hash }, bytes, spec, contextTokens);
}

async function planPdf(
  base: Omit<PlannedItem, 'status'>,
  bytes: Buffer,
  spec: Pick<BatchSpec, 'budget' | 'pages' | 'prompt'>,
  contextTokens: number | null,
): Promise<PlannedItem> {
  let pdf: Awaited<ReturnType<typeof openPdf>>;
  try {
    pdf = await openPdf(new Uint8Array(bytes), { name: basename(base.path) });
  } catch (e) {
    return { ...base, kind: 'pdf', status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
  try {
    const picked = parsePageRange(spec.pages ?? 'all', pdf.pageCount);
    if (!picked.ok) return { ...base, kind: 'pdf', status: 'skipped', error: picked.message };
    const tokens: number[] = [];
    for (const n of picked.pages) {
      const size = await pdf.pageSize(n);
      tokens.push(pageFit(size.width, size.height, spec.budget).tokens);
    }
    const visual = tokens.reduce((a, b) => a + b, 0);
    const est = filePromptTokens(visual, picked.pages.length, spec.prompt);
    if (contextTokens && pagesThatFit(tokens, contextTokens, estimateTextTokens(spec.prompt)) < tokens.length)
      return {
        ...base,
        kind: 'pdf',
        pages: picked.pages.length,
        est_prompt_tokens: est,
        status: 'skipped',
        error: `${picked.pages.length} pages, about ${est.toLocaleString('en-US')} tokens: past the model's ${contextTokens.toLocaleString('en-US')}-token context (use --pages or a lower --budget)`,
      };
    return { ...base, kind: 'pdf', pages: picked.pages.length, est_prompt_tokens: est, status: 'pending' };
  } finally {
    await pdf.close();
  }
}

/** Plans every file of the inputs. Sequential on purpose: one file's bytes in memory at a time. */
export async function planInputs(
  spec: Pick<BatchSpec, 'inputs' | 'budget' | 'pages' | 'prompt'>,
  outDir: string,
  contextTokens: number | null,
): Promise<PlannedItem[]> {
  const out: PlannedItem[] = [];
  for (const f of findFiles(spec.inputs, outDir)) out.push(await planFile(f, spec, contextTokens));
  return out;
}
