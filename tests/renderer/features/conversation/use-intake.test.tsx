import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { IntakePace } from '../../../../renderer/features/conversation/intake-pace.ts';
import { useIntake } from '../../../../renderer/features/conversation/use-intake.ts';

function Probe({ text, pace, catchUp }: { text: string; pace: IntakePace; catchUp?: boolean }) {
  const intake = useIntake(text, pace, catchUp);
  return (
    <p>
      {intake.text.length} {String(intake.behind)}
    </p>
  );
}

/** What one render of useIntake shows of `text`: how many characters, and whether some are held back. */
const firstRender = (text: string, pace: IntakePace, catchUp?: boolean) =>
  renderToStaticMarkup(<Probe text={text} pace={pace} catchUp={catchUp} />);

/** A pace that has learned 1 µs a character: 8 ms hold 8,000 characters, the 20 ms of catching up 20,000. */
function learned(): IntakePace {
  const pace = new IntakePace(8, 20);
  pace.record(16_000, 16);
  return pace;
}

it('shows a short text whole', () => {
  expect(firstRender('w1 w2 w3', learned())).toBe('<p>8 false</p>');
});

it('takes a catch-up slice of a burst, and only a normal slice when told the text is not being followed', () => {
  const burst = 'w '.repeat(150_000);
  expect(firstRender(burst, learned())).toBe('<p>20000 true</p>');
  expect(firstRender(burst, learned(), false)).toBe('<p>8000 true</p>');
});
