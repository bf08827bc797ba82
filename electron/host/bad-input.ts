import type { HostMessage } from '../../shared/messages/messages.ts';

/**
 * Our side refused the input (a corrupt file, a wrong type): becomes error kind `bad-input`, nothing is sent.
 * Given a HostMessage (shared/messages), the refusal keeps its code so the window can say it in its language;
 * a plain string (a message not yet given a code) reaches the window in English.
 */
export class BadInputError extends Error {
  readonly kind = 'bad-input' as const;
  readonly text: HostMessage | null;
  constructor(message: string | HostMessage) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'BadInputError';
    this.text = typeof message === 'string' ? null : message;
  }
}
