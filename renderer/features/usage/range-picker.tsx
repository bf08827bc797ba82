import { useState } from 'react';
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
  return (
    <div className="range-picker">
      <label>
        <span className="label-text">Range</span>
        <select
          value={preset}
          onChange={(e) => {
            const p = e.target.value as Preset;
            setPreset(p);
            onChange(p === 'custom' ? { from, to } : presetRange(p));
          }}
        >
          <option value="all">All time</option>
          <option value="today">Today</option>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="custom">Custom…</option>
        </select>
      </label>
      {preset === 'custom' && (
        <>
          <label>
            <span className="label-text">From</span>
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
            <span className="label-text">To</span>
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
