/**
 * What the store tells a person in a notice: a host message (a code the window translates), plain text that is
 * already final (a file name, a library's words), or several of them said one after another.
 */
import type { HostMessage } from '../../shared/messages/messages.ts';

export type NoticePart = HostMessage | string;
export type Notice = NoticePart | readonly NoticePart[];

/** Notices said together, in order, dropping empty ones; null when nothing is left. */
export function joinNotices(...parts: readonly (Notice | null | undefined)[]): Notice | null {
  const flat = parts.flatMap((p) => (p === null || p === undefined ? [] : Array.isArray(p) ? p : [p as NoticePart]));
  const kept = flat.filter((p) => p !== '');
  return kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept;
}
