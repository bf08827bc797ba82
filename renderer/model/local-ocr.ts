/**
 * What the window does differently for Local OCR (a provider without a language model), as pure data: which
 * provider is picked when the person has not picked one, and which presets are off and why.
 */
import type { LocalServer } from '../../shared/bridge/local-ocr.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import { catalogEntry, isLocalOcr } from '../../shared/providers/catalog.ts';

/**
 * The provider to start with: the person's last pick; else one with a key; else a saved local server that
 * answered the scan; else Local OCR, which works with no key and no network; else the first.
 */
export function defaultProvider(
  providers: readonly ProviderView[],
  current: string | null,
  found: readonly LocalServer[] = [],
): ProviderView | undefined {
  const picked = providers.find((p) => p.id === current);
  if (picked) return picked;
  const keyed = providers.find((p) => p.hasKey && !isLocalOcr(p.catalogId));
  if (keyed) return keyed;
  const answering = providers.find((p) => catalogEntry(p.catalogId).userUrl && found.some((s) => s.baseUrl === p.baseUrl));
  if (answering) return answering;
  // A server whose address the person typed themselves (their vLLM on another machine, a gateway) is what they set
  // Glimpse up for: the loopback scan cannot see it, and a pick remembered by the window can be lost with its
  // storage (a browser shell on a new port), so it is chosen over Local OCR.
  const typed = providers.find((p) => p.catalogId === 'custom');
  return typed ?? providers.find((p) => isLocalOcr(p.catalogId)) ?? providers[0];
}

/**
 * Presets that need a model that understands a question: off for Local OCR, which only reads text. The values are
 * catalog keys (the reason, in the window's language, is the view's to look up).
 */
const NEEDS_LANGUAGE_MODEL: Readonly<Record<string, string>> = {
  locate: 'presetOff.locate',
  table: 'presetOff.table',
  formula: 'presetOff.formula',
  receipt: 'presetOff.receipt',
};

/** The catalog key of why a preset is off for this provider, or null when it can be used. */
export function presetOffReason(presetId: string, catalogId: string | null): string | null {
  if (!catalogId || !isLocalOcr(catalogId)) return null;
  return NEEDS_LANGUAGE_MODEL[presetId] ?? null;
}
