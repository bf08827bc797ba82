/** Compare lanes as the renderer sets them up, and the lanes of a reopened session regrouped. */
import type { CompareInfo } from '../../shared/bridge/compare.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { defaultLanes, laneLabelParts } from '../../shared/compare/lanes.ts';
import { linkInOrder } from './thread.ts';
import type { Turn } from './turn.ts';

/** One lane as the person set it up; `budget: null` follows the composer's budget. A single ask is one lane. */
export interface LaneConfig {
  providerId: string;
  model: string;
  thinking: boolean;
  budget: number | null;
  /** Parameters this lane sets over the panel's (temperature 0 vs 1, another system prompt, a schema or none). */
  params?: SamplingParams;
}

/** The lanes a compare runs: the person's setup, else the default pair for the chosen provider. */
export function lanesFor(
  custom: LaneConfig[] | null,
  providers: readonly ProviderView[],
  providerId: string | null,
): LaneConfig[] {
  if (custom) return custom;
  const p = providers.find((x) => x.id === providerId);
  if (!p) return [];
  return defaultLanes({ providerId: p.id, providerName: p.name, model: p.model }).map((l) => ({
    providerId: l.providerId,
    model: l.model,
    thinking: l.thinking,
    budget: null,
  }));
}

/**
 * Lanes of a compare come back from a session as separate exchanges: the ledger says which requests were one
 * compare. They are grouped again, made siblings (the parent of the group's first lane), and their labels are
 * worked out again from what the stored lanes were.
 */
export function regroupCompares(turns: readonly Turn[], info: CompareInfo): Turn[] {
  const out = turns.map((t) =>
    t.requestId && info.groupOf[t.requestId] ? { ...t, compareGroup: info.groupOf[t.requestId] } : t,
  );
  for (const g of new Set(Object.values(info.groupOf))) {
    const idx = out.flatMap((t, i) => (t.compareGroup === g ? [i] : []));
    if (idx.length === 0) continue;
    const labels = laneLabelParts(
      idx.map((i) => ({
        providerId: out[i].providerName,
        providerName: out[i].providerName,
        model: out[i].model,
        thinking: out[i].thinking,
        params: out[i].params,
      })),
    );
    idx.forEach((i, k) => {
      out[i] = { ...out[i], laneLabel: labels[k] };
    });
  }
  return linkInOrder(out);
}
