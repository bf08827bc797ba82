/** `glimpse ask`: one request through the same host services as the app, streamed or as one JSON object. */
import { makeError } from '../../shared/engine/errors.ts';
import type { ChatEvent, ChatResult } from '../../shared/engine/types.ts';
import { emptyFailedResult } from '../../shared/engine/result.ts';
import { BadInputError } from '../host/bad-input.ts';
import { startHost } from '../host/startup.ts';
import type { AskArgs } from './args.ts';
import { addCliProvider, catalogIdOf, collectAttachments, contextOf } from './cli-inputs.ts';
import { cliJson, summaryLine } from './json-result.ts';
import { writeBoxesOut } from './boxes-out.ts';
import { DeltaCoalescer } from '../../shared/engine/coalesce.ts';
import { GroundingParser } from '../../shared/grounding/parse-answer.ts';
import type { ChatRequest } from '../../shared/bridge/chat.ts';
import { MIN_BUDGET } from '../../shared/media/budget.ts';
import { withoutLineBoxes } from '../../shared/ocr/ocr-result.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { catalogEntry, isLocalOcr } from '../../shared/providers/catalog.ts';
import { checkCliParams } from './param-args.ts';

/**
 * Where the CLI writes. Every text passes through the terminal sanitiser (glimpse.ts): model text and provider
 * errors can carry escape sequences. `dim` asks for dimmed text (the CLI's own styling, added after sanitising);
 * `json` marks a JSON document, escaped rather than altered so it parses to the same value; `csv` keeps CRLF.
 */
export type OutputKind = 'dim' | 'json' | 'csv';

export interface Io {
  out: (s: string, as?: OutputKind) => void;
  err: (s: string, as?: OutputKind) => void;
  /** Whether stdout is a terminal: then reasoning is shown there, dimmed; otherwise it goes to stderr. */
  isTty: boolean;
  /** Whether stderr is a terminal (for dimming what goes there). */
  errIsTty?: boolean;
}

export async function ask(args: AskArgs, io: Io, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<number> {
  // Checked before anything is opened: a typo in --provider is a usage error, not a half-started run.
  catalogIdOf(args);
  const { host, keys } = startHost({ shell: 'cli', door: null, dataDir: args.dataDir, idleTimeoutS: args.idleTimeoutS, env });
  try {
    const ocr = isLocalOcr(catalogIdOf(args));
    // Local OCR's "model" is its language set.
    const provider = addCliProvider(host, keys, ocr ? { ...args, model: args.lang ?? args.model } : args);
    const { providerId, model } = provider;
    // Out of range, or not taken by this provider: refused as a usage error before anything is sent.
    checkCliParams(catalogEntry(provider.catalogId).params, model, args.params);
    const params = Object.keys(args.params).length > 0 ? args.params : undefined;

    const ctrl = new AbortController();
    signal?.addEventListener('abort', () => ctrl.abort(), { once: true });
    // Deltas reach the terminal merged, a few times a frame at most: a fast provider sends one per token, and
    // stripping box tokens rebuilds the answer so far on each, which for a 50,000-token answer took minutes.
    const stream = new DeltaCoalescer(streamer(args, io, ocr));
    let result: ChatResult;
    let boxesOutFailed = false;
    try {
      // Local OCR draws PDF pages itself at 300 dpi: the page images stored for display can be the smallest.
      const files = ocr ? { ...args, budget: MIN_BUDGET } : args;
      const attachments = await collectAttachments(host, files, contextOf(provider));
      const request: ChatRequest = {
        providerId,
        model,
        thinking: args.thinking,
        prompt: args.prompt,
        attachments,
        history: [],
        budget: files.budget ?? undefined,
        ...(params ? { params } : {}),
      };
      if (args.printRequest) {
        // The body exactly as it would go, images included; the key is never part of it.
        const { body } = await host.chat.requestBody(request);
        io.out(`${JSON.stringify(body, null, 2)}\n`, 'json');
        return 0;
      }
      result = await host.chat.run(request, ctrl, (e) => stream.push(e));
      stream.flush();
      if (args.boxesOut) {
        const images = attachments.map((a) => host.attachments.read(a.id).bytes);
        try {
          const written = result.boxes.length ? await writeBoxesOut(args.boxesOut, result.boxes, images) : [];
          io.err(
            written.length
              ? `boxes drawn: ${written.join(', ')}\n`
              : `no boxes in the answer; nothing written to ${args.boxesOut}\n`,
          );
        } catch (e) {
          // The answer is still printed; only the drawing failed (a folder that does not exist, a full disk).
          io.err(`could not write ${args.boxesOut}: ${e instanceof Error ? e.message : String(e)}\n`);
          boxesOutFailed = true;
        }
      }
    } catch (e) {
      if (!(e instanceof BadInputError)) throw e;
      result = emptyFailedResult(makeError('bad-input', e.message));
    }
    if (args.json) io.out(`${JSON.stringify({ ...cliJson(result), ...(await paramsJson(args.params, result)) })}\n`, 'json');
    else {
      if (result.answer || result.reasoning) io.out('\n');
      if (result.error) io.err(`error (${result.error.kind}): ${result.error.message}\n`);
      io.err(summaryLine(result), 'dim');
      io.err('\n');
    }
    if (!result.error) return boxesOutFailed ? 1 : 0;
    return result.error.kind === 'cancelled' ? 130 : 1;
  } finally {
    host.close();
    // Local OCR's worker threads would keep the process alive until they end.
    await host.ocr.close();
  }
}

/**
 * What `--json` adds: the parameters sent and, with a schema, whether the answer follows it. ajv is loaded only
 * then, so a plain ask starts without it.
 */
async function paramsJson(p: SamplingParams, result: ChatResult) {
  const f = p.response_format;
  if (f?.type !== 'json_schema' || result.error) return { params: p };
  const { schemaGuard, problemText } = await import('../host/params/schema-guard.ts');
  const check = await schemaGuard().validate(f.schema, result.answer);
  return { params: p, schema_valid: check.valid, schema_errors: check.errors.map(problemText) };
}

/**
 * Streams deltas to the terminal: reasoning dimmed, a blank line, then the answer. When stdout is a pipe, the
 * reasoning goes to stderr so `glimpse ask ... > answer.md` holds the answer alone.
 */
function streamer(args: AskArgs, io: Io, ocr: boolean): (e: ChatEvent) => void {
  let reasoningOpen = false;
  const toOut = io.isTty;
  // The answer is printed as a person reads it: box tokens and other special tokens are dropped as they stream.
  const grounding = new GroundingParser();
  let raw = '';
  let printed = 0;
  return (e) => {
    if (args.json) return;
    if (e.type === 'retry') {
      io.err(`(${e.reason} Retrying in ${Math.ceil(e.delayMs / 1000)} s.)\n`);
      return;
    }
    if (e.type !== 'delta') return;
    if (e.reasoning) {
      if (toOut) io.out(e.reasoning, 'dim');
      else io.err(e.reasoning, 'dim');
      reasoningOpen = true;
    }
    if (e.content) {
      if (reasoningOpen) (toOut ? io.out : io.err)('\n\n');
      reasoningOpen = false;
      raw += e.content;
      // Local OCR's line boxes are for drawing: the terminal gets the text it read.
      const text = ocr ? withoutLineBoxes(raw) : grounding.update(raw).text;
      io.out(text.slice(printed));
      printed = text.length;
    }
  };
}
