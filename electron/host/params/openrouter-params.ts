/**
 * What each OpenRouter model says it takes: the `supported_parameters` of OpenRouter's public /models list, kept
 * in the settings table and refreshed once a day at most. OpenRouter drops a parameter a model does not take
 * without a word, so the parameters panel, the compare lanes and the host's own check use this list to show such a
 * parameter disabled (and refuse it) instead of letting it vanish. The catalog's list (shared/params/catalog.ts)
 * stands in for the models it knows until the first fetch.
 */
import { readCappedText } from '../sse-reader.ts';

/** How old a list may be before a start or a Test connection fetches it again. */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A /models answer larger than this is not a model list (OpenRouter's is a few hundred KB): reading stops there. */
export const MAX_CHARS = 8 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/** Where the list lives between runs (the host's settings table). */
export interface TextSetting {
  read(): string | null;
  write(value: string): void;
}

interface Stored {
  fetchedAt: number;
  params: Record<string, string[]>;
}

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 80;

/**
 * The model ids of a /models answer with the parameters each lists; null when it is not such an answer. Read
 * leniently, by hand (the CLI does not load zod at start): a model without the field, or with junk in it, is
 * skipped, not fatal.
 */
export function parseSupported(body: unknown): Record<string, string[]> | null {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  const out: Record<string, string[]> = {};
  for (const m of data as { id?: unknown; supported_parameters?: unknown }[]) {
    const list = m?.supported_parameters;
    if (typeof m?.id !== 'string' || m.id.length > 200 || !Array.isArray(list) || list.length > 200) continue;
    if (list.every(isName)) out[m.id] = list;
  }
  return out;
}

export class OpenRouterParams {
  private stored: Stored | null;
  private inFlight: Promise<void> | null = null;
  private readonly setting: TextSetting;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(setting: TextSetting, fetchImpl: typeof fetch = fetch, now: () => number = Date.now) {
    this.setting = setting;
    this.fetchImpl = fetchImpl;
    this.now = now;
    this.stored = read(setting);
  }

  /** The parameters `model` lists, when the last fetch had it. */
  of(model: string): readonly string[] | undefined {
    return this.stored?.params[model];
  }

  /** For these models, the lists known: what a provider's view carries to the window. */
  forModels(models: readonly string[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const m of models) {
      const list = this.stored?.params[m];
      if (list) out[m] = list;
    }
    return out;
  }

  stale(): boolean {
    return !this.stored || this.now() - this.stored.fetchedAt > MAX_AGE_MS;
  }

  /**
   * Fetches `${baseUrl}/models` (public on OpenRouter: no key is sent) and keeps the lists. One fetch at a time;
   * a failure keeps what was known and is left for the next start to retry, since nothing the person asked for
   * waits on it.
   */
  refresh(baseUrl: string): Promise<void> {
    this.inFlight ??= this.fetchList(baseUrl).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetchList(baseUrl: string): Promise<void> {
    try {
      const res = await this.fetchImpl(`${baseUrl.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok || !res.body) return;
      // Read up to the cap, not whole: a hostile or broken endpoint can send without end.
      const params = parseSupported(JSON.parse(await readCappedText(res.body, MAX_CHARS)));
      if (!params) return;
      this.stored = { fetchedAt: this.now(), params };
      this.setting.write(JSON.stringify(this.stored));
    } catch {
      // Offline, a timeout, not JSON: the lists known stay.
    }
  }
}

function read(setting: TextSetting): Stored | null {
  try {
    const v = JSON.parse(setting.read() ?? 'null') as Stored | null;
    return v && typeof v.fetchedAt === 'number' && v.params && typeof v.params === 'object' ? v : null;
  } catch {
    return null;
  }
}
