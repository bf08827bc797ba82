import { asHostMessage, type HostMessage } from '../../shared/messages/messages.ts';

/** A failed bridge call, with the kind the host gave it (bad-input, disk-full, host-unreachable, internal...). */
export class BridgeError extends Error {
  readonly kind: string;
  /** The host's message code, for the window to say in its language (null: English only). */
  readonly summary: HostMessage | null;
  constructor(kind: string, message: string, summary?: unknown) {
    super(message);
    this.kind = kind;
    this.name = 'BridgeError';
    this.summary = asHostMessage(summary);
  }
}
