import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { computeVerdict } from '../../../shared/compare/verdict.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { isRunning } from '../../model/turn.ts';
import { useStore } from '../../store/index.ts';
import './compare.css';
import { CompareImage } from './compare-image.tsx';
import { useLaneLabelText } from './lane-label.ts';
import { LaneView } from './lane-view.tsx';
import { useLaneBoxes } from './use-lane-boxes.ts';
import { VerdictRow } from './verdict-row.tsx';

/** One compare in the conversation: the question once, the lanes side by side (stacked when narrow), the verdict. */
export const CompareView = memo(function CompareView({ group }: { group: string }) {
  // Turn objects are replaced only when they change, so a shallow compare of the list is a cheap, stable selector.
  const turns = useStore(useShallow((s) => s.turns.filter((x) => x.compareGroup === group)));
  const { t } = useTranslation();
  const labelText = useLaneLabelText();
  // The ids only change when lanes are added (never, once a compare runs): keep one array so lanes' boxes stay memoised.
  const idKey = turns.map((x) => x.id).join(',');
  const ids = useMemo(() => (idKey ? idKey.split(',') : []), [idKey]);
  const lanes = useMemo(
    () =>
      turns.map((x, i) => ({
        label: labelText(x.laneLabel, i),
        result: x.result,
        requestId: x.requestId,
        status: x.status,
      })),
    [turns, labelText],
  );
  const first = turns[0];
  const preferred = useStore((s) => s.comparePreferred[group] ?? null);
  const markError = useStore((s) => s.compareMarkError[group] ?? null);
  const mark = useStore((s) => s.markPreferred);
  // Recomputed when a lane ends (its result arrives), not per streamed token: the word diff of long answers costs
  // milliseconds. A compare's lane count never changes, so the dependency list keeps its length.
  const labelKey = lanes.map((l) => l.label).join('\n');
  const verdict = useMemo(
    () => computeVerdict(lanes.map((l) => ({ label: l.label, result: l.result }))),
    [labelKey, ...lanes.map((l) => l.result)], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const { images, boxes } = useLaneBoxes(ids);
  if (!first) return null;
  const running = lanes.filter(isRunning).length;
  const labels = lanes.map((l) => l.label);
  return (
    <article className="turn compare" aria-label={t('compare.label')} data-settled={running ? undefined : ''}>
      <div className="user-message">
        {first.prompt && <p className="user-prompt">{first.prompt}</p>}
        <p className="muted small">
          {t('compare.comparedIn', { count: lanes.length })}
          {running ? t('compare.running', { count: running }) : ''}
        </p>
      </div>
      {images.length > 0 && (
        <div className="compare-images">
          {images.map((im, i) => (
            <CompareImage key={i} image={im} index={i} boxes={boxes} labels={labels} />
          ))}
        </div>
      )}
      <div className="compare-lanes" data-lanes={lanes.length}>
        {ids.map((id, i) => (
          <LaneView
            key={id}
            turnId={id}
            lane={i}
            metrics={verdict.lanes[i]}
            preferred={Boolean(preferred && preferred === lanes[i].requestId)}
            canMark={running === 0 && lanes.length > 1 && lanes[i].status === 'done'}
            onMark={() => void mark(group, preferred === lanes[i].requestId ? null : lanes[i].requestId)}
          />
        ))}
      </div>
      <VerdictRow verdict={verdict} running={running} markError={markError} />
    </article>
  );
});
