import 'katex/dist/katex.min.css';
import { memo } from 'react';
import { cjk } from '@streamdown/cjk';
import type { CodeHighlighterPlugin } from '@streamdown/code';
import { createMathPlugin } from '@streamdown/math';
import { defaultRehypePlugins, type Components } from 'streamdown';
import type { Pluggable, Plugin } from 'unified';
import { BoxChip } from '../grounding/box-chip.tsx';
import { rehypeBoxChips } from '../grounding/chip-plugin.ts';
import { AnswerBoundary } from './answer-boundary.tsx';
import { rehypeShowBidi } from './bidi-plugin.ts';
import { rehypeCapDepth, rehypeCapRawHtml } from './cap-depth-plugin.ts';
import { CodeBlock } from './code-block.tsx';
import { ProgressiveMarkdown, type BlockProps } from './progressive-markdown.tsx';
import { TableBlock } from './table-block.tsx';
import { useCodePlugin } from './use-code-plugin.ts';

const [harden] = defaultRehypePlugins.harden as [Plugin, object];
const [sanitize, sanitizeSchema] = defaultRehypePlugins.sanitize as [Plugin<[object]>, object];

/**
 * `plugin` with its options bound, as a plugin that takes none. Streamdown keys its cache of Markdown processors
 * by each plugin's name and its options written out as JSON, and works that key out again for every block it
 * renders: with the sanitize schema's 2.3 KB of JSON that was ~150 ms of a 50k-token answer's conversion. The name
 * is the key's part, so each bound plugin has its own.
 */
function bound<O extends object>(name: string, plugin: Plugin<[O]>, options: O): Plugin {
  // Unified calls an attacher with the processor as `this`; the bound one hands it on with the options.
  const attach = function (this: unknown) {
    return (plugin as (this: unknown, options: O) => ReturnType<Plugin>).call(this, options);
  };
  Object.defineProperty(attach, 'name', { value: name });
  return attach as Plugin;
}

/**
 * Model output is data. Raw HTML is parsed (OCR answers use HTML tables) and then sanitised (rehype-sanitize,
 * Streamdown's schema: no script, no event handlers, no iframes, no style); rehype-harden then blocks every
 * image that is not a data: URL and every link that is not http(s)/mailto (javascript: is always refused). The
 * CSP (electron/server/security.ts) forbids remote content as well. KaTeX and our chips run after sanitising:
 * what they add is generated, not model-written. Bidi overrides are shown by name, not applied (bidi-plugin.ts). Nesting is capped around rehype-raw (cap-depth-plugin.ts): every
 * step from there on recurses over the tree, and 2,000 nested elements overflow the stack.
 */
const rehypePlugins: Pluggable[] = [
  rehypeCapRawHtml,
  defaultRehypePlugins.raw,
  rehypeCapDepth,
  bound('glimpseSanitize', sanitize, sanitizeSchema),
  bound('glimpseHarden', harden as Plugin<[object]>, {
    allowedLinkPrefixes: ['*'],
    allowedImagePrefixes: [],
    allowDataImages: true,
    allowedProtocols: [],
    blockedImageClass: 'blocked-image',
    blockedLinkClass: 'blocked-link',
  }),
  rehypeBoxChips,
  rehypeShowBidi,
];

const components: Components = { 'box-chip': BoxChip, table: TableBlock, pre: CodeBlock };

/** `$$..$$` only: a single `$` is too often money in receipts. The parser turns `\(..\)` and `\[..\]` into `$$`. */
const math = createMathPlugin({ singleDollarTextMath: false, errorColor: 'var(--danger, #c0392b)' });

/**
 * One object per kind of block: ProgressiveMarkdown re-renders a block only when its props' identity changes. A
 * block with no `<` in it cannot hold raw HTML, so it skips rehype-raw, which re-parses the whole tree through an
 * HTML parser even when there is nothing raw in it (the largest cost of a list of box chips). The CJK plugin keeps
 * emphasis and autolinks right next to Chinese punctuation (`**粗体**。`, a URL followed by `，`).
 */
function propsForPlugins(plugins: BlockProps['plugins']): (block: string) => BlockProps {
  const withRaw: BlockProps = { rehypePlugins, components, plugins };
  const textOnly: BlockProps = {
    rehypePlugins: rehypePlugins.filter((p) => p !== rehypeCapRawHtml && p !== defaultRehypePlugins.raw),
    components,
    plugins,
  };
  return (block) => (block.includes('<') ? withRaw : textOnly);
}
const propsFor = propsForPlugins({ math, cjk });
/** The same with code highlighting, made once when the code plugin has loaded. */
let withCode: { code: CodeHighlighterPlugin; propsFor: (block: string) => BlockProps } | null = null;
function propsForWith(code: CodeHighlighterPlugin | null): (block: string) => BlockProps {
  if (!code) return propsFor;
  if (withCode?.code !== code) withCode = { code, propsFor: propsForPlugins({ math, cjk, code }) };
  return withCode.propsFor;
}

/**
 * The answer as Markdown, rendered progressively (see progressive-markdown.tsx), with GitHub tables, code and
 * KaTeX math. `markdown` is the grounding parser's output: special tokens gone, boxes replaced by chip markers.
 * If rendering it fails anyway, this answer alone shows its text plainly (answer-boundary.tsx): `text` when given
 * (the answer as written, boxes and all), else `markdown`.
 */
export const AnswerMarkdown = memo(function AnswerMarkdown({
  markdown,
  streaming,
  catchingUp = false,
  text,
}: {
  markdown: string;
  streaming: boolean;
  /** Text has arrived faster than it is shown: see ProgressiveMarkdown. */
  catchingUp?: boolean;
  text?: string;
}) {
  const code = useCodePlugin(markdown);
  return (
    <div className="answer markdown" data-testid="answer">
      <AnswerBoundary text={text ?? markdown} retryKey={streaming}>
        <ProgressiveMarkdown text={markdown} streaming={streaming} catchingUp={catchingUp} propsFor={propsForWith(code)} />
      </AnswerBoundary>
    </div>
  );
});
