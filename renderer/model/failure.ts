/** A failed bridge call as a turn's error, keeping the kind the host or transport gave it. */
import type { ErrorKind } from '../../shared/engine/types.ts';
import { asHostMessage, type HostMessage } from '../../shared/messages/messages.ts';
import type { HostFailureKind, TurnError } from './turn.ts';

const KINDS: ReadonlySet<string> = new Set<ErrorKind | HostFailureKind>([
  'auth',
  'rate-limit',
  'quota',
  'context-length',
  'content-filter',
  'bad-request',
  'server',
  'network',
  'timeout',
  'protocol',
  'cancelled',
  'bad-input',
  'host-unreachable',
  'forbidden',
  'internal',
  'disk-full',
]);

/** The person-readable message of anything a bridge call threw: Electron's wrapping of a rejected invoke dropped. */
export function failureMessage(e: unknown): string {
  return e instanceof Error ? e.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(e);
}

/** What a rejected bridge call says, as a message code when the host gave one (the window translates it). */
export function failureText(e: unknown): HostMessage | string {
  return asHostMessage((e as { summary?: unknown } | null)?.summary) ?? failureMessage(e);
}

/**
 * What a rejected bridge call becomes on its turn: a failure with a kind (a BridgeError) keeps it; anything
 * else (a kind nobody knows, a bare Error, a thrown string) is `internal`, never passed off as the person's input.
 */
export function turnErrorOf(e: unknown): TurnError {
  const kind = (e as { kind?: unknown } | null)?.kind;
  const summary = asHostMessage((e as { summary?: unknown } | null)?.summary);
  return {
    kind: typeof kind === 'string' && KINDS.has(kind) ? (kind as TurnError['kind']) : 'internal',
    status: null,
    code: null,
    message: failureMessage(e),
    retry_after_s: null,
    ...(summary ? { summary } : {}),
  };
}
