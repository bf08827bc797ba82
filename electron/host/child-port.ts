/**
 * A child's side of its channel to the host (child-launcher.ts starts it): Electron's utility process (the desktop
 * app) talks through `process.parentPort`, Node's fork (the CLI, the browser shell) through `process.send`. Each
 * child (decode-child.ts, schema-child.ts) listens and replies through this, whichever started it.
 */
interface ParentPort<Req, Reply> {
  on(event: 'message', listener: (e: { data: Req }) => void): void;
  postMessage(message: Reply): void;
}

/** Calls `onRequest` with each message from the host; returns how to send the host a message. */
export function serveParent<Req, Reply>(onRequest: (req: Req) => void): (reply: Reply) => void {
  const port = (process as unknown as { parentPort?: ParentPort<Req, Reply> }).parentPort;
  if (port) {
    port.on('message', (e) => onRequest(e.data));
    return (reply) => port.postMessage(reply);
  }
  process.on('message', (req: Req) => onRequest(req));
  // The host going away closes the channel: nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  return (reply) => void process.send?.(reply);
}
