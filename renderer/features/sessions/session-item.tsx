import { memo, useEffect, useRef, useState } from 'react';
import type { SessionSummary } from '../../../shared/bridge/sessions.ts';
import type { Figures } from '../../../shared/format/figures.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStoreApi } from '../../store/index.ts';

/** Today's sessions by time, this year's by day, older ones with the year (the formatters are cached per locale). */
const when = (f: Figures, ms: number) => {
  const d = new Date(ms);
  const today = new Date();
  if (d.toDateString() === today.toDateString()) return f.date(d, 'time');
  return f.date(d, d.getFullYear() === today.getFullYear() ? 'day' : 'day-year');
};

/**
 * One session in the sidebar: opens on click; rename, export and delete from its menu. With a thousand of these,
 * each reads the store's actions when clicked instead of subscribing to the store.
 */
export const SessionItem = memo(function SessionItem({
  s,
  current,
  onOpened,
}: {
  s: SessionSummary;
  current: boolean;
  onOpened: () => void;
}) {
  const { openSession, renameSession, deleteSession, exportSession } = useStoreApi().getState();
  const [mode, setMode] = useState<'idle' | 'menu' | 'rename' | 'confirm'>('idle');
  const [title, setTitle] = useState(s.title);
  const menuRef = useRef<HTMLUListElement>(null);
  const { t } = useTranslation();
  const f = useFigures();
  useEffect(() => {
    if (mode === 'menu') menuRef.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [mode]);

  if (mode === 'rename') {
    return (
      <li className="session-item renaming">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await renameSession(s.id, title)) setMode('idle');
          }}
        >
          <input
            aria-label={t('sessions.name')}
            value={title}
            autoFocus
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}
          />
          <button type="submit" className="primary">
            {t('sessions.save')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('sessions.cancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className={`session-item ${current ? 'current' : ''}`}>
      <div className="session-row">
        <button
          type="button"
          className="session-open"
          aria-current={current ? 'true' : undefined}
          onClick={() => {
            void openSession(s.id);
            onOpened();
          }}
        >
          <span className="session-title">{s.title}</span>
          <span className="session-meta">
            {when(f, s.updatedAt)} · {t('sessions.exchanges', { count: s.turns })}
          </span>
          {s.snippet && <span className="session-snippet">{s.snippet}</span>}
        </button>
        <button
          type="button"
          className="session-menu-button ghost"
          aria-label={t('sessions.actionsFor', { title: s.title })}
          aria-haspopup="menu"
          aria-expanded={mode === 'menu'}
          onClick={() => setMode(mode === 'menu' ? 'idle' : 'menu')}
        >
          ⋯
        </button>
      </div>
      {mode === 'menu' && (
        <ul
          className="session-menu"
          role="menu"
          aria-label={t('sessions.actionsFor', { title: s.title })}
          ref={menuRef}
          onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}
          onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node) && setMode('idle')}
        >
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setTitle(s.title);
                setMode('rename');
              }}
            >
              {t('sessions.rename')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMode('idle');
                void exportSession(s.id, 'markdown');
              }}
            >
              {t('sessions.exportMd')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMode('idle');
                void exportSession(s.id, 'json');
              }}
            >
              {t('sessions.exportJson')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="danger-text" onClick={() => setMode('confirm')}>
              {t('sessions.delete')}
            </button>
          </li>
        </ul>
      )}
      {mode === 'confirm' && (
        <div className="session-confirm" role="group" aria-label={t('sessions.deleteQ', { title: s.title })}>
          <span>{t('sessions.deleteConfirm')}</span>
          <button type="button" className="danger" autoFocus onClick={() => void deleteSession(s.id)}>
            {t('sessions.delete')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('sessions.cancel')}
          </button>
        </div>
      )}
    </li>
  );
});
