/** A failed bridge call, with the kind the host gave it (bad-input, disk-full, host-unreachable, internal...). */
export class BridgeError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'BridgeError';
  }
}

/** The person-readable message of anything a bridge call threw. */
export function failureMessage(e: unknown): string {
  return e instanceof Error ? e.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(e);
}
