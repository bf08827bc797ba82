/** `glimpse ask`: one request through the same host services as the app, streamed or as one JSON object. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AttachmentRef } from '../../shared/bridge/chat.ts';
import { makeError } from '../../shared/engine/errors.ts';
import { DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import type { ChatEvent, ChatResult } from '../../shared/engine/types.ts';
import { emptyUsage } from '../../shared/engine/types.ts';
import { CATALOG, catalogEntry } from '../../shared/providers/catalog.ts';
import { BadInputError } from '../host/bad-input.ts';
import { resolveDataDir } from '../host/data-dir.ts';
import { createHost } from '../host/host.ts';
import { attachPdfPages } from '../host/media/pdf-attach.ts';
import { FileKeyStore } from '../host/key-store.ts';
import type { AskArgs } from './args.ts';
import { UsageError } from './args.ts';
import { cliJson, summaryLine } from './json-result.ts';
import { writeBoxesOut } from './boxes-out.ts';
import { GroundingParser } from '../../shared/grounding/parse-answer.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal: then reasoning is shown there, dimmed; otherwise it goes to stderr. */
  isTty: boolean;
  /** Whether stderr is a terminal (for dimming what goes there). */
  errIsTty?: boolean;
}

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export async function ask(args: AskArgs, io: Io, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<number> {
  const providerId = args.provider ?? (args.baseUrl ? 'custom' : 'zai');
  if (!CATALOG.some((e) => e.id === providerId)) throw new UsageError(`Unknown provider “${providerId}”. Use one of: ${CATALOG.map((e) => e.id).join(', ')}.`);
  const entry = catalogEntry(providerId);

  const dataDir = resolveDataDir(args.dataDir ?? undefined);
  const keys = new FileKeyStore(dataDir);
  const host = createHost({ dataDir, keys, shell: 'browser', env, idleTimeoutMs: args.idleTimeoutS ? args.idleTimeoutS * 1000 : undefined });
  try {
    // What the person configured in the app for this provider (seeded under the catalog id) is the default.
    const stored = entry.userUrl ? null : host.providers.get(providerId);
    const baseUrl = args.baseUrl ?? stored?.baseUrl ?? entry.baseUrl;
    const model = args.model ?? stored?.model ?? entry.models[0]?.id;
    if (!model) throw new UsageError('--model is required for a custom server (the id the server serves, e.g. glm-4.5v).');
    const provider = host.providers.addTransient(
      { id: `cli-${providerId}`, catalogId: providerId, name: entry.name, baseUrl, model, upstream: stored?.upstream ?? [] },
      args.apiKey ?? keys.get(providerId),
    );

    const ctrl = new AbortController();
    signal?.addEventListener('abort', () => ctrl.abort(), { once: true });
    const stream = streamer(args, io);
    let result: ChatResult;
    let boxesOutFailed = false;
    try {
      const attachments: AttachmentRef[] = [];
      for (const file of args.images) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(file));
        } catch {
          throw new BadInputError(`Cannot read ${file}: no such file, or no permission.`);
        }
        const info = await host.attachments.put({ name: basename(file), mime: '', bytes });
        if (info.kind !== 'image') throw new BadInputError(`${file} is a ${info.kind}, not an image.`);
        attachments.push({ id: info.id });
      }
      // PDF pages are rendered host-side (pdf.js on Node) at the budget's size, each labelled "page N".
      for (const file of args.pdfs) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(file));
        } catch {
          throw new BadInputError(`Cannot read ${file}: no such file, or no permission.`);
        }
        const opts = { name: basename(file), pages: args.pages, password: args.pdfPassword, budget: args.budget ?? DEFAULT_BUDGET, withText: args.pdfText };
        attachments.push(...(await attachPdfPages(host.attachments, bytes, opts)));
      }
      result = await host.chat.run(
        { providerId: provider.id, model, thinking: args.thinking, prompt: args.prompt, attachments, history: [], budget: args.budget ?? undefined },
        ctrl,
        stream,
      );
      if (args.boxesOut) {
        const images = attachments.map((a) => host.attachments.read(a.id).bytes);
        try {
          const written = result.boxes.length ? await writeBoxesOut(args.boxesOut, result.boxes, images) : [];
          io.err(written.length ? `boxes drawn: ${written.join(', ')}\n` : `no boxes in the answer; nothing written to ${args.boxesOut}\n`);
        } catch (e) {
          // The answer is still printed; only the drawing failed (a folder that does not exist, a full disk).
          io.err(`could not write ${args.boxesOut}: ${e instanceof Error ? e.message : String(e)}\n`);
          boxesOutFailed = true;
        }
      }
    } catch (e) {
      if (!(e instanceof BadInputError)) throw e;
      result = {
        answer: '', reasoning: '', boxes: [], usage: emptyUsage(), cost: { usd: 0, source: 'estimate' },
        estimate: { prompt_tokens: 0, usd: null }, finish_reason: null, timings: { ttft_ms: null, total_ms: 0 },
        error: makeError('bad-input', e.message),
      };
    }
    if (args.json) io.out(`${JSON.stringify(cliJson(result))}\n`);
    else {
      if (result.answer || result.reasoning) io.out('\n');
      const dim = (s: string) => (io.errIsTty ? `${DIM}${s}${RESET}` : s);
      if (result.error) io.err(`error (${result.error.kind}): ${result.error.message}\n`);
      io.err(`${dim(summaryLine(result))}\n`);
    }
    if (!result.error) return boxesOutFailed ? 1 : 0;
    return result.error.kind === 'cancelled' ? 130 : 1;
  } finally {
    host.close();
  }
}

/**
 * Streams deltas to the terminal: reasoning dimmed, a blank line, then the answer. When stdout is a pipe, the
 * reasoning goes to stderr so `glimpse ask ... > answer.md` holds the answer alone.
 */
function streamer(args: AskArgs, io: Io): (e: ChatEvent) => void {
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
      if (toOut) io.out(`${DIM}${e.reasoning}${RESET}`);
      else io.err(io.errIsTty ? `${DIM}${e.reasoning}${RESET}` : e.reasoning);
      reasoningOpen = true;
    }
    if (e.content) {
      if (reasoningOpen) (toOut ? io.out : io.err)('\n\n');
      reasoningOpen = false;
      raw += e.content;
      const text = grounding.update(raw).text;
      io.out(text.slice(printed));
      printed = text.length;
    }
  };
}
