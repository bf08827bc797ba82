import { useState } from 'react';
import type { BatchItemView, ItemStatus } from '../../../shared/batch/types.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';

/** Every row is this tall (batch.css fixes it), so the visible slice is arithmetic, not measurement. */
const ROW = 30;
/** Rows drawn above and below the visible ones, so a fast scroll shows no blank band. */
const OVERSCAN = 8;
/** The scroll box's height before it has been measured (batch.css gives it this much). */
const INITIAL_VIEW = 320;

const STATUS_KEY: Record<ItemStatus, string> = {
  pending: 'batch.status.pending',
  running: 'batch.status.running',
  done: 'batch.status.done',
  failed: 'batch.status.failed',
  skipped: 'batch.status.skipped',
};

/** The rows to draw for a scroll position: a window of the list, with the space above and below it. */
export function visibleWindow(total: number, scrollTop: number, viewHeight: number) {
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + viewHeight) / ROW) + OVERSCAN);
  return { first, last, above: first * ROW, below: (total - last) * ROW };
}

function Row({ item, onOpen }: { item: BatchItemView; onOpen: (idx: number) => void }) {
  const { t } = useTranslation();
  const f = useFigures();
  const tokens = item.prompt_tokens === null ? null : item.prompt_tokens + (item.completion_tokens ?? 0);
  const finished = item.status === 'done' || item.status === 'failed';
  // A file with an answer opens in the answer view: the name is a button (Tab, Enter), and a click anywhere on
  // the row does the same for the mouse.
  const opens = item.status === 'done';
  return (
    // The row's click is the mouse's shortcut; its button is the keyboard's way to the same action.
    <tr className={`batch-row is-${item.status}${opens ? ' opens' : ''}`} onClick={opens ? () => onOpen(item.idx) : undefined}>
      <td title={item.path}>
        {opens ? (
          <button
            type="button"
            className="link batch-open"
            aria-label={t('batch.openResult', { name: item.name })}
            onClick={(e) => {
              e.stopPropagation();
              onOpen(item.idx);
            }}
          >
            {item.name}
          </button>
        ) : (
          item.name
        )}
      </td>
      <td>{t(STATUS_KEY[item.status])}</td>
      <td className="num">{f.seconds(item.total_ms, 1)}</td>
      <td className="num">{tokens === null ? '–' : f.tokens(tokens)}</td>
      <td className="num">{finished ? f.usd(item.cost_usd) : '–'}</td>
      <td className="batch-error" title={item.error ?? undefined}>
        {item.error}
      </td>
    </tr>
  );
}

/**
 * The batch's files: a real table, of which only the rows in view (and a few either side) are drawn, with
 * spacer rows standing in for the rest, so a thousand files scroll as smoothly as ten.
 */
export function BatchTable({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const items = useStore((s) => s.batchItems);
  const api = useStoreApi();
  const open = (idx: number) =>
    void api
      .getState()
      .openBatchResult(idx)
      .then((shown) => shown && onOpened());
  const [scroll, setScroll] = useState({ top: 0, height: INITIAL_VIEW });
  if (!items.length) return null;
  const w = visibleWindow(items.length, scroll.top, scroll.height);
  return (
    <div
      className="batch-table-box"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it.
      tabIndex={0}
      role="region"
      aria-label={t('batch.table')}
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <table className="batch-table" aria-rowcount={items.length + 1}>
        <thead>
          <tr>
            <th scope="col">{t('batch.col.file')}</th>
            <th scope="col">{t('batch.col.status')}</th>
            <th scope="col" className="num">
              {t('batch.col.time')}
            </th>
            <th scope="col" className="num">
              {t('batch.col.tokens')}
            </th>
            <th scope="col" className="num">
              {t('batch.col.cost')}
            </th>
            <th scope="col">{t('batch.col.error')}</th>
          </tr>
        </thead>
        <tbody>
          {w.above > 0 && <tr aria-hidden="true" style={{ height: w.above }} />}
          {items.slice(w.first, w.last).map((item) => (
            <Row key={item.idx} item={item} onOpen={open} />
          ))}
          {w.below > 0 && <tr aria-hidden="true" style={{ height: w.below }} />}
        </tbody>
      </table>
    </div>
  );
}
