import { memo } from 'react';
import { Streamdown } from 'streamdown';

/**
 * The answer as Markdown. Streamdown splits it into blocks and memoises finished ones, so a long answer is
 * not re-parsed whole on every frame; it sanitises (rehype-sanitize + rehype-harden), so model output is data.
 */
export const AnswerMarkdown = memo(function AnswerMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div className="answer markdown" data-testid="answer">
      <Streamdown mode={streaming ? 'streaming' : 'static'} isAnimating={streaming} parseIncompleteMarkdown controls={false}>
        {text}
      </Streamdown>
    </div>
  );
});
