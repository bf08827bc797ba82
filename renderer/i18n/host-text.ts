/**
 * Text made outside the window (host refusals, engine errors, compare verdicts, store notices) arrives as a
 * message code with parameters (shared/messages). This says it in the window's language: the `msg` keys of the
 * catalogs (English straight from the shared table, so there is one English source), or the English `message`
 * for a code this window does not know (a newer host, a row stored by one).
 */
import type { HostMessage } from '../../shared/messages/messages.ts';
import { i18next } from './i18n.ts';

/** A host message (or a plain string, already final) in `lng` (default: the window's language). */
export function hostText(m: HostMessage | string | null | undefined, lng?: string): string {
  if (m === null || m === undefined) return '';
  if (typeof m === 'string') return m;
  const key = `msg.${m.code}`;
  if (!i18next.exists(key, { lng })) return m.message;
  return i18next.t(key, { ...m.params, lng, defaultValue: m.message });
}

/**
 * The detail under a translated summary: the provider's (or a library's) own words, verbatim, when they say
 * more than the summary's English does; null when `message` is just that English.
 */
export function detailOf(e: { message: string; summary?: HostMessage | undefined }): string | null {
  if (!e.summary) return null;
  return e.message && e.message !== e.summary.message ? e.message : null;
}

/** A store notice (one message or several said in turn) in the window's language. */
export function noticeText(n: HostMessage | string | readonly (HostMessage | string)[] | null | undefined): string {
  if (Array.isArray(n)) return n.map((p) => hostText(p)).join(' ');
  return hostText(n as HostMessage | string | null | undefined);
}
