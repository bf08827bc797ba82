/** A failed bridge call as a turn's error, keeping the kind the host or transport gave it. */
import type { ErrorKind } from '../../shared/engine/types.ts';
import type { HostFailureKind, TurnError } from './turn.ts';

const KINDS: ReadonlySet<string> = new Set<ErrorKind | HostFailureKind>([
  'auth', 'rate-limit', 'quota', 'context-length', 'content-filter', 'bad-request', 'server', 'network', 'timeout',
  'protocol', 'cancelled', 'bad-input', 'host-unreachable', 'forbidden', 'internal', 'disk-full',
]);

/** Electron wraps a rejected invoke's message in its own words: the person needs only the host's. */
const cleanMessage = (m: string) => m.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');

/**
 * What a rejected bridge call becomes on its turn: a failure with a kind (a BridgeError) keeps it; anything
 * else (a kind nobody knows, a bare Error, a thrown string) is `internal`, never passed off as the person's input.
 */
export function turnErrorOf(e: unknown): TurnError {
  const kind = (e as { kind?: unknown } | null)?.kind;
  const message = e instanceof Error ? cleanMessage(e.message) : String(e);
  return {
    kind: typeof kind === 'string' && KINDS.has(kind) ? (kind as TurnError['kind']) : 'internal',
    status: null,
    code: null,
    message,
    retry_after_s: null,
  };
}
