/** A failed bridge call, with the kind the host gave it (bad-input, disk-full, host-unreachable, internal...). */
export class BridgeError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'BridgeError';
  }
}
