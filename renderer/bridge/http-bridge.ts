/**
 * The bridge over HTTP + server-sent events, for the browser shell. The launch token lives in an HttpOnly
 * cookie the server set, so this code never sees it; same-origin requests carry it automatically.
 */
import type { AttachmentInfo, AttachmentUpload } from '../../shared/bridge/attachments.ts';
import type { SessionExportFile, SessionExportFormat } from '../../shared/bridge/sessions.ts';
import {
  bridgeMethodNames,
  type BridgeFailure,
  type BridgeMethods,
  type GlimpseBridge,
  type HostEvent,
} from '../../shared/bridge/contract.ts';
import { PART_EVENT, SsePieces } from '../../shared/bridge/sse-frames.ts';
import { BridgeError } from './bridge-error.ts';

async function parse<T>(res: Response): Promise<T> {
  let body: { result?: T; failure?: BridgeFailure };
  try {
    body = await res.json();
  } catch {
    throw new BridgeError('internal', `The Glimpse server answered ${res.status} without a readable body.`);
  }
  if (!res.ok || body.failure)
    throw new BridgeError(body.failure?.kind ?? 'internal', body.failure?.message ?? `HTTP ${res.status}`, body.failure?.summary);
  return body.result as T;
}

async function call(method: string, arg: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ arg }),
    });
  } catch {
    throw new BridgeError('host-unreachable', 'The Glimpse server is not answering. Is `npm run serve` still running?');
  }
  return parse(res);
}

export function createHttpBridge(): GlimpseBridge {
  const generic = Object.fromEntries(
    bridgeMethodNames.map((name) => [name, (arg: unknown) => call(name, arg)]),
  ) as unknown as BridgeMethods;
  const listeners = new Set<(e: HostEvent) => void>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/api/events');
    // A large event arrives in pieces (sse-frames.ts); a reconnection starts afresh.
    const pieces = new SsePieces();
    source.onopen = () => pieces.reset();
    source.addEventListener(PART_EVENT, (m) => pieces.part((m as MessageEvent<string>).data));
    source.onmessage = (m) => {
      const event = JSON.parse(pieces.end(m.data)) as HostEvent;
      for (const l of listeners) l(event);
    };
  };
  return {
    ...generic,
    // Bytes travel raw, not as JSON: a photo or a clip would triple in size as base64.
    async putAttachment(upload: AttachmentUpload): Promise<AttachmentInfo> {
      const q = new URLSearchParams({ name: upload.name, mime: upload.mime });
      const res = await fetch(`/api/attachments?${q}`, { method: 'POST', body: upload.bytes as BodyInit });
      return parse<AttachmentInfo>(res);
    },
    async getAttachment(id: string): Promise<AttachmentUpload> {
      const res = await fetch(`/api/attachments/${id}`);
      if (!res.ok) throw new BridgeError('bad-input', 'That attachment is no longer stored.');
      return { name: id, mime: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
    },
    async exportSession(input: { id: string; format: SessionExportFormat }): Promise<SessionExportFile> {
      const res = await fetch(`/api/sessions/${encodeURIComponent(input.id)}/export?format=${input.format}`);
      if (!res.ok) return parse<SessionExportFile>(res);
      const fileName = decodeURIComponent(
        res.headers.get('x-file-name') ?? `session.${input.format === 'json' ? 'json' : 'zip'}`,
      );
      return { fileName, mime: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
    },
    onEvent(listener) {
      ensureSource();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
