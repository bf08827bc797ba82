/** Our side refused the input (a corrupt file, a wrong type): becomes error kind `bad-input`, nothing is sent. */
export class BadInputError extends Error {
  readonly kind = 'bad-input' as const;
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}
