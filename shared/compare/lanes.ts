/** What a compare runs: two to four lanes, each one request with its own provider, model, mode and budget. */
import { paramChips } from '../params/chips.ts';
import type { SamplingParams } from '../params/types.ts';

/** The most lanes a compare runs at once: more would not fit side by side, nor be read side by side. */
export const MAX_LANES = 4;
export const MIN_LANES = 2;

/** One lane's settings. `providerName` is what a person calls the provider (for labels). */
export interface LaneSpec {
  providerId: string;
  providerName: string;
  model: string;
  thinking: boolean;
  /** Visual-token budget per image; absent means the composer's (or the CLI's) budget. */
  budget?: number;
  /** The parameters the lane sends (the panel's or the command's, with the lane's own on top). */
  params?: SamplingParams;
}

/** The default compare: the chosen provider and model, thinking on in lane 1 and off in lane 2. */
export function defaultLanes(base: Omit<LaneSpec, 'thinking'>): LaneSpec[] {
  return [
    { ...base, thinking: true },
    { ...base, thinking: false },
  ];
}

/**
 * Short names that tell the lanes apart by what differs between them: "Thinking" and "Fast" for the default
 * compare, provider names for provider vs provider, "Z.AI · Thinking" when both differ. Identical lanes (a
 * repeatability check) are "Lane 1", "Lane 2".
 */
export function laneLabels(lanes: readonly LaneSpec[]): string[] {
  const differs = <K extends keyof LaneSpec>(k: K) => new Set(lanes.map((l) => String(l[k] ?? ''))).size > 1;
  const provider = differs('providerId');
  const model = differs('model');
  const mode = differs('thinking');
  const budget = differs('budget');
  // Parameters that differ between lanes, as chips ("T 0" vs "T 1"): the ones not every lane has.
  const chips = lanes.map((l) => paramChips(l.params ?? {}));
  const shared = chips.reduce((acc, c) => acc.filter((x) => c.includes(x)), chips[0] ?? []);
  const labels = lanes.map((l, i) => {
    const parts: string[] = [];
    if (provider) parts.push(l.providerName);
    if (model) parts.push(l.model);
    if (mode) parts.push(l.thinking ? 'Thinking' : 'Fast');
    if (budget) parts.push(l.budget ? `${l.budget} tok/image` : 'default budget');
    const own = chips[i]!.filter((c) => !shared.includes(c));
    if (own.length) parts.push(own.join(' '));
    else if (chips.some((c) => c.length !== shared.length)) parts.push('defaults');
    return parts.join(' · ');
  });
  // Two lanes with the same provider name but different ids (two keys on one service) still need telling apart.
  return labels.map((s, i) =>
    !s || labels.indexOf(s) !== i || labels.lastIndexOf(s) !== i ? `Lane ${i + 1}${s ? ` · ${s}` : ''}` : s,
  );
}
