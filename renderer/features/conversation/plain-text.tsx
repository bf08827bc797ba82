/**
 * Text shown without the Markdown pipeline: blocks still waiting for their Markdown render and the growing tail
 * of a streamed answer. Cheap by construction: pieces of at most PLAIN_RUN characters, each its own memoised
 * element, so a growing text re-renders and re-lays out only its last piece. Box markers become chips here too,
 * and bidi controls show by name, exactly as they do once the block is rendered as Markdown.
 */
import { memo, type ReactNode } from 'react';
import { CHIP_CLOSE, CHIP_OPEN } from '../../../shared/grounding/types.ts';
import { showBidiControls } from '../../../shared/text/bidi.ts';
import { BoxChip } from '../grounding/box-chip.tsx';

/** Plain text is laid out in pieces of at most this many characters (see `runs`). */
export const PLAIN_RUN = 2_048;

/**
 * `text` in pieces of at most PLAIN_RUN characters, cut after a newline where there is one. Each piece is its own
 * block box, so a growing text re-lays out only its last piece, and a 512 KB run without a break opportunity is
 * never one line for the browser to break: that layout alone held the main thread for tens of seconds.
 */
export function runs(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PLAIN_RUN);
    if (end < text.length) {
      // Searched within the piece only: lastIndexOf on the whole text would scan back to its start every time.
      const nl = text.slice(at, end).lastIndexOf('\n');
      if (nl >= 0) end = at + nl + 1;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

const CHIP_SPLIT_RE = new RegExp(`${CHIP_OPEN}(\\d+)${CHIP_CLOSE}`, 'g');

/**
 * One piece: its text, with each bidi control shown by name and each box marker as a chip, or with `chips` off as
 * its number in brackets: text waiting for conversion can hold thousands of markers, too many components to
 * re-render as it is worked through.
 */
const PlainRun = memo(function PlainRun({ text, chips }: { text: string; chips: boolean }) {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!body.includes(CHIP_OPEN)) return <span className="md-run">{showBidiControls(body)}</span>;
  if (!chips) return <span className="md-run">{showBidiControls(body.replace(CHIP_SPLIT_RE, '[$1]'))}</span>;
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of body.matchAll(CHIP_SPLIT_RE)) {
    if (m.index > at) out.push(showBidiControls(body.slice(at, m.index)));
    out.push(<BoxChip key={m.index} data-n={m[1]} />);
    at = m.index + m[0].length;
  }
  if (at < body.length) out.push(showBidiControls(body.slice(at)));
  return <span className="md-run">{out}</span>;
});

/** A block of plain text, laid out in pieces. */
export const PlainBlock = memo(function PlainBlock({
  text,
  className = '',
  chips = true,
}: {
  text: string;
  className?: string;
  chips?: boolean;
}) {
  return (
    <div className={`md-block md-plain ${className}`}>
      {runs(text.replace(/\n+$/, '')).map((r, i) => (
        <PlainRun key={i} text={r} chips={chips} />
      ))}
    </div>
  );
});

/** One piece of reasoning, memoised: as the reasoning grows only its last piece re-renders. */
const ReasoningRun = memo(function ReasoningRun({ text }: { text: string }) {
  return <span className="md-run">{showBidiControls(text.endsWith('\n') ? text.slice(0, -1) : text)}</span>;
});

/** Plain text in pieces, for reasoning: no chips, bidi controls shown by name. */
export function PlainRuns({ text }: { text: string }) {
  return runs(text).map((r, i) => <ReasoningRun key={i} text={r} />);
}
