/**
 * Work that should not hold back a frame's paint: run right after the current frame's rendering update instead of
 * inside it. Called from a requestAnimationFrame callback, a message posted then is delivered once style, layout
 * and paint are done, before the next frame begins; what it renders is painted by the next frame.
 */
export function afterThisPaint(f: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    f();
  };
  channel.port2.postMessage(0);
}

/** `f` after the next frame's paint; the returned function cancels it if it has not run. */
export function afterNextPaint(f: () => void): () => void {
  let live = true;
  const id = requestAnimationFrame(() => afterThisPaint(() => live && f()));
  return () => {
    live = false;
    cancelAnimationFrame(id);
  };
}
