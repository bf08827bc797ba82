import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { SessionItem } from './session-item.tsx';
import './sessions.css';

const PAGE = 100;

/**
 * The sessions sidebar: a new session, search by text, and every stored conversation, newest first. In a narrow
 * window it is a drawer, opened from the top bar and closed once a session is picked.
 */
export function SessionsSidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  const sessions = useStore((s) => s.sessions);
  const current = useStore((s) => s.sessionId);
  const search = useStore((s) => s.sessionSearch);
  const setSearch = useStore((s) => s.setSessionSearch);
  const newSession = useStore((s) => s.newSession);
  const error = useStore((s) => s.sessionsError);
  // The newest sessions first; older ones on request, so a thousand sessions do not slow the app's start.
  const [shown, setShown] = useState(PAGE);
  const { t } = useTranslation();
  return (
    <nav
      className={`sessions-sidebar ${open ? 'open' : ''}`}
      aria-label={t('sessions.label')}
      onKeyDown={(e) => e.key === 'Escape' && open && onClose()}
    >
      <div className="sessions-head">
        <button
          type="button"
          className="primary"
          onClick={() => {
            newSession();
            onClose();
          }}
        >
          {t('sessions.new')}
        </button>
        <button type="button" className="ghost sessions-close" aria-label={t('sessions.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <input
        type="search"
        className="sessions-search"
        aria-label={t('sessions.search')}
        placeholder={t('sessions.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && (
        <p className="sessions-error" role="alert">
          {error}
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="muted small sessions-empty">{search ? t('sessions.noMatch', { search }) : t('sessions.none')}</p>
      ) : (
        <ul className="session-list" aria-label={t('sessions.list')}>
          {sessions.slice(0, shown).map((s) => (
            <SessionItem key={s.id} s={s} current={s.id === current} onOpened={onClose} />
          ))}
          {sessions.length > shown && (
            <li className="sessions-more">
              <button type="button" className="link" onClick={() => setShown((n) => n + PAGE * 2)}>
                {t('sessions.older', { n: Math.min(PAGE * 2, sessions.length - shown) })}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
