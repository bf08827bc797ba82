/**
 * Whether an estimated prompt fits the model's context window. A 40-page PDF at the default budget is ~100k
 * visual tokens, past GLM-4.5V's 65,536: the estimate line says so as it happens, and Send refuses it, since
 * the provider would only answer with a context-length error after the pages were rendered and uploaded.
 */
import type { ProviderView } from '../../shared/bridge/providers.ts';
import { contextFit, overContextText, type ContextFit } from '../../shared/media/estimate.ts';
import { catalogModel } from '../../shared/providers/catalog.ts';
import type { PendingAttachment } from './attachments.ts';
import { historyOf } from './history.ts';
import type { Turn } from './turn.ts';
import { composerEstimate } from './composer-estimate.ts';
import type { HostMessage } from '../../shared/messages/messages.ts';

export { contextFit, type ContextFit };

/** The picked model's context window from the catalog; null when unknown (a custom server's model). */
export function modelContext(s: { providers: readonly ProviderView[]; providerId: string | null }): number | null {
  const p = s.providers.find((x) => x.id === s.providerId);
  return p ? (catalogModel(p.catalogId, p.model)?.contextTokens ?? null) : null;
}

export interface ComposerView {
  providers: readonly ProviderView[];
  providerId: string | null;
  attachments: readonly PendingAttachment[];
  budget: number;
  prompt: string;
  turns: readonly Turn[];
  comparePreferred: Readonly<Record<string, string>>;
}

/**
 * What Send says instead of sending a request over the model's context (counted as the estimate line counts
 * it: the prompt, the history send() carries, every picked page and frame), or null when it fits.
 */
export function contextRefusal(s: ComposerView): HostMessage | null {
  const texts = [s.prompt, ...historyOf(s.turns, s.comparePreferred).map((h) => h.text)];
  const e = composerEstimate(s.attachments, s.budget, texts, null);
  const fit = contextFit(e.prompt_tokens, modelContext(s));
  return fit.kind === 'over' ? overContextText(e.prompt_tokens, fit.context) : null;
}
