/**
 * Maps what providers send when things go wrong onto kinds a person can act on.
 * Z.AI codes: https://docs.z.ai/api-reference/api-code ; OpenRouter: https://openrouter.ai/docs/api-reference/errors
 */
import { englishText, type HostMessage, hostMessage, type MessageCode } from '../messages/messages.ts';
import type { ChatError, ErrorKind } from './types.ts';

type Json = Record<string, unknown>;

const ZAI_CODES: Record<string, ErrorKind> = {
  '1000': 'auth',
  '1001': 'auth',
  '1002': 'auth',
  '1003': 'auth',
  '1113': 'quota',
  '1211': 'bad-request',
  '1261': 'context-length',
  '1301': 'content-filter',
  '1302': 'rate-limit',
  '1303': 'rate-limit',
  '1304': 'quota',
  '1305': 'rate-limit',
};

/** Finish reasons that mean the answer did not end normally. */
const FINISH_ERRORS: Record<string, { kind: ErrorKind; code: MessageCode }> = {
  sensitive: { kind: 'content-filter', code: 'finish.content-filter' },
  content_filter: { kind: 'content-filter', code: 'finish.content-filter' },
  model_context_window_exceeded: { kind: 'context-length', code: 'finish.context-window' },
  network_error: { kind: 'server', code: 'finish.network-error' },
};

export function errorFromFinishReason(reason: string | null): ChatError | null {
  const hit = reason ? FINISH_ERRORS[reason] : undefined;
  if (!hit) return null;
  const summary = hostMessage(hit.code as 'finish.content-filter');
  return { kind: hit.kind, status: null, code: reason, message: summary.message, retry_after_s: null, summary };
}

/** Pulls `{error: {code, message}}` (Z.AI, OpenRouter, OpenAI) out of whatever body came back. */
export function errorPayload(body: unknown): { code: string | null; message: string | null; raw: Json | null } {
  const b = (body && typeof body === 'object' ? body : null) as Json | null;
  const e = (b?.error && typeof b.error === 'object' ? b.error : b) as Json | null;
  if (!e) return { code: null, message: typeof body === 'string' && body ? body : null, raw: null };
  const code = e.code ?? e.type;
  return {
    code: code === undefined || code === null ? null : String(code),
    message: typeof e.message === 'string' ? e.message : null,
    raw: e,
  };
}

/** The message code of a kind's generic sentence (the sentences themselves are in shared/messages). */
const kindCode = (kind: ErrorKind): MessageCode => `error.${kind}`;

/** The kind's generic sentence as a message, the summary a window translates. */
export const kindMessage = (kind: ErrorKind): HostMessage => hostMessage(kindCode(kind) as 'error.auth');

/** A generic sentence for a kind, used when the provider's own message is missing. */
export const describeKind = (kind: ErrorKind): string => englishText(kindCode(kind) as 'error.auth');

function kindFromStatus(status: number, code: string | null, message: string): ErrorKind {
  if (code && ZAI_CODES[code]) return ZAI_CODES[code];
  const m = message.toLowerCase();
  if (/context|too long|maximum.*tokens|prompt is too/.test(m) && status === 400) return 'context-length';
  if (status === 401 || (status === 403 && /key|auth|token/.test(m))) return 'auth';
  if (status === 402) return 'quota';
  if (status === 403) return 'content-filter';
  if (status === 408) return 'timeout';
  if (status === 429) return /balance|quota|credit|insufficient/.test(m) ? 'quota' : 'rate-limit';
  if (status === 413) return 'context-length';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad-request';
  return 'protocol';
}

export interface HttpFailure {
  status: number | null;
  body: unknown;
  retryAfter?: string | null;
}

/** Classifies an HTTP error response, or an error event inside a 200 stream (status null). */
export function classifyHttpError(f: HttpFailure): ChatError {
  const { code, message } = errorPayload(f.body);
  // OpenRouter puts the upstream status in the in-stream error's numeric code.
  const status = f.status ?? (code && /^\d{3}$/.test(code) ? Number(code) : null);
  const kind = status === null ? (code && ZAI_CODES[code]) || 'server' : kindFromStatus(status, code, message ?? '');
  return {
    kind,
    status: f.status,
    code,
    message: redactSecrets(message ?? describeKind(kind)),
    retry_after_s: parseRetryAfter(f.retryAfter ?? null),
    // The provider's own words stay in `message`, shown verbatim under this translated summary.
    summary: kindMessage(kind),
  };
}

/** `Retry-After` as seconds (it may be seconds or an HTTP date). */
export function parseRetryAfter(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  const n = Number(v);
  if (Number.isFinite(n)) return Math.max(0, n);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now) / 1000)) : null;
}

/** Keys must never reach a message a person sees or a log: mask anything shaped like one. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}/g, '$1-…')
    .replace(/(Bearer\s+)[^\s"']+/gi, '$1…')
    .replace(/\b[0-9a-f]{32}\.[A-Za-z0-9]{8,}\b/g, '…');
}

/**
 * Masks one exact secret (the key a request was sent with) wherever it appears: servers echo headers in their
 * error bodies ("invalid token: abc123…"), and such a key need not look like any known key shape.
 */
export function redactKey(text: string, key: string | null | undefined): string {
  const out = redactSecrets(text);
  if (!key) return out;
  if (key.length >= MIN_SUBSTRING_KEY) return out.split(key).join('…');
  // A very short key ("x", "abc") would mask pieces of ordinary words: it is masked where it stands alone.
  return out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(key)}(?![A-Za-z0-9])`, 'g'), '…');
}

/** Keys at least this long are masked wherever they appear, even inside other text. */
const MIN_SUBSTRING_KEY = 6;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks one key in text that arrives in pieces (a streamed answer that repeats the key it was sent with), even when
 * the key is split across pieces: the tail that could be the start of the key is held back until the next piece
 * shows whether it is. Keys shorter than 6 characters are left alone here: in an answer they would mask words.
 */
export class KeyMasker {
  private held = '';
  private readonly key: string | null;
  constructor(key: string | null | undefined) {
    this.key = key && key.length >= MIN_SUBSTRING_KEY ? key : null;
  }

  /** The part of `text` (after what was held back) that is safe to pass on now. */
  push(text: string): string {
    if (!this.key || !text) return text;
    const s = (this.held + text).split(this.key).join('…');
    let hold = Math.min(this.key.length - 1, s.length);
    while (hold > 0 && !this.key.startsWith(s.slice(s.length - hold))) hold--;
    this.held = s.slice(s.length - hold);
    return s.slice(0, s.length - hold);
  }

  /** What is still held back, once the text is complete. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}

/**
 * A ChatError with the person-readable sentence for its kind unless a better message is given. A HostMessage
 * becomes both the summary (translated by the window) and the English `message`; a plain string is detail (a
 * provider's or library's own words), kept verbatim under the kind's translated summary.
 */
export function makeError(kind: ErrorKind, message?: string | HostMessage, extra: Partial<ChatError> = {}): ChatError {
  const summary = typeof message === 'object' ? message : kindMessage(kind);
  const text = typeof message === 'string' ? message : summary.message;
  return { kind, status: null, code: null, message: text, retry_after_s: null, summary, ...extra };
}
