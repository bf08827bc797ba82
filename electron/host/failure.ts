/** Turns anything a host method throws into the typed failure that crosses the bridge. */
import type { BridgeFailure } from '../../shared/bridge/contract.ts';
import { redactSecrets } from '../../shared/engine/errors.ts';
import { hostMessage } from '../../shared/messages/messages.ts';
import { BadInputError } from './bad-input.ts';
import { BadProviderInput } from './provider-store.ts';

export function toFailure(e: unknown): BridgeFailure {
  if (e instanceof BadInputError)
    return e.text ? { kind: 'bad-input', message: e.message, summary: e.text } : { kind: 'bad-input', message: e.message };
  if (e instanceof BadProviderInput) return { kind: 'bad-input', message: e.message };
  const err = e as { code?: string; message?: string };
  if (err?.code === 'ENOSPC') {
    const summary = hostMessage('error.disk-full');
    return { kind: 'disk-full', message: summary.message, summary };
  }
  return { kind: 'internal', message: redactSecrets(err?.message ?? String(e)) };
}
