import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import type { UsageRange } from '../../../shared/bridge/usage.ts';

const day = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return day(d);
};

type Preset = 'all' | 'today' | '7' | '30' | 'custom';

function presetRange(p: Preset): UsageRange {
  switch (p) {
    case 'today':
      return { from: daysAgo(0), to: daysAgo(0) };
    case '7':
      return { from: daysAgo(6), to: daysAgo(0) };
    case '30':
      return { from: daysAgo(29), to: daysAgo(0) };
    default:
      return {};
  }
}

/** The usage view's date range: all time, a recent stretch, or two dates. */
export function RangePicker({ onChange }: { onChange: (r: UsageRange) => void }) {
  const [preset, setPreset] = useState<Preset>('all');
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const { t } = useTranslation();
  return (
    <div className="range-picker">
      <label>
        <span className="label-text">{t('usage.range')}</span>
        <select
          value={preset}
          onChange={(e) => {
            const p = e.target.value as Preset;
            setPreset(p);
            onChange(p === 'custom' ? { from, to } : presetRange(p));
          }}
        >
          <option value="all">{t('usage.allTime')}</option>
          <option value="today">{t('usage.today')}</option>
          <option value="7">{t('usage.last7')}</option>
          <option value="30">{t('usage.last30')}</option>
          <option value="custom">{t('usage.custom')}</option>
        </select>
      </label>
      {preset === 'custom' && (
        <>
          <label>
            <span className="label-text">{t('usage.from')}</span>
            <input
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => {
                setFrom(e.target.value);
                onChange({ from: e.target.value || null, to });
              }}
            />
          </label>
          <label>
            <span className="label-text">{t('usage.to')}</span>
            <input
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => {
                setTo(e.target.value);
                onChange({ from, to: e.target.value || null });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
