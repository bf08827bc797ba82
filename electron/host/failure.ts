/** Turns anything a host method throws into the typed failure that crosses the bridge. */
import type { BridgeFailure } from '../../shared/bridge/contract.ts';
import { redactSecrets } from '../../shared/engine/errors.ts';
import { BadInputError } from './bad-input.ts';
import { BadProviderInput } from './provider-store.ts';

export function toFailure(e: unknown): BridgeFailure {
  if (e instanceof BadInputError || e instanceof BadProviderInput) return { kind: 'bad-input', message: e.message };
  const err = e as { code?: string; message?: string };
  if (err?.code === 'ENOSPC')
    return { kind: 'disk-full', message: 'The disk is full: nothing new could be saved. Free some space and try again.' };
  return { kind: 'internal', message: redactSecrets(err?.message ?? String(e)) };
}
