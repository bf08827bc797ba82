import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LaneEditor } from '../compare/lane-editor.tsx';
import { SnipButton } from '../snip/snip-button.tsx';
import { useTranslation } from '../../i18n/i18n.ts';
import { isRunning } from '../../model/turn.ts';
import { useStore } from '../../store/index.ts';
import { AttachmentStrip } from './attachment-strip.tsx';
import './composer-media.css';
import { BudgetControl } from './budget-control.tsx';
import { EstimateLine } from './estimate-line.tsx';
import { PresetsMenu } from './presets-menu.tsx';
import { noticeText } from '../../i18n/host-text.ts';

export function Composer({ openFileDialog }: { openFileDialog: () => void }) {
  const prompt = useStore((s) => s.prompt);
  const setPrompt = useStore((s) => s.setPrompt);
  const send = useStore((s) => s.send);
  const stop = useStore((s) => s.stop);
  const notice = useStore((s) => s.notice);
  const dismissNotice = useStore((s) => s.dismissNotice);
  const uploading = useStore((s) => s.attachments.some((a) => a.status === 'uploading' || Boolean(a.clip?.sampling)));
  const preparing = useStore((s) => s.preparing);
  const hasInput = useStore((s) => s.prompt.trim().length > 0 || s.attachments.length > 0);
  // Which request runs, not the turn itself: the turn changes on every delta, and the composer need not re-render.
  const running = useStore(
    useShallow((s) => {
      const t = s.turns.find(isRunning);
      return t ? { id: t.id, compareGroup: t.compareGroup } : null;
    }),
  );
  const noProvider = useStore((s) => !s.providers.some((p) => p.id === s.providerId));
  const canSend = hasInput && !uploading && !preparing && !running && !noProvider;
  const promptBox = useRef<HTMLTextAreaElement>(null);
  const runCompare = useStore((s) => s.runCompare);
  const stopCompare = useStore((s) => s.stopCompare);
  const [lanesOpen, setLanesOpen] = useState(false);
  const { t } = useTranslation();

  return (
    <form
      className="composer"
      aria-label={t('composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) void send();
      }}
    >
      {notice && (
        <div className="notice" role="alert">
          <span>{noticeText(notice)}</span>
          <button type="button" className="link" onClick={dismissNotice} aria-label={t('composer.dismiss')}>
            ×
          </button>
        </div>
      )}
      {lanesOpen && <LaneEditor onClose={() => setLanesOpen(false)} />}
      <AttachmentStrip />
      <div className="composer-media-bar">
        <BudgetControl />
        {preparing ? (
          <p className="estimate-line" role="status">
            {noticeText(preparing)}
          </p>
        ) : (
          <EstimateLine />
        )}
      </div>
      <div className="composer-row">
        <button
          type="button"
          className="icon-button"
          onClick={openFileDialog}
          aria-label={t('composer.attach')}
          title={t('composer.attachTitle')}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              fill="currentColor"
              d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
            />
          </svg>
        </button>
        <SnipButton />
        <PresetsMenu
          onPick={(text, select) => {
            setPrompt(text);
            // After React has put the text in: focus it, with the part to fill in (Locate's object) selected.
            requestAnimationFrame(() => {
              const el = promptBox.current;
              el?.focus();
              if (el && select) el.setSelectionRange(select[0], select[1]);
            });
          }}
        />
        <textarea
          ref={promptBox}
          aria-label={t('composer.prompt')}
          placeholder={t('composer.placeholder')}
          value={prompt}
          rows={2}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (canSend) void send();
            }
          }}
        />
        {running ? (
          <button
            type="button"
            className="danger"
            onClick={() => void (running.compareGroup ? stopCompare(running.compareGroup) : stop(running.id))}
          >
            {running.compareGroup ? t('composer.stopAll') : t('composer.stop')}
          </button>
        ) : (
          <span className="send-group">
            <button
              type="button"
              className="link"
              aria-label={t('composer.lanesLabel')}
              aria-expanded={lanesOpen}
              title={t('composer.lanesTitle')}
              onClick={() => setLanesOpen((o) => !o)}
            >
              {t('composer.lanes')}
            </button>
            <button type="button" disabled={!canSend} title={t('composer.compareTitle')} onClick={() => void runCompare()}>
              {t('composer.compare')}
            </button>
            <button type="submit" className="primary" disabled={!canSend}>
              {t('composer.send')}
            </button>
          </span>
        )}
      </div>
    </form>
  );
}
