import { memo, useEffect, useRef, useState } from 'react';
import type { SessionSummary } from '../../../shared/bridge/sessions.ts';
import { useStoreApi } from '../../store/index.ts';

// Formatters made once: building an Intl formatter per row costs more than the row itself.
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const yearFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const when = (ms: number) => {
  const d = new Date(ms);
  const today = new Date();
  if (d.toDateString() === today.toDateString()) return timeFmt.format(d);
  return (d.getFullYear() === today.getFullYear() ? dayFmt : yearFmt).format(d);
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
            aria-label="Session name"
            value={title}
            autoFocus
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}
          />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            Cancel
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
            {when(s.updatedAt)} · {s.turns} {s.turns === 1 ? 'exchange' : 'exchanges'}
          </span>
          {s.snippet && <span className="session-snippet">{s.snippet}</span>}
        </button>
        <button
          type="button"
          className="session-menu-button ghost"
          aria-label={`Actions for ${s.title}`}
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
          aria-label={`Actions for ${s.title}`}
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
              Rename
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
              Export as Markdown
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
              Export as JSON
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" className="danger-text" onClick={() => setMode('confirm')}>
              Delete
            </button>
          </li>
        </ul>
      )}
      {mode === 'confirm' && (
        <div className="session-confirm" role="group" aria-label={`Delete ${s.title}?`}>
          <span>Delete this session and its images? Usage figures are kept.</span>
          <button type="button" className="danger" autoFocus onClick={() => void deleteSession(s.id)}>
            Delete
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
});
