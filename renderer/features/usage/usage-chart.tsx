import { type DayTotals, emptyTotals } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/** Every day from the first to the last of the series, so quiet days show as gaps rather than vanish. */
export function fillDays(days: DayTotals[]): DayTotals[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: DayTotals[] = [];
  const [y, m, d] = days[0].day.split('-').map(Number);
  const cur = new Date(y, m - 1, d);
  const last = days[days.length - 1].day;
  for (let i = 0; i < 3660; i++) {
    const key = `${cur.getFullYear()}-${String(cur.getMonth() + 1).padStart(2, '0')}-${String(cur.getDate()).padStart(2, '0')}`;
    out.push(byDay.get(key) ?? { day: key, ...emptyTotals() });
    if (key >= last) break;
    cur.setDate(cur.getDate() + 1);
  }
  return out;
}

const W = 640;
const H = 150;
const PAD_BOTTOM = 18;

/**
 * Bars per day as plain SVG: a few dozen rects need no chart library, and this way every bar has a title and the
 * figure a text summary, with the numbers in a table beside it for screen readers and copying.
 */
export function UsageChart({
  title,
  days,
  value,
  format,
}: {
  title: string;
  days: DayTotals[];
  value: (d: DayTotals) => number;
  format: (v: number) => string;
}) {
  const series = fillDays(days);
  const { t } = useTranslation();
  const max = Math.max(0, ...series.map(value));
  const total = series.reduce((n, d) => n + value(d), 0);
  const bw = series.length ? W / series.length : W;
  // A few days should not make slabs: bars stay at most 48 units wide, centred in their slot.
  const barW = Math.max(Math.min(bw * 0.76, 48), 1);
  const label = series.length
    ? t('usage.chartLabel', {
        title,
        count: series.length,
        from: series[0].day,
        to: series.at(-1)!.day,
        total: format(total),
        max: format(max),
      })
    : t('usage.chartEmpty', { title });
  return (
    <figure className="usage-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1="0" x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} className="axis" />
        {series.map((d, i) => {
          const v = value(d);
          const h = max > 0 ? ((H - PAD_BOTTOM - 6) * v) / max : 0;
          return (
            <rect key={d.day} x={i * bw + (bw - barW) / 2} width={barW} y={H - PAD_BOTTOM - h} height={h} className="bar">
              <title>{`${d.day}: ${format(v)}${d.unknown_cost_requests ? t('usage.barUnknown', { n: d.unknown_cost_requests }) : ''}`}</title>
            </rect>
          );
        })}
        {series.length > 0 && (
          <>
            <text x="2" y={H - 4} className="tick">
              {series[0].day}
            </text>
            {series.length > 1 && (
              <text x={W - 2} y={H - 4} textAnchor="end" className="tick">
                {series.at(-1)!.day}
              </text>
            )}
          </>
        )}
      </svg>
      {series.length === 0 && <p className="muted small">{t('usage.noRequests')}</p>}
    </figure>
  );
}

export const spendValue = (d: DayTotals) => d.cost_usd;
export const tokenValue = (d: DayTotals) => d.prompt_tokens + d.completion_tokens;
