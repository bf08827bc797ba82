/** `glimpse ask`: one request through the same host services as the app, streamed or as one JSON object. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { makeError } from '../../shared/engine/errors.ts';
import type { ChatResult } from '../../shared/engine/types.ts';
import { emptyUsage } from '../../shared/engine/types.ts';
import { CATALOG, catalogEntry } from '../../shared/providers/catalog.ts';
import { BadInputError } from '../host/bad-input.ts';
import { resolveDataDir } from '../host/data-dir.ts';
import { createHost } from '../host/host.ts';
import { FileKeyStore } from '../host/key-store.ts';
import type { AskArgs } from './args.ts';
import { UsageError } from './args.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
}

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export async function ask(args: AskArgs, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const providerId = args.provider ?? (args.baseUrl ? 'custom' : 'zai');
  if (!CATALOG.some((e) => e.id === providerId)) throw new UsageError(`Unknown provider “${providerId}”. Use one of: ${CATALOG.map((e) => e.id).join(', ')}.`);
  const entry = catalogEntry(providerId);
  const baseUrl = args.baseUrl ?? entry.baseUrl;
  const model = args.model ?? entry.models[0]?.id;
  if (!model) throw new UsageError('--model is required for a custom server.');

  const dataDir = resolveDataDir(args.dataDir);
  const keys = new FileKeyStore(dataDir);
  const host = createHost({ dataDir, keys, shell: 'browser', env, idleTimeoutMs: args.idleTimeoutS ? args.idleTimeoutS * 1000 : undefined });
  try {
    const provider = host.providers.addTransient(
      { id: `cli-${providerId}`, catalogId: providerId, name: entry.name, baseUrl, model, upstream: [] },
      args.apiKey ?? keys.get(providerId),
    );
    let result: ChatResult;
    try {
      const attachments = [];
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
      let reasoningOpen = false;
      result = await host.chat.run(
        { providerId: provider.id, model, thinking: args.thinking, prompt: args.prompt, attachments, history: [], budget: args.budget ?? undefined },
        new AbortController(),
        (e) => {
          if (args.json || e.type !== 'delta') return;
          if (e.reasoning) {
            io.out(io.isTty ? `${DIM}${e.reasoning}${RESET}` : e.reasoning);
            reasoningOpen = true;
          }
          if (e.content) {
            if (reasoningOpen) io.out('\n\n');
            reasoningOpen = false;
            io.out(e.content);
          }
        },
      );
    } catch (e) {
      if (!(e instanceof BadInputError)) throw e;
      result = {
        answer: '', reasoning: '', boxes: [], usage: emptyUsage(), cost: { usd: 0, source: 'estimate' },
        estimate: { prompt_tokens: 0, usd: null }, finish_reason: null, timings: { ttft_ms: null, total_ms: 0 },
        error: makeError('bad-input', e.message),
      };
    }
    if (args.json) io.out(`${JSON.stringify(result)}\n`);
    else {
      io.out('\n');
      if (result.error) io.err(`error (${result.error.kind}): ${result.error.message}\n`);
    }
    return result.error ? 1 : 0;
  } finally {
    host.close();
  }
}
