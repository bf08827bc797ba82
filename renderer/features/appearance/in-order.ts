/**
 * Sends one at a time, in the order asked: each waits until the one before it has been answered (or refused).
 * Two picks in quick succession went as two requests, which the browser may carry on two connections: the earlier
 * one could reach the host second and be what it kept (language and theme picked in Settings came back English
 * after a reload, in CI).
 */
export function inOrder<T, R>(send: (value: T) => Promise<R>): (value: T) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (value) => {
    const sent = last.then(() => send(value));
    last = sent.catch(() => undefined);
    return sent;
  };
}
