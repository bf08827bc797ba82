/** Parses `glimpse batch` with node:util's parseArgs; errors become usage messages naming the option. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BATCH_PRESETS, batchPreset } from '../../shared/batch/presets.ts';
import type { BatchFormat, BatchSpec, BatchVia } from '../../shared/batch/types.ts';
import { DEFAULT_BUDGET, MAX_BUDGET, MIN_BUDGET } from '../../shared/media/budget.ts';
import { HelpRequested, UsageError } from './args.ts';
import { BATCH_USAGE } from './batch-usage-text.ts';

export const BATCH_HELP = `Usage:
${BATCH_USAGE}

Runs one prompt over a folder of scans, receipts or PDFs: one request per file, priced before it starts,
rate-limit aware and resumable.

Options:
  --in DIR|GLOB       Folders (walked recursively), files or glob patterns ("scans/**/*.png"); repeat, or list
                      more after the options. Files under --out and hidden files are left out.
  --prompt TEXT       The prompt sent with every file.
  --preset NAME       A prompt by name: ${BATCH_PRESETS.map((p) => p.id).join(', ')} (receipt brings its JSON Schema).
  --json-schema FILE  Validate every answer's JSON against this JSON Schema; writes results.csv, one row per file.
  --out DIR           Where results go: NAME.md (or NAME.json), results.jsonl, summary.json, results.csv.
  --provider, --base-url, --model, --api-key, --thinking, --budget, --pages, --pdf-text, --idle-timeout-s
                      As for \`glimpse ask\`.
  --concurrency N     Requests in flight at once (default 4). A 429 slows the whole pool.
  --max-cost USD      Hard stop: no request starts once what this batch spent plus what is in flight could pass it.
  --yes               Start without asking (needed when stdin is not a terminal).
  --format F          md (default; json with a schema), json, csv (results.csv only) or jsonl (results.jsonl only).
  --json              Print events as JSON lines instead of progress.
  --via batch-api     Submit through the provider's batch API (BigModel, Novita; see docs/providers.md).
  --resume ID         Continue a batch; running the same command again does the same.
  --retry-failed      With a resumed batch: try its failed files again.
  --list              List the batches in the data folder.

Exit status: 0 all done, 1 some files failed, 2 usage error, 3 stopped early (--max-cost, a full disk, a refused
key: resumable), 130 interrupted by Ctrl+C (resumable). Ctrl+C once finishes what is in flight; twice cancels it.`;

export interface BatchArgs {
  spec: BatchSpec;
  out: string | null;
  provider: string | null;
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
  yes: boolean;
  json: boolean;
  resume: string | null;
  retryFailed: boolean;
  list: boolean;
  dataDir: string | null;
}

const FORMATS: readonly BatchFormat[] = ['md', 'json', 'csv', 'jsonl'];

export function parseBatch(argv: string[]): BatchArgs {
  const parsed = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          in: { type: 'string', multiple: true, default: [] },
          prompt: { type: 'string' },
          preset: { type: 'string' },
          'json-schema': { type: 'string' },
          out: { type: 'string' },
          provider: { type: 'string' },
          'base-url': { type: 'string' },
          model: { type: 'string' },
          'api-key': { type: 'string' },
          thinking: { type: 'string', default: 'on' },
          budget: { type: 'string' },
          pages: { type: 'string' },
          'pdf-text': { type: 'boolean', default: false },
          'idle-timeout-s': { type: 'string' },
          concurrency: { type: 'string' },
          'max-cost': { type: 'string' },
          yes: { type: 'boolean', short: 'y', default: false },
          format: { type: 'string' },
          json: { type: 'boolean', default: false },
          via: { type: 'string', default: 'chat' },
          resume: { type: 'string' },
          'retry-failed': { type: 'boolean', default: false },
          list: { type: 'boolean', default: false },
          'data-dir': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  const v = parsed.values;
  if (v.help) throw new HelpRequested(BATCH_HELP);
  const num = (name: string, s: string | undefined, min: number, max = Number.POSITIVE_INFINITY) => {
    if (s === undefined) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new UsageError(`--${name} takes a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}.`);
    return n;
  };
  if (v.thinking !== 'on' && v.thinking !== 'off') throw new UsageError('--thinking takes on or off.');
  if (v.via !== 'chat' && v.via !== 'batch-api') throw new UsageError('--via takes chat or batch-api.');
  if (v.format !== undefined && !FORMATS.includes(v.format as BatchFormat))
    throw new UsageError(`--format takes ${FORMATS.join(', ')}.`);
  const base = {
    out: v.out ?? null,
    provider: v.provider ?? null,
    baseUrl: v['base-url']?.trim().replace(/\/+$/, '') ?? null,
    model: v.model?.trim() || null,
    apiKey: v['api-key'] ?? null,
    yes: v.yes as boolean,
    json: v.json as boolean,
    resume: v.resume ?? null,
    retryFailed: v['retry-failed'] as boolean,
    list: v.list as boolean,
    dataDir: v['data-dir'] ?? null,
  };
  if (base.baseUrl !== null && !/^https?:\/\/\S+$/i.test(base.baseUrl))
    throw new UsageError('--base-url must start with http:// or https://.');
  const inputs = [...(v.in as string[]), ...parsed.positionals];
  const concurrency = num('concurrency', v.concurrency, 1, 64) ?? 4;
  const maxCostUsd = num('max-cost', v['max-cost'], 0);
  const budget = num('budget', v.budget, MIN_BUDGET, MAX_BUDGET) ?? DEFAULT_BUDGET;
  const idleTimeoutS = num('idle-timeout-s', v['idle-timeout-s'], 1);
  const spec: BatchSpec = {
    inputs: inputs.map((i) => (/[*?[\]{}]/.test(i) ? i : resolve(i))),
    prompt: '',
    preset: null,
    provider: '',
    baseUrl: base.baseUrl,
    model: base.model,
    thinking: v.thinking === 'on',
    budget,
    pages: v.pages ?? null,
    pdfText: v['pdf-text'] as boolean,
    schema: null,
    format: (v.format as BatchFormat | undefined) ?? 'md',
    concurrency,
    maxCostUsd,
    via: v.via as BatchVia,
    idleTimeoutS,
  };
  if (base.list || base.resume) return { ...base, spec };
  if (inputs.length === 0) throw new UsageError('glimpse batch needs --in DIR|GLOB (or --resume ID).');
  if (!base.out) throw new UsageError('glimpse batch needs --out DIR.');
  if ((v.prompt === undefined) === (v.preset === undefined)) throw new UsageError('Give one of --prompt TEXT and --preset NAME.');
  if (v.preset !== undefined) {
    const p = batchPreset(v.preset);
    if (!p) throw new UsageError(`Unknown preset “${v.preset}”. Use one of: ${BATCH_PRESETS.map((x) => x.id).join(', ')}.`);
    spec.prompt = p.prompt;
    spec.preset = p.id;
    if (p.schema) spec.schema = { name: `the ${p.id} preset's schema`, text: p.schema };
  } else {
    spec.prompt = (v.prompt as string).trim();
    if (!spec.prompt) throw new UsageError('--prompt is empty.');
  }
  if (v['json-schema'] !== undefined) {
    const file = v['json-schema'];
    try {
      spec.schema = { name: basename(file), text: readFileSync(file, 'utf8') };
    } catch (e) {
      throw new UsageError(`Cannot read --json-schema ${file} (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
    }
  }
  if (spec.schema && v.format === undefined) spec.format = 'json';
  return { ...base, spec };
}
