/** Parses `glimpse <command> [options] PROMPT` with node:util's parseArgs; errors become usage messages. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  glimpse ask [--provider zai|bigmodel|openrouter|novita|custom] [--base-url URL] [--model ID]
              [--api-key KEY] [--thinking on|off] [--image FILE]... [--budget TOKENS]
              [--idle-timeout-s N] [--data-dir DIR] [--json] PROMPT

Keys come from --api-key, the data dir's key file, or GLIMPSE_API_KEY / ZAI_API_KEY /
OPENROUTER_API_KEY / NOVITA_API_KEY.`;

export class UsageError extends Error {}

export interface AskArgs {
  provider: string | null;
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
  thinking: boolean;
  images: string[];
  budget: number | null;
  idleTimeoutS: number | null;
  dataDir: string | null;
  json: boolean;
  prompt: string;
}

export function parseAsk(argv: string[]): AskArgs {
  let parsed;
  try {
    parsed = parseArgs({
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
        'idle-timeout-s': { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.thinking !== 'on' && v.thinking !== 'off') throw new UsageError('--thinking takes on or off.');
  const num = (name: string, s: string | undefined) => {
    if (s === undefined) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} takes a positive number.`);
    return n;
  };
  const prompt = parsed.positionals.join(' ').trim();
  if (!prompt) throw new UsageError('A prompt is required.');
  return {
    provider: v.provider ?? null,
    baseUrl: v['base-url'] ?? null,
    model: v.model ?? null,
    apiKey: v['api-key'] ?? null,
    thinking: v.thinking === 'on',
    images: v.image as string[],
    budget: num('budget', v.budget),
    idleTimeoutS: num('idle-timeout-s', v['idle-timeout-s']),
    dataDir: v['data-dir'] ?? null,
    json: v.json as boolean,
    prompt,
  };
}
