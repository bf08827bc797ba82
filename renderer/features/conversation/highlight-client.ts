/**
 * The window's side of the highlighting worker (highlight-worker.ts): a Streamdown code plugin whose
 * `highlight()` answers from a cache of results or asks the worker and returns null, calling back when the
 * tokens arrive (each reply is a task of its own, so a long answer's code blocks colour in one by one without a
 * long task). Requests for the same block are asked once.
 */
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult, ThemeInput } from '@streamdown/code';
import type { HighlightReply, HighlightRequest } from './highlight-protocol.ts';

/** Finished blocks' results kept for re-renders (a block scrolled back into view, a group re-rendered). */
const CACHE_SIZE = 500;
/** A request the worker never answers (it logs its own errors) is forgotten after this long. */
const GIVE_UP_MS = 30_000;

export interface WorkerLike {
  postMessage(m: HighlightRequest): void;
  onmessage: ((e: MessageEvent<HighlightReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

const themeName = (t: ThemeInput) => (typeof t === 'string' ? t : (t.name ?? 'custom'));
const keyOf = (o: HighlightOptions) =>
  `${o.language}\u0000${themeName(o.themes[0])}\u0000${themeName(o.themes[1])}\u0000${o.code}`;

/**
 * A code plugin that highlights in `worker`. `languages` says which languages (and aliases) the worker's Shiki
 * bundles, so that `supportsLanguage` can answer at once. If the worker fails, every later call returns null:
 * code then stays plain, which is readable, rather than being highlighted on the main thread.
 */
export function workerHighlighter(
  worker: WorkerLike,
  languages: ReadonlySet<string>,
  themes: [ThemeInput, ThemeInput] = ['github-light', 'github-dark'],
): CodeHighlighterPlugin {
  const cache = new Map<string, HighlightResult>();
  const waiting = new Map<number, { key: string; cache: boolean; timer: ReturnType<typeof setTimeout> }>();
  const callbacks = new Map<string, ((r: HighlightResult) => void)[]>();
  let nextId = 1;
  let broken = false;

  const forget = (id: number) => {
    const w = waiting.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    waiting.delete(id);
    callbacks.delete(w.key);
    return w;
  };
  worker.onmessage = ({ data: reply }) => {
    const cbs = callbacks.get(waiting.get(reply.id)?.key ?? '') ?? [];
    const w = forget(reply.id);
    if (!w || !reply.ok) return;
    if (w.cache) {
      cache.set(w.key, reply.result);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    for (const cb of cbs) cb(reply.result);
  };
  worker.onerror = (e) => {
    broken = true;
    console.warn('The code highlighter stopped:', e.message);
    for (const id of [...waiting.keys()]) forget(id);
  };

  return {
    name: 'shiki',
    type: 'code-highlighter',
    supportsLanguage: (language) => languages.has(language.trim().toLowerCase()),
    getSupportedLanguages: () => [...languages] as never,
    getThemes: () => themes,
    highlight(options, callback) {
      const key = keyOf(options);
      const hit = cache.get(key);
      if (hit) {
        // Most recently used last: the oldest is the one let go.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      if (broken) return null;
      const cbs = callbacks.get(key);
      if (cbs) {
        if (callback) cbs.push(callback);
        return null;
      }
      callbacks.set(key, callback ? [callback] : []);
      const id = nextId++;
      waiting.set(id, { key, cache: !options.isIncomplete, timer: setTimeout(() => forget(id), GIVE_UP_MS) });
      worker.postMessage({
        id,
        code: options.code,
        language: options.language,
        themes: [themeName(options.themes[0]), themeName(options.themes[1])],
        isIncomplete: options.isIncomplete ?? false,
      });
      return null;
    },
  };
}
