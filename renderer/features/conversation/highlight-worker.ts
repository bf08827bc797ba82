/**
 * Syntax highlighting off the main thread. Shiki's first highlight of a language compiles that grammar's regular
 * expressions (its JavaScript engine translates each Oniguruma pattern as it is first used): for a JavaScript
 * block that was 300 ms of CPU in one task, and every new construct met later cost tens of ms more, none of it
 * divisible into slices. Here the same plugin Streamdown uses (@streamdown/code: Shiki with its JavaScript regex
 * engine, its cache and its incremental tokenising of a growing block) runs in a worker; the window only
 * receives the tokens.
 */
import { createCodePlugin, type HighlightResult } from '@streamdown/code';
import type { HighlightReply, HighlightRequest } from './highlight-protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HighlightRequest>) => void) | null;
  postMessage: (m: HighlightReply) => void;
};

const plugin = createCodePlugin({ themes: ['github-light', 'github-dark'] });

/** The tokens, without the grammar state (a class instance, not cloneable, and of no use to the window). */
function cloneable(r: HighlightResult): HighlightResult {
  const { grammarState: _state, ...rest } = r;
  return rest;
}

scope.onmessage = ({ data: req }) => {
  const reply = (r: HighlightResult) => scope.postMessage({ id: req.id, ok: true, result: cloneable(r) });
  try {
    const now = plugin.highlight(
      { code: req.code, language: req.language as never, themes: req.themes as never, isIncomplete: req.isIncomplete },
      reply,
    );
    if (now) reply(now);
  } catch (e) {
    scope.postMessage({ id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
