/**
 * Schema migrations, applied in order at start. Append only: never edit a migration that has shipped,
 * because data dirs out there already ran it.
 */
import { BATCHES_V7 } from './batch/schema-v7.ts';
import { LEDGER_AND_SESSIONS_V3 } from './ledger/schema-v3.ts';
import { LEDGER_LOCAL_COST_V6 } from './ledger/schema-v6.ts';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        catalog_id TEXT NOT NULL,
        name TEXT NOT NULL,
        base_url TEXT NOT NULL,
        model TEXT NOT NULL,
        upstream TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        kind TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at INTEGER NOT NULL
      );
    `,
  },
  // v2: the editable catalog (issue #3): prices the user entered and models the user added, per scope
  // (a hosted kind's id, or `custom:<provider id>` for a custom server). Catalog prices stay in code as defaults.
  {
    version: 2,
    sql: `
      CREATE TABLE model_prices (
        scope TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt REAL NOT NULL,
        completion REAL NOT NULL,
        cached_read REAL,
        recorded TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (scope, model)
      );
      CREATE TABLE user_models (
        scope TEXT NOT NULL,
        model TEXT NOT NULL,
        label TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (scope, model)
      );
    `,
  },
  // v3: the ledger (one row per request attempt), its per-day rollup, and sessions (issue #6).
  { version: 3, sql: LEDGER_AND_SESSIONS_V3 },
  // v4: what each image of a message was to the model (image, page, frame, or a clip sent whole), so a reopened
  // session assigns boxes as the live one did. Rows from before stay NULL and are read by label and file kind.
  { version: 4, sql: 'ALTER TABLE message_attachments ADD COLUMN sent_as TEXT;' },
  // v5: the start time of the process that owns a streaming row (see ledger/owner.ts), so recovery can tell a
  // dead owner (a zombie, or a pid reused by another process) from a live one.
  { version: 5, sql: 'ALTER TABLE ledger ADD COLUMN owner_started TEXT;' },
  // v6: `local` as a cost source, for Local OCR's requests ($0, no tokens); the ledger table is rebuilt (before any
  // later migration adds a ledger column, so the rebuild's column list is complete).
  { version: 6, sql: LEDGER_LOCAL_COST_V6 },
  // v7: batches (issue #13): a batch, one row per file, and the batch id on each ledger row it wrote.
  { version: 7, sql: BATCHES_V7 },
  // v8: the playground (issue #10). Sessions become a tree: each user message names the user message of the
  // exchange it follows (`parent_id`; regenerated answers and edited questions are siblings). Linear sessions are
  // linked in their stored order, so nothing is lost. The parameters a request was sent with are kept on its user
  // message and its ledger rows; a custom server's kind and thinking dialect on its provider row.
  {
    version: 8,
    sql: `
      ALTER TABLE messages ADD COLUMN parent_id TEXT;
      ALTER TABLE messages ADD COLUMN params TEXT;
      ALTER TABLE ledger ADD COLUMN params TEXT;
      ALTER TABLE providers ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
      UPDATE messages SET parent_id = (
        SELECT p.id FROM messages p
        WHERE p.session_id = messages.session_id AND p.role = 'user' AND p.seq < messages.seq
        ORDER BY p.seq DESC LIMIT 1
      ) WHERE role = 'user';
      CREATE INDEX messages_parent ON messages (session_id, parent_id);
    `,
  },
  // v9: message codes (shared/messages). A ledger row keeps its error's code and parameters beside the English
  // message, so whatever reads the row later can say it in the reader's language. Rows before have none (NULL).
  {
    version: 9,
    sql: `
      ALTER TABLE ledger ADD COLUMN error_code TEXT;
      ALTER TABLE ledger ADD COLUMN error_params TEXT;
    `,
  },
  // v10: Continue (issue #10). A request that extends an earlier answer keeps its own row, naming the request whose
  // answer it extends, so usage counts it and View code and exports can tell it from a new question.
  // Indexed: start-up recovery looks an interrupted answer's latest request up by it.
  {
    version: 10,
    sql: `
      ALTER TABLE ledger ADD COLUMN continues TEXT;
      CREATE INDEX ledger_continues ON ledger (continues) WHERE continues IS NOT NULL;
    `,
  },
];
