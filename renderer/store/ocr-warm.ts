/**
 * Keeps a Local OCR worker ready (issue #11): starting one (the engine, then the language) takes longer than
 * reading a page, so when Local OCR becomes the selected provider, or a file is attached while it is, the host is
 * asked to start one in the background. The host does nothing when a worker for those languages exists or is
 * starting, and ends it again when it stays idle, so asking often costs nothing and holds no memory for long.
 */
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import { isLocalOcr } from '../../shared/providers/catalog.ts';
import type { AppStore, State } from './state.ts';

/** The languages to warm for, or null when Local OCR is not the selected provider. */
function ocrLanguages(s: State): string | null {
  const p = s.providers.find((x) => x.id === s.providerId);
  return p && isLocalOcr(p.catalogId) ? p.model : null;
}

/**
 * Runs `fn` once the window has nothing else to do (at most a second later): Local OCR is picked at start-up when
 * no key is set, and starting a worker then must not slow the window's first paint.
 */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else fn();
}

/** Watches the store; returns the function that stops watching. */
export function warmLocalOcrWhenPicked(store: AppStore, bridge: GlimpseBridge): () => void {
  const warm = (langs: string) => {
    // A failure (an older host, a language no longer installed) is the send's to report, not this hint's.
    Promise.resolve()
      .then(() => bridge.warmLocalOcr(langs))
      .catch(() => {});
  };
  return store.subscribe((now, before) => {
    const langs = ocrLanguages(now);
    if (!langs) return;
    const picked = langs !== ocrLanguages(before);
    const attached = now.attachments.length > before.attachments.length;
    if (attached) warm(langs);
    else if (picked) whenIdle(() => warm(langs));
  });
}
