/**
 * Sessions in SQLite: each request with a `sessionId` stores the user's message (with its attachments, by
 * content address) and the assistant's answer, reasoning, boxes and result. Deleting a session also removes the
 * attachments no other message uses.
 */
import { rmSync } from 'node:fs';
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import type { AttachmentKind } from '../../../shared/bridge/attachments.ts';
import type { MessageStatus, SentMediaKind, SessionDetail, SessionSummary, StoredTurn } from '../../../shared/bridge/sessions.ts';
import { resultStatus } from '../../../shared/engine/result.ts';
import { sentKindOf } from '../../../shared/media/sent-kind.ts';
import type { Box, ChatResult } from '../../../shared/engine/types.ts';
import { type ContinueBase, joinContinued } from '../../../shared/engine/continued.ts';
import type { ImageInfo } from '../../../shared/grounding/types.ts';
import type { SamplingParams } from '../../../shared/params/types.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { Db } from '../db.ts';
import { transaction } from '../db.ts';

export interface TurnStart {
  sessionId: string;
  requestId: string;
  prompt: string;
  /** As sent: the label and the source say what each was to the model (see sentKindOf). */
  attachments: (Pick<AttachmentRef, 'id' | 'source'> & { label: string | null })[];
  providerName: string;
  model: string;
  thinking: boolean;
  at: number;
  /** The exchange this one follows (its request id); absent for a session's first question. */
  parentRequestId?: string | null;
  /** What it was sent with; stored on the user message so a reopened session shows and reuses it. */
  params?: SamplingParams | null;
}

/** What an answer held when Continue began, and the images its boxes refer to. */
export interface ContinuingAnswer extends ContinueBase {
  images: ImageInfo[];
}

export const userMessageId = (requestId: string) => `${requestId}:user`;
export const assistantMessageId = (requestId: string) => `${requestId}:assistant`;

const MAX_TITLE = 80;

/** A session's first title: the first line of its first prompt. */
export function titleFrom(prompt: string, attachments: number): string {
  const line = prompt.trim().split('\n')[0].trim();
  if (line) return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
  return attachments ? 'Image question' : 'New session';
}

interface SummaryRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  turns: number;
}

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  request_id: string | null;
  text: string;
  reasoning: string;
  boxes: string;
  status: string;
  provider: string | null;
  model: string | null;
  thinking: number | null;
  result: string | null;
  created_at: number;
  parent_id: string | null;
  params: string | null;
  compare_group: string | null;
}

const summary = (r: SummaryRow, snippet: string | null = null): SessionSummary => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  turns: r.turns,
  snippet,
});

const SUMMARY_SQL = `SELECT s.id, s.title, s.created_at, s.updated_at,
  (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id AND m.role = 'user') AS turns FROM sessions s`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SessionStore {
  private readonly db: Db;
  private readonly attachments: AttachmentStore;
  constructor(db: Db, attachments: AttachmentStore) {
    this.db = db;
    this.attachments = attachments;
  }

  /** Stores the user's message and an empty, streaming assistant message; creates the session if new. */
  beginTurn(t: TurnStart): void {
    transaction(this.db, () => {
      this.db
        .prepare(
          'INSERT INTO sessions (id, title, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at',
        )
        .run(t.sessionId, titleFrom(t.prompt, t.attachments.length), t.at, t.at);
      const seq = (
        this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM messages WHERE session_id = ?').get(t.sessionId) as { n: number }
      ).n;
      const insert = this.db.prepare(
        `INSERT INTO messages (id, session_id, seq, role, request_id, text, status, provider, model, thinking, created_at, parent_id, params)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const user = userMessageId(t.requestId);
      // A parent from another session (or one deleted meanwhile) is not a parent: the exchange starts a branch.
      const parent = t.parentRequestId
        ? ((
            this.db
              .prepare("SELECT id FROM messages WHERE id = ? AND session_id = ? AND role = 'user'")
              .get(userMessageId(t.parentRequestId), t.sessionId) as { id: string } | undefined
          )?.id ?? null)
        : null;
      const params = t.params && Object.keys(t.params).length > 0 ? JSON.stringify(t.params) : null;
      insert.run(user, t.sessionId, seq + 1, 'user', t.requestId, t.prompt, 'done', null, null, null, t.at, parent, params);
      // Only attachments the store knows: a request refused for a vanished attachment is still recorded.
      const fileKind = this.db.prepare('SELECT kind FROM attachments WHERE id = ?');
      const link = this.db.prepare(
        'INSERT INTO message_attachments (message_id, position, attachment_id, label, sent_as) VALUES (?, ?, ?, ?, ?)',
      );
      t.attachments.forEach((a, i) => {
        const file = fileKind.get(a.id) as { kind: AttachmentKind } | undefined;
        if (file) link.run(user, i, a.id, a.label, sentKindOf(a, file.kind));
      });
      insert.run(
        assistantMessageId(t.requestId),
        t.sessionId,
        seq + 2,
        'assistant',
        t.requestId,
        '',
        'streaming',
        t.providerName,
        t.model,
        t.thinking ? 1 : 0,
        t.at,
        null,
        null,
      );
    });
  }

  /**
   * Deletes one exchange (question and answer). The exchanges that followed it now follow its parent, so deleting
   * a turn never takes later ones with it. The ledger keeps its rows; attachments stay (other messages may use them).
   */
  deleteTurn(sessionId: string, requestId: string): void {
    const user = userMessageId(requestId);
    transaction(this.db, () => {
      const row = this.db
        .prepare("SELECT parent_id FROM messages WHERE id = ? AND session_id = ? AND role = 'user'")
        .get(user, sessionId) as { parent_id: string | null } | undefined;
      if (!row) throw new BadInputError(hostMessage('session.exchange-gone'));
      this.db
        .prepare('UPDATE messages SET parent_id = ? WHERE session_id = ? AND parent_id = ?')
        .run(row.parent_id, sessionId, user);
      this.db.prepare('DELETE FROM message_attachments WHERE message_id = ?').run(user);
      this.db.prepare('DELETE FROM messages WHERE id IN (?, ?)').run(user, assistantMessageId(requestId));
    });
  }

  /** The partial answer while it streams, so a kill leaves what had arrived. */
  saveProgress(requestId: string, answer: string, reasoning: string): void {
    this.db
      .prepare("UPDATE messages SET text = ?, reasoning = ? WHERE id = ? AND status = 'streaming'")
      .run(answer, reasoning, assistantMessageId(requestId));
  }

  /**
   * Continue: the answer of exchange `requestId` is about to grow. Marks it streaming again (so a kill leaves it for
   * recovery) and returns what it holds, with the images it was asked about (to place the joined answer's boxes).
   * Null when that exchange is not in this session (deleted meanwhile): the continuation is then only a ledger row.
   */
  beginContinuation(sessionId: string, requestId: string): ContinuingAnswer | null {
    const id = assistantMessageId(requestId);
    const row = this.db
      .prepare("SELECT text, reasoning, result FROM messages WHERE id = ? AND session_id = ? AND role = 'assistant'")
      .get(id, sessionId) as { text: string; reasoning: string; result: string | null } | undefined;
    if (!row) return null;
    this.db.prepare("UPDATE messages SET status = 'streaming' WHERE id = ?").run(id);
    // The images the model saw as images, in the order sent: as the chat service assigns boxes (a clip sent whole is
    // a video, not an image).
    const images = (
      this.db
        .prepare(
          `SELECT ma.label FROM message_attachments ma JOIN attachments a ON a.id = ma.attachment_id
           WHERE ma.message_id = ? AND a.kind = 'image' ORDER BY ma.position`,
        )
        .all(userMessageId(requestId)) as { label: string | null }[]
    ).map((r) => ({ label: r.label }));
    return {
      answer: row.text,
      reasoning: row.reasoning,
      result: row.result ? (JSON.parse(row.result) as ChatResult) : null,
      images,
    };
  }

  finishTurn(requestId: string, result: ChatResult, at: number): void {
    const status: MessageStatus = resultStatus(result);
    transaction(this.db, () => {
      this.db
        .prepare('UPDATE messages SET text = ?, reasoning = ?, boxes = ?, status = ?, result = ? WHERE id = ?')
        .run(
          result.answer,
          result.reasoning,
          JSON.stringify(result.boxes ?? []),
          status,
          JSON.stringify(result),
          assistantMessageId(requestId),
        );
      this.db
        .prepare('UPDATE sessions SET updated_at = ? WHERE id = (SELECT session_id FROM messages WHERE id = ?)')
        .run(at, assistantMessageId(requestId));
    });
  }

  /** Newest first. A search matches the title or any message's text (case-insensitive for Latin letters). */
  list(query: { search?: string | null; limit?: number | null } = {}): SessionSummary[] {
    const limit = Math.min(Math.max(Math.floor(query.limit ?? 5000), 1), 5000);
    const search = query.search?.trim();
    if (!search) {
      return (this.db.prepare(`${SUMMARY_SQL} ORDER BY s.updated_at DESC LIMIT ?`).all(limit) as unknown as SummaryRow[]).map(
        (r) => summary(r),
      );
    }
    const like = likePattern(search);
    const rows = this.db
      .prepare(
        `${SUMMARY_SQL} WHERE s.title LIKE ?1 ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM messages m WHERE m.session_id = s.id AND (m.text LIKE ?1 ESCAPE '\\' OR m.reasoning LIKE ?1 ESCAPE '\\'))
         ORDER BY s.updated_at DESC LIMIT ?2`,
      )
      .all(like, limit) as unknown as SummaryRow[];
    const firstHit = this.db.prepare(
      `SELECT text FROM messages WHERE session_id = ? AND text LIKE ? ESCAPE '\\' ORDER BY seq LIMIT 1`,
    );
    return rows.map((r) => {
      const hit = firstHit.get(r.id, like) as { text: string } | undefined;
      return summary(r, hit ? snippetOf(hit.text, search) : null);
    });
  }

  summary(id: string): SessionSummary {
    const r = this.db.prepare(`${SUMMARY_SQL} WHERE s.id = ?`).get(id) as unknown as SummaryRow | undefined;
    if (!r) throw new BadInputError(hostMessage('session.gone'));
    return summary(r);
  }

  get(id: string): SessionDetail {
    const session = this.summary(id);
    const messages = this.db
      .prepare(
        `SELECT m.*, (SELECT l.compare_group FROM ledger l WHERE l.request_id = m.request_id LIMIT 1) AS compare_group
         FROM messages m WHERE m.session_id = ? ORDER BY m.seq`,
      )
      .all(id) as unknown as MessageRow[];
    const atts = this.db
      .prepare(
        `SELECT ma.message_id, ma.label, ma.sent_as, a.id, a.name, a.mime, a.kind, a.size, a.width, a.height FROM message_attachments ma
         JOIN messages m ON m.id = ma.message_id JOIN attachments a ON a.id = ma.attachment_id
         WHERE m.session_id = ? ORDER BY ma.message_id, ma.position`,
      )
      .all(id) as unknown as (Omit<StoredTurn['attachments'][number], 'sentAs'> & {
      message_id: string;
      sent_as: SentMediaKind | null;
    })[];
    const turns: StoredTurn[] = [];
    const byRequest = new Map<string, StoredTurn>();
    for (const m of messages) {
      if (m.role === 'user') {
        const t: StoredTurn = {
          id: m.id,
          requestId: m.request_id,
          prompt: m.text,
          attachments: atts
            .filter((a) => a.message_id === m.id)
            .map(({ message_id: _, sent_as, ...a }) => ({ ...a, sentAs: sent_as })),
          providerName: '',
          model: '',
          thinking: false,
          status: 'done',
          reasoning: '',
          answer: '',
          boxes: [],
          result: null,
          createdAt: m.created_at,
          parentId: m.parent_id,
          params: m.params ? (JSON.parse(m.params) as SamplingParams) : null,
          compareGroup: m.compare_group,
        };
        turns.push(t);
        if (m.request_id) byRequest.set(m.request_id, t);
      } else {
        const t = m.request_id ? byRequest.get(m.request_id) : undefined;
        if (!t) continue;
        t.providerName = m.provider ?? '';
        t.model = m.model ?? '';
        t.thinking = m.thinking === 1;
        t.status = m.status as MessageStatus;
        t.answer = m.text;
        t.reasoning = m.reasoning;
        t.boxes = JSON.parse(m.boxes) as Box[];
        t.result = m.result ? (JSON.parse(m.result) as ChatResult) : null;
      }
    }
    return { session, turns };
  }

  rename(id: string, title: string): SessionSummary {
    const clean = title.trim().replace(/\s+/g, ' ');
    if (!clean) throw new BadInputError(hostMessage('session.name-empty'));
    if (clean.length > 200) throw new BadInputError(hostMessage('session.name-too-long'));
    const r = this.db.prepare('UPDATE sessions SET title = ? WHERE id = ?').run(clean, id);
    if (r.changes === 0) throw new BadInputError(hostMessage('session.gone'));
    return this.summary(id);
  }

  /** Deletes the session, its messages, and the attachment files nothing else uses. The ledger keeps its rows. */
  delete(id: string): void {
    const orphans = transaction(this.db, () => {
      const used = (
        this.db
          .prepare(
            'SELECT DISTINCT ma.attachment_id AS id FROM message_attachments ma JOIN messages m ON m.id = ma.message_id WHERE m.session_id = ?',
          )
          .all(id) as { id: string }[]
      ).map((r) => r.id);
      const r = this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      if (r.changes === 0) throw new BadInputError(hostMessage('session.gone'));
      const stillUsed = this.db.prepare('SELECT 1 FROM message_attachments WHERE attachment_id = ? LIMIT 1');
      const drop = this.db.prepare('DELETE FROM attachments WHERE id = ?');
      const gone: string[] = [];
      for (const a of used) {
        if (stillUsed.get(a)) continue;
        try {
          drop.run(a);
          gone.push(a);
        } catch {
          // Referenced from elsewhere (a constraint said no): it is still in use, so it stays.
        }
      }
      return gone;
    });
    // Files go only after the rows are committed: a crash in between leaves a stray file, never a dangling row.
    for (const a of orphans) rmSync(this.attachments.pathOf(a), { force: true });
  }
}

/** About 120 characters around the first match, on one line. */
export function snippetOf(text: string, query: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const i = flat.toLowerCase().indexOf(query.toLowerCase());
  if (i < 0) return flat.slice(0, 120);
  const start = Math.max(0, i - 40);
  const end = Math.min(flat.length, i + query.length + 80);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

interface StreamingMessage {
  id: string;
  request_id: string | null;
  text: string;
  reasoning: string;
  /** The answer as it stood before a Continue that was cut short (null for a first answer). */
  result: string | null;
  /** The latest request of this answer: its own, or the Continue that extends it. */
  ledger_id: string | null;
  ledger_request: string | null;
  continues: string | null;
  owner_pid: number | null;
  owner_started: string | null;
  ledger_status: string | null;
}

/**
 * At start-up: answers left 'streaming' by a process that no longer runs become 'incomplete'. Their text is what
 * was saved while streaming; the result is built from the (already recovered) ledger row, so the message still
 * shows its estimated tokens and cost.
 */
export function recoverInterruptedSessions(db: Db, isAlive: (pid: number | null, started: string | null) => boolean): string[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.request_id, m.text, m.reasoning, m.result, l.id AS ledger_id, l.request_id AS ledger_request,
         l.continues, l.owner_pid, l.owner_started, l.status AS ledger_status FROM messages m
       LEFT JOIN ledger l ON l.id = (
         SELECT id FROM ledger WHERE request_id = m.request_id OR continues = m.request_id
         ORDER BY started_at DESC, attempt DESC LIMIT 1)
       WHERE m.status = 'streaming'`,
    )
    .all() as unknown as StreamingMessage[];
  const dead = rows.filter(
    (r) => r.ledger_status !== 'streaming' || (r.owner_pid !== process.pid && !isAlive(r.owner_pid, r.owner_started)),
  );
  if (dead.length === 0) return [];
  const ledgerRow = db.prepare(
    `SELECT prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, cost_usd, cost_source, estimate_prompt_tokens, estimate_usd
     FROM ledger WHERE id = ?`,
  );
  const update = db.prepare("UPDATE messages SET status = 'incomplete', result = ? WHERE id = ? AND status = 'streaming'");
  transaction(db, () => {
    for (const m of dead) {
      const l = (m.ledger_id ? ledgerRow.get(m.ledger_id) : undefined) as Record<string, number | string | null> | undefined;
      let result: ChatResult = {
        answer: m.text,
        reasoning: m.reasoning,
        boxes: [],
        usage: {
          prompt_tokens: Number(l?.prompt_tokens ?? 0),
          completion_tokens: Number(l?.completion_tokens ?? 0),
          reasoning_tokens: Number(l?.reasoning_tokens ?? 0),
          cached_tokens: Number(l?.cached_tokens ?? 0),
        },
        cost: {
          usd: (l?.cost_usd as number | null) ?? null,
          source: (l?.cost_source as ChatResult['cost']['source']) ?? 'unknown',
        },
        estimate: { prompt_tokens: Number(l?.estimate_prompt_tokens ?? 0), usd: (l?.estimate_usd as number | null) ?? null },
        finish_reason: null,
        timings: { ttft_ms: null, total_ms: null },
        error: null,
      };
      const before = m.continues && m.result ? (JSON.parse(m.result) as ChatResult) : null;
      if (before && m.ledger_request) {
        // A Continue cut short: the answer it extended, joined with what the continuation had saved.
        const base = { answer: before.answer, reasoning: before.reasoning, result: before };
        const part = {
          ...result,
          answer: m.text.slice(before.answer.length),
          reasoning: m.reasoning.slice(before.reasoning.length),
        };
        result = joinContinued(base, part, { requestId: m.ledger_request, mode: before.continued?.mode ?? 'prefill' });
      }
      update.run(JSON.stringify(result), m.id);
    }
  });
  return dead.map((r) => r.id);
}
