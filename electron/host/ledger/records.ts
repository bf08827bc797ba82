/**
 * The ledger and sessions, wired for the host: recovers what a killed process left streaming, registers the two
 * chat observers (ledger first, so a session message's ledger row exists when recovery looks for it), and
 * implements the sessions and usage halves of the bridge.
 */
import type { SessionApi } from '../../../shared/bridge/sessions.ts';
import type { UsageApi } from '../../../shared/bridge/usage.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { ChatObserver } from '../chat-service.ts';
import type { Db } from '../db.ts';
import type { ProviderStore } from '../provider-store.ts';
import { exportSession } from '../sessions/session-export.ts';
import { SessionObserver } from '../sessions/session-observer.ts';
import { recoverInterruptedSessions, SessionStore } from '../sessions/session-store.ts';
import { ledgerCsv } from './ledger-csv.ts';
import { LedgerObserver } from './ledger-observer.ts';
import { LedgerQueries } from './ledger-queries.ts';
import { LedgerStore, recoverInterruptedLedger } from './ledger-store.ts';
import { parseDay } from './local-day.ts';
import { isOwnerAlive } from './owner.ts';
import { storageErrorMessage } from './storage-error.ts';
import type { HostMessage } from '../../../shared/messages/messages.ts';
import type { UsageRange } from '../../../shared/bridge/usage.ts';

export interface Records {
  observers: ChatObserver[];
  methods: SessionApi & UsageApi;
  sessions: SessionStore;
  ledger: LedgerQueries;
  /** What start-up recovery marked incomplete. */
  recovered: { ledgerRows: string[]; messages: string[] };
}

/** Checks a date range from the renderer or the CLI; a bad date is refused with a message, not ignored. */
export function checkRange(range: UsageRange | null | undefined): UsageRange {
  const out: UsageRange = {};
  for (const k of ['from', 'to'] as const) {
    const v = range?.[k];
    if (v === null || v === undefined || v === '') continue;
    const day = parseDay(String(v));
    if (!day) throw new BadInputError(hostMessage('ledger.not-a-date', { text: String(v) }));
    out[k] = day;
  }
  if (out.from && out.to && out.from > out.to) throw new BadInputError(hostMessage('ledger.range-reversed'));
  if (range?.batchId) out.batchId = range.batchId;
  return out;
}

export function createRecords(db: Db, providers: ProviderStore, attachments: AttachmentStore): Records {
  const recovered = {
    ledgerRows: recoverInterruptedLedger(db),
    messages: recoverInterruptedSessions(db, isOwnerAlive),
  };
  const sessions = new SessionStore(db, attachments);
  const ledger = new LedgerQueries(db);
  // The last storage failure stays visible until a later request is recorded whole.
  let storageError: HostMessage | null = null;
  const failed = new Set<string>();
  const onWriteError = (e: unknown, requestId: string) => {
    failed.add(requestId);
    storageError = storageErrorMessage(e);
    console.error(`glimpse: ${storageError.message}`);
  };
  const onWriteOk = (requestId: string, final: boolean) => {
    if (!final) return;
    if (failed.has(requestId)) return;
    storageError = null;
    failed.clear();
  };
  const provider = (id: string) => providers.get(id);
  const observers: ChatObserver[] = [
    new LedgerObserver({ store: new LedgerStore(db), provider, onWriteError, onWriteOk }),
    new SessionObserver({ store: sessions, provider, onWriteError, onWriteOk }),
  ];
  const methods: SessionApi & UsageApi = {
    listSessions: async (q) => sessions.list(q ?? {}),
    getSession: async (id) => sessions.get(id),
    renameSession: async (input) => sessions.rename(input.id, input.title),
    deleteSession: async (id) => sessions.delete(id),
    exportSession: async (input) =>
      exportSession(sessions.get(input.id), input.format, attachments, Date.now(), input.leafRequestId),
    getTally: async (q) => ({ ...ledger.tally(q?.sessionId ?? null), storage_error: storageError }),
    getUsage: async (range) => ledger.report(checkRange(range)),
    exportLedgerCsv: async (range) => ledgerCsv(ledger.rows(checkRange(range))),
  };
  return { observers, methods, sessions, ledger, recovered };
}
