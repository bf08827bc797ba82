/**
 * How the browser shell frames a host event as server-sent events, and how the page puts it back together.
 *
 * A large event is sent as several SSE messages: pieces of its JSON as `part` events, the last piece as a plain
 * message, which the page joins and parses. The browser's EventSource parses each network chunk as it arrives,
 * but the work of handing one message to the page (its data as one string) falls in the task that delivers the
 * message's last bytes: for the end of a 20,000-box answer (2.7 MB of JSON: the answer and its boxes) that task
 * was 70 ms of native time before any of the page's code ran. In pieces of PIECE_CHARS, each network chunk's task
 * hands over a few pieces, and the last one only its own.
 */

/** Characters of JSON per SSE message. */
export const PIECE_CHARS = 64 * 1024;

/** The SSE event type of every piece but the last. */
export const PART_EVENT = 'part';

/** `json` (one host event, as JSON.stringify wrote it: no line breaks) as the SSE frames that carry it. */
export function sseFrames(json: string, piece = PIECE_CHARS): string {
  if (json.length <= piece) return `data: ${json}\n\n`;
  let out = '';
  let at = 0;
  while (json.length - at > piece) {
    let end = at + piece;
    // Never between the halves of a surrogate pair: each piece is encoded as UTF-8 on its own, and a lone half
    // would arrive as U+FFFD.
    const c = json.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff && end - 1 > at) end--;
    out += `event: ${PART_EVENT}\ndata: ${json.slice(at, end)}\n\n`;
    at = end;
  }
  return `${out}data: ${json.slice(at)}\n\n`;
}

/** The page's side: pieces kept until the message that ends them. */
export class SsePieces {
  private parts: string[] = [];

  /** A `part` event's data. */
  part(data: string): void {
    this.parts.push(data);
  }

  /** A message's data: the whole JSON of an event, with the pieces before it. */
  end(data: string): string {
    if (this.parts.length === 0) return data;
    this.parts.push(data);
    const json = this.parts.join('');
    this.parts = [];
    return json;
  }

  /** The connection dropped: a piece kept now belongs to an event that will never end. */
  reset(): void {
    this.parts = [];
  }
}
