import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../../i18n/i18n.ts';
import { isRunning } from '../../model/turn.ts';
import { useStore, useStoreApi } from '../../store/index.ts';

/**
 * What an answer says about its length (issue #10): that it stopped at its output limit, with Continue, which
 * extends the same answer; and, once continued by a provider that cannot extend an answer in place, that the rest
 * came as a reply to a new message. Shown under a single answer and under each compare lane.
 */
export const ContinueNote = memo(function ContinueNote({ id }: { id: string }) {
  const api = useStoreApi();
  const { t: tr } = useTranslation();
  const t = useStore(
    useShallow((s) => {
      const turn = s.turns.find((x) => x.id === id);
      if (!turn) return null;
      return {
        running: isRunning(turn),
        busy: s.turns.some(isRunning),
        length: turn.result?.finish_reason === 'length',
        asNew: turn.result?.continued?.mode === 'new-message',
      };
    }),
  );
  if (!t || t.running) return null;
  return (
    <>
      {t.asNew && (
        <p className="muted" role="note">
          {tr('playground.turn.continuedAsNew')}
        </p>
      )}
      {t.length && (
        <p className="length-note muted" role="note">
          {tr('playground.turn.length')}{' '}
          <button type="button" disabled={t.busy} onClick={() => void api.getState().continueAnswer(id)}>
            {tr('playground.turn.continue')}
          </button>
        </p>
      )}
    </>
  );
});
