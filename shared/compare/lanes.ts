/** What a compare runs: two to four lanes, each one request with its own provider, model, mode and budget. */
import { type Chip, chipsOf, chipText } from '../params/chips.ts';
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
 * One part of a lane's short name, as data: each shell words it in its own language (the window through its
 * catalog, the CLI in English). Provider names and model ids are names, shown as they are.
 */
export type LanePart =
  | { kind: 'provider'; name: string }
  | { kind: 'model'; model: string }
  | { kind: 'mode'; thinking: boolean }
  /** Visual tokens per image; null: the composer's (or the command's) budget. */
  | { kind: 'budget'; tokens: number | null }
  /** The parameters this lane sets that not every lane sets the same (chips: {kind, value}). */
  | { kind: 'params'; chips: Chip[] }
  /** The lane sends the provider's defaults where others set parameters. */
  | { kind: 'defaults' };

/** A lane's short name: its parts, and its number when the parts alone do not tell it from another lane. */
export interface LaneLabel {
  parts: LanePart[];
  /** 1-based; set when two lanes would read the same (identical lanes, two keys on one service). */
  lane?: number;
}

/**
 * Short names that tell the lanes apart by what differs between them: thinking vs fast for the default
 * compare, provider names for provider vs provider, provider and mode when both differ. Identical lanes (a
 * repeatability check) are "Lane 1", "Lane 2".
 */
export function laneLabelParts(lanes: readonly LaneSpec[]): LaneLabel[] {
  const differs = <K extends keyof LaneSpec>(k: K) => new Set(lanes.map((l) => String(l[k] ?? ''))).size > 1;
  const provider = differs('providerId');
  const model = differs('model');
  const mode = differs('thinking');
  const budget = differs('budget');
  // Parameters that differ between lanes ("T 0" vs "T 1"): the chips not every lane has. A chip's English text
  // is its identity here (kind and value), never what is shown.
  const chips = lanes.map((l) => chipsOf(l.params ?? {}));
  const keys = chips.map((c) => c.map(chipText));
  const shared = keys.reduce((acc, c) => acc.filter((x) => c.includes(x)), keys[0] ?? []);
  const labels = lanes.map((l, i): LaneLabel => {
    const parts: LanePart[] = [];
    if (provider) parts.push({ kind: 'provider', name: l.providerName });
    if (model) parts.push({ kind: 'model', model: l.model });
    if (mode) parts.push({ kind: 'mode', thinking: l.thinking });
    if (budget) parts.push({ kind: 'budget', tokens: l.budget ?? null });
    const own = chips[i]!.filter((_, j) => !shared.includes(keys[i]![j]!));
    if (own.length) parts.push({ kind: 'params', chips: own });
    else if (keys.some((c) => c.length !== shared.length)) parts.push({ kind: 'defaults' });
    return { parts };
  });
  // Two lanes with the same provider name but different ids (two keys on one service) still need telling apart.
  const english = labels.map(laneLabelEnglish);
  return labels.map((l, i) =>
    !english[i] || english.indexOf(english[i]!) !== i || english.lastIndexOf(english[i]!) !== i ? { ...l, lane: i + 1 } : l,
  );
}

/** A part in English: the CLI's wording (it prints English by design). */
export function lanePartEnglish(p: LanePart): string {
  switch (p.kind) {
    case 'provider':
      return p.name;
    case 'model':
      return p.model;
    case 'mode':
      return p.thinking ? 'Thinking' : 'Fast';
    case 'budget':
      return p.tokens ? `${p.tokens} tok/image` : 'default budget';
    case 'params':
      return p.chips.map(chipText).join(' ');
    case 'defaults':
      return 'defaults';
  }
}

/** A label in English: "Z.AI · Thinking", "Lane 2 · T 0". */
export function laneLabelEnglish(l: LaneLabel): string {
  const s = l.parts.map(lanePartEnglish).join(' · ');
  return l.lane ? `Lane ${l.lane}${s ? ` · ${s}` : ''}` : s;
}

/** The lanes' short names in English (the CLI, logs). */
export function laneLabels(lanes: readonly LaneSpec[]): string[] {
  return laneLabelParts(lanes).map(laneLabelEnglish);
}
