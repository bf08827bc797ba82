/**
 * The settings an exchange was sent with (provider, model, thinking, parameters), compared with what the toolbar
 * and the parameters panel hold now: regenerate sends the former; where they differ, the turn offers
 * "Regenerate with current settings" and says what differs.
 */
import type { ProviderView } from '../../shared/bridge/providers.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import type { Turn } from './turn.ts';

export interface TurnSettings {
  provider: ProviderView;
  model: string;
  thinking: boolean;
  params: SamplingParams;
}

/**
 * What `turn` was sent with, its provider found by id (by name for a turn rebuilt from a stored session, which
 * keeps only the name). Null when that provider no longer exists.
 */
export function originalSettings(turn: Turn, providers: readonly ProviderView[]): TurnSettings | null {
  const provider =
    providers.find((p) => p.id === turn.request?.providerId) ?? providers.find((p) => p.name === turn.providerName);
  if (!provider) return null;
  return { provider, model: turn.request?.model ?? turn.model, thinking: turn.thinking, params: turn.params ?? {} };
}

/** Which of the settings differ between a turn and now; empty when regenerating either way sends the same. */
export function settingsDiffer(
  turn: Turn,
  now: { providers: readonly ProviderView[]; providerId: string | null; thinking: boolean; params: SamplingParams },
): ('provider' | 'model' | 'thinking' | 'params')[] {
  const was = originalSettings(turn, now.providers);
  const current = now.providers.find((p) => p.id === now.providerId);
  if (!was || !current) return [];
  const out: ('provider' | 'model' | 'thinking' | 'params')[] = [];
  if (was.provider.id !== current.id) out.push('provider');
  if (was.model !== current.model) out.push('model');
  if (was.thinking !== now.thinking) out.push('thinking');
  if (stable(was.params) !== stable(now.params)) out.push('params');
  return out;
}

/** JSON with sorted keys and no undefined values: two parameter sets that send the same body compare equal. */
function stable(p: SamplingParams): string {
  const keys = (Object.keys(p) as (keyof SamplingParams)[]).filter((k) => p[k] !== undefined).sort();
  return JSON.stringify(keys.map((k) => [k, p[k]]));
}
