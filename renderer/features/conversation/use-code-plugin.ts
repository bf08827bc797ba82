/**
 * Syntax highlighting for answers with code: Streamdown's code plugin (Shiki, with its JavaScript regex engine,
 * so no WebAssembly) is large, so it is loaded the first time an answer holds a fenced block, never at start.
 */
import type { CodeHighlighterPlugin } from '@streamdown/code';
import { useEffect, useState } from 'react';

let loaded: CodeHighlighterPlugin | null = null;
let loading: Promise<CodeHighlighterPlugin> | null = null;

/** A fence opening a line: ``` or ~~~, up to three spaces in, as CommonMark has it. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/m;

export const hasCodeFence = (markdown: string): boolean => FENCE.test(markdown);

function load(): Promise<CodeHighlighterPlugin> {
  loading ??= import('@streamdown/code').then((m) => {
    loaded = m.createCodePlugin({ themes: ['github-light', 'github-dark'] });
    return loaded;
  });
  return loading;
}

/** The code plugin once an answer with code needs it (null before it has loaded, or when it fails to). */
export function useCodePlugin(markdown: string): CodeHighlighterPlugin | null {
  const wanted = loaded !== null || hasCodeFence(markdown);
  const [plugin, setPlugin] = useState(loaded);
  useEffect(() => {
    if (!wanted || plugin) return;
    let live = true;
    load().then(
      (p) => live && setPlugin(p),
      // Without highlighting the code still shows, plain: nothing to tell the person.
      (e: unknown) => console.warn('The code highlighter did not load:', e),
    );
    return () => {
      live = false;
    };
  }, [wanted, plugin]);
  return wanted ? plugin : null;
}
