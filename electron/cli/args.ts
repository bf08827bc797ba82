/** Parses `glimpse <command> [options] PROMPT` with node:util's parseArgs; errors become usage messages. */
import { parseArgs } from 'node:util';
import { DEFAULT_BUDGET, MAX_BUDGET, MIN_BUDGET } from '../../shared/media/budget.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { LOCAL_OCR } from '../../shared/providers/catalog.ts';
import { PARAM_HELP, PARAM_OPTIONS, parseParamValues } from './param-args.ts';

export const USAGE = `Usage:
  glimpse ask [--provider zai|bigmodel|openrouter|novita|local-ocr|custom] [--base-url URL] [--model ID]
              [--api-key KEY] [--thinking on|off] [--image FILE]... [--budget TOKENS]
              [--pdf FILE [--pages 2-5] [--pdf-password P] [--pdf-text]] [--lang eng+chi_sim]
              [--idle-timeout-s N] [--data-dir DIR] [--json] [--boxes-out FILE.png]
              [--system TEXT|@FILE] [--temperature N] [--top-p N] [--top-k N] [--max-tokens N]
              [--stop TEXT]... [--seed N] [--response-format text|json] [--json-schema FILE]
              [--param KEY=VALUE]... [--print-request] PROMPT|-
  glimpse COMMAND --help | glimpse --version`;

export const ASK_HELP = `${USAGE}

Asks a vision-language model one question, with the same engine as the Glimpse app.

Options:
  --provider ID       zai (default), bigmodel, openrouter, novita, local-ocr or custom. Settings saved in the
                      app for that provider (model, OpenRouter upstream pinning, prices) apply. local-ocr reads
                      the text of images and PDFs on this computer (Tesseract): no key, no network, no prompt.
  --lang CODES        Local OCR's languages, joined with +: eng (default), chi_sim, eng+chi_sim.
  --base-url URL      Send to this OpenAI-compatible URL instead. Keeps the provider's thinking dialect and
                      prices; without --provider it means a custom server (vLLM, SGLang, LM Studio, Ollama).
  --model ID          Model id (default: the provider's configured model, e.g. glm-4.5v).
  --api-key KEY       Key for this run only. Otherwise: the data dir's key file, then GLIMPSE_API_KEY, then
                      ZAI_API_KEY / BIGMODEL_API_KEY / OPENROUTER_API_KEY / NOVITA_API_KEY. Those go only
                      to the provider's own server: with --base-url elsewhere, give --api-key.
  --thinking on|off   Reason before answering (on, default) or answer directly (off). Sent in the provider's
                      own form every time.
  --image FILE        Attach an image (PNG, JPEG, WebP...); repeat for several. Sized to --budget.
                      \`--image -\` reads one image from standard input (then give the prompt as an argument).
  --budget TOKENS     Visual-token budget per image, ${MIN_BUDGET} to ${MAX_BUDGET} (default ${DEFAULT_BUDGET}).
  --pdf FILE          Attach a PDF: its pages are rendered at --budget and sent as images labelled "page N".
  --pages LIST        Pages of each --pdf to send, e.g. 2-5 or 1,3,7-9 (default: all).
  --pdf-password P    Password of an encrypted --pdf.
  --pdf-text          Also send each page's text layer, after its image.
  --idle-timeout-s N  Give up when the provider sends nothing for N seconds (default 60).
  --data-dir DIR      Data folder (default: GLIMPSE_DATA_DIR, else ~/.glimpse).
  --json              Print one JSON object: answer, reasoning, boxes, usage, cost {usd, source},
                      estimate, finish_reason, timings, error; with local-ocr also ocr {languages, pages}:
                      each page's lines and words with boxes and confidences.
${PARAM_HELP}
  --boxes-out FILE    Write the image with the answer's boxes drawn and numbered (png, jpg or webp by the
                      extension); boxes on a second image go to FILE-image2.png, and so on.

Prompt: the words after the options; \`-\`, or none with standard input piped, reads it from standard input.
Colour: reasoning is dimmed on a terminal; --no-color or NO_COLOR turns that off, FORCE_COLOR turns it on.

Output: without --json the reasoning streams dimmed, then the answer, then a one-line summary on stderr.
When stdout is not a terminal, only the answer goes to stdout (reasoning and summary go to stderr).
Exit status: 0 on success, 1 when the request failed (error set), 2 on a usage error, 130 when interrupted.`;

import { UsageError } from './usage-error.ts';

export { UsageError };

/** Asked for help rather than an answer. */
export class HelpRequested extends Error {}

export interface AskArgs {
  provider: string | null;
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
  thinking: boolean;
  images: string[];
  budget: number | null;
  /** PDFs whose pages are rendered host-side and sent as images, each labelled "page N". */
  pdfs: string[];
  /** Pages of every --pdf, as "2-5,8"; null means all. */
  pages: string | null;
  pdfPassword: string | null;
  /** Also send each page's text layer after its image. */
  pdfText: boolean;
  idleTimeoutS: number | null;
  dataDir: string | null;
  json: boolean;
  /** Where to write the image with the answer's boxes drawn; null: not asked. */
  boxesOut: string | null;
  /** Local OCR's languages (`eng+chi_sim`); null: the provider's configured ones. */
  lang: string | null;
  prompt: string;
  /** The prompt is to be read from standard input (`-`, or none given while stdin is piped). */
  promptFromStdin: boolean;
  /** System prompt and sampling parameters (param-args.ts); empty: the provider's defaults. */
  params: SamplingParams;
  /** Print the request body that would be sent, and send nothing. */
  printRequest: boolean;
}

/** What parsing needs to know of the process: whether standard input is a terminal (else it may hold the prompt). */
export interface ParseContext {
  stdinIsTty: boolean;
}

export function parseAsk(argv: string[], ctx: ParseContext = { stdinIsTty: true }): AskArgs {
  const parsed = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          provider: { type: 'string' },
          'base-url': { type: 'string' },
          model: { type: 'string' },
          'api-key': { type: 'string' },
          thinking: { type: 'string', default: 'on' },
          image: { type: 'string', multiple: true, default: [] },
          budget: { type: 'string' },
          pdf: { type: 'string', multiple: true, default: [] },
          pages: { type: 'string' },
          'pdf-password': { type: 'string' },
          'pdf-text': { type: 'boolean', default: false },
          'idle-timeout-s': { type: 'string' },
          'data-dir': { type: 'string' },
          json: { type: 'boolean', default: false },
          'boxes-out': { type: 'string' },
          lang: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
          ...PARAM_OPTIONS,
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  const v = parsed.values;
  if (v.help) throw new HelpRequested();
  if (v.thinking !== 'on' && v.thinking !== 'off') throw new UsageError('--thinking takes on or off.');
  const num = (name: string, s: string | undefined) => {
    if (s === undefined) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} takes a positive number.`);
    return n;
  };
  const baseUrl = v['base-url']?.trim().replace(/\/+$/, '') ?? null;
  if (baseUrl !== null && !/^https?:\/\/\S+$/i.test(baseUrl))
    throw new UsageError('--base-url must start with http:// or https://.');
  const prompt = parsed.positionals.join(' ').trim();
  const ocr = v.provider === LOCAL_OCR;
  if (v.lang !== undefined && !ocr) throw new UsageError('--lang goes with --provider local-ocr.');
  const images = v.image as string[];
  const imageFromStdin = images.filter((f) => f === '-').length;
  if (imageFromStdin > 1) throw new UsageError('Only one --image can be read from standard input.');
  // Local OCR reads what is printed; it takes no question, so piped input is never taken as one.
  const promptFromStdin = prompt === '-' || (!prompt && !ocr && !ctx.stdinIsTty && imageFromStdin === 0);
  if (promptFromStdin && imageFromStdin)
    throw new UsageError('Standard input holds the image (--image -): give the prompt as an argument.');
  if (!prompt && !promptFromStdin && !ocr)
    throw new UsageError('A prompt is required (as an argument, or - to read it from standard input).');
  const budget = num('budget', v.budget);
  if (budget !== null && (budget < MIN_BUDGET || budget > MAX_BUDGET)) {
    throw new UsageError(`--budget takes ${MIN_BUDGET} to ${MAX_BUDGET} visual tokens per image.`);
  }
  const pdfs = v.pdf as string[];
  if (pdfs.length === 0 && (v.pages !== undefined || v['pdf-password'] !== undefined))
    throw new UsageError('--pages and --pdf-password go with --pdf FILE.');
  return {
    provider: v.provider ?? null,
    baseUrl,
    model: v.model?.trim() || null,
    apiKey: v['api-key'] ?? null,
    thinking: v.thinking === 'on',
    images,
    budget,
    pdfs,
    pages: v.pages ?? null,
    pdfPassword: v['pdf-password'] ?? null,
    pdfText: v['pdf-text'] as boolean,
    idleTimeoutS: num('idle-timeout-s', v['idle-timeout-s']),
    dataDir: v['data-dir'] ?? null,
    json: v.json as boolean,
    boxesOut: v['boxes-out'] ?? null,
    lang: v.lang?.trim() || null,
    prompt: promptFromStdin ? '' : prompt,
    promptFromStdin,
    ...parseParamValues(v),
  };
}
