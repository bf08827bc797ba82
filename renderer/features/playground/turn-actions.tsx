import { type ButtonHTMLAttributes, memo, useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { siblingsOf } from '../../model/branches.ts';
import { settingsDiffer } from '../../model/turn-settings.ts';
import { chipsOf } from '../../../shared/params/chips.ts';
import { useParamWords } from './param-words.ts';
import { paramNamedIn } from '../../../shared/params/chips.ts';
import { Trans, useTranslation } from '../../i18n/i18n.ts';
import { isRunning } from '../../model/turn.ts';
import { useStore, useStoreApi } from '../../store/index.ts';
import { CopyButton } from '../conversation/copy-button.tsx';
import { ContinueNote } from './continue-note.tsx';
import { SchemaResult } from './schema-result.tsx';
import { ViewCodeDialog } from './view-code-dialog.tsx';

/**
 * A button unavailable while any answer runs. It alone follows that, so a send or an end re-renders a few buttons
 * per exchange instead of every exchange's actions with all their translated labels (a long session's send paid
 * for them all before its first delta could be shown).
 */
const IdleButton = memo(function IdleButton({
  alsoDisabled = false,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { alsoDisabled?: boolean }) {
  const busy = useStore((s) => s.turns.some(isRunning));
  return <button type="button" {...rest} disabled={busy || alsoDisabled} />;
});

/**
 * What can be done to one exchange: flip between its siblings ("2 / 3"), copy or edit the question, regenerate,
 * delete, View code; Continue when the answer stopped at its token limit (continue-note.tsx); and, for a
 * structured answer, its check against the schema. Reads only the turn's outline, never its text, so a streaming delta does not re-render it.
 */
export const TurnActions = memo(function TurnActions({ id }: { id: string }) {
  const api = useStoreApi();
  const { t: tr } = useTranslation();
  const w = useParamWords();
  const t = useStore(
    useShallow((s) => {
      const turn = s.turns.find((x) => x.id === id);
      if (!turn) return null;
      const sibs = siblingsOf([...s.turns, ...s.hiddenTurns], turn);
      const at = sibs.findIndex((x) => x.id === id);
      return {
        prompt: turn.prompt,
        status: turn.status,
        errorMessage: turn.error && turn.error.kind !== 'cancelled' ? turn.error.message : null,
        schema: turn.params?.response_format?.type === 'json_schema',
        at,
        count: sibs.length,
        prev: sibs[at - 1]?.id ?? null,
        next: sibs[at + 1]?.id ?? null,
        params: turn.params,
        providerName: turn.providerName,
        model: turn.model,
        thinking: turn.thinking,
        // Joined, so the shallow comparison sees a string, not a new array each time.
        differs: settingsDiffer(turn, s).join(' '),
      };
    }),
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [code, setCode] = useState(false);
  const setParams = useStore((s) => s.setParams);
  // Stable, so the dialog does not refocus its first control each time this re-renders.
  const closeCode = useCallback(() => setCode(false), []);
  if (!t) return null;
  const running = t.status === 'sending' || t.status === 'streaming';
  const { flipTo, regenerate, editAndResend, deleteTurn } = api.getState();
  const badParam = t.errorMessage && t.params ? paramNamedIn(t.errorMessage, t.params) : null;
  return (
    <div className="turn-actions-wrap">
      {editing !== null && (
        <form
          className="edit-box"
          aria-label={tr('playground.turn.editForm')}
          onSubmit={(e) => {
            e.preventDefault();
            void editAndResend(id, editing);
            setEditing(null);
          }}
        >
          <textarea
            aria-label={tr('playground.turn.edited')}
            rows={3}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          <IdleButton type="submit" className="primary" alsoDisabled={!editing.trim()}>
            {tr('playground.turn.sendEdited')}
          </IdleButton>
          <button type="button" className="link" onClick={() => setEditing(null)}>
            {tr('playground.turn.cancel')}
          </button>
        </form>
      )}
      <ContinueNote id={id} />
      {badParam && (
        <p className="muted" role="note">
          <Trans i18nKey="playground.turn.refused" values={{ name: badParam }} components={[<code key="name" />]} />{' '}
          <button type="button" onClick={() => setParams({ [badParam]: undefined })}>
            {tr('playground.turn.resetParam', { name: badParam })}
          </button>
        </p>
      )}
      {t.schema && t.status === 'done' && <SchemaResult id={id} />}
      <div className="turn-actions">
        {t.count > 1 && (
          <span className="sibling-nav">
            <IdleButton
              className="link"
              aria-label={tr('playground.turn.previous')}
              alsoDisabled={!t.prev}
              onClick={() => t.prev && flipTo(t.prev)}
            >
              ‹
            </IdleButton>
            <span data-testid="version">{tr('playground.turn.version', { at: t.at + 1, count: t.count })}</span>
            <span className="muted sibling-settings" data-testid="turn-settings">
              {[
                t.providerName,
                t.model,
                t.thinking ? tr('compare.thinking') : tr('compare.fast'),
                ...chipsOf(t.params ?? {}).map(w.chip),
              ].join(' · ')}
            </span>
            <IdleButton
              className="link"
              aria-label={tr('playground.turn.next')}
              alsoDisabled={!t.next}
              onClick={() => t.next && flipTo(t.next)}
            >
              ›
            </IdleButton>
          </span>
        )}
        <CopyButton label={tr('playground.turn.copyQuestion')} text={() => t.prompt} className="link">
          {tr('playground.turn.copyQuestion')}
        </CopyButton>
        <IdleButton className="link" onClick={() => setEditing(t.prompt)}>
          {tr('playground.turn.edit')}
        </IdleButton>
        <IdleButton className="link" title={tr('playground.turn.regenerateTitle')} onClick={() => void regenerate(id)}>
          {tr('playground.turn.regenerate')}
        </IdleButton>
        {t.differs && (
          <IdleButton
            className="link"
            title={tr('playground.turn.differs', {
              list: t.differs
                .split(' ')
                .map((d) => tr(`playground.turn.setting.${d}`))
                .join(', '),
            })}
            onClick={() => void regenerate(id, { current: true })}
          >
            {tr('playground.turn.regenerateCurrent')}
          </IdleButton>
        )}
        <button type="button" className="link" onClick={() => setCode(true)}>
          {tr('playground.turn.viewCode')}
        </button>
        <button type="button" className="link" disabled={running} onClick={() => void deleteTurn(id)}>
          {tr('playground.turn.delete')}
        </button>
      </div>
      {code && <ViewCodeDialog id={id} onClose={closeCode} />}
    </div>
  );
});
