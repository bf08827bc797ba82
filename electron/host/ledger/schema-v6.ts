/**
 * Schema v6: the ledger's `cost_source` may also be `local`, for requests run on this computer (Local OCR), which
 * cost exactly $0 and use no tokens. SQLite cannot change a CHECK constraint in place, so the table is rebuilt
 * with the same columns (v3's plus v5's `owner_started`), its rows copied as they are, and its indexes and rollup
 * triggers made again; the rollup (ledger_daily) is untouched, since no row changes.
 *
 * Shipped: never edit, add a later migration instead.
 */
import { upsert } from './schema-v3.ts';

const COLUMNS = `id, request_id, attempt, owner_pid, started_at, ended_at, day, session_id, provider_id, catalog_id, provider,
  upstream, model, mode, compare_group, preferred, status, prompt_tokens, completion_tokens, reasoning_tokens,
  cached_tokens, tokens_estimated, cost_usd, cost_source, price_snapshot, estimate_prompt_tokens, estimate_usd, ttft_ms,
  total_ms, finish_reason, error_kind, error_message, owner_started`;

export const LEDGER_LOCAL_COST_V6 = `
  DROP TRIGGER ledger_daily_insert;
  DROP TRIGGER ledger_daily_update;
  DROP TRIGGER ledger_daily_delete;
  CREATE TABLE ledger_v6 (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 1,
    owner_pid INTEGER,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    day TEXT NOT NULL,
    session_id TEXT,
    provider_id TEXT NOT NULL,
    catalog_id TEXT NOT NULL,
    provider TEXT NOT NULL,
    upstream TEXT,
    model TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('thinking', 'fast')),
    compare_group TEXT,
    preferred INTEGER,
    status TEXT NOT NULL CHECK (status IN ('streaming', 'done', 'error', 'cancelled', 'retried', 'incomplete')),
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens INTEGER NOT NULL DEFAULT 0,
    cached_tokens INTEGER NOT NULL DEFAULT 0,
    tokens_estimated INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL,
    cost_source TEXT CHECK (cost_source IN ('provider', 'price-table', 'estimate', 'unknown', 'local')),
    price_snapshot TEXT,
    estimate_prompt_tokens INTEGER,
    estimate_usd REAL,
    ttft_ms INTEGER,
    total_ms INTEGER,
    finish_reason TEXT,
    error_kind TEXT,
    error_message TEXT,
    owner_started TEXT
  );
  INSERT INTO ledger_v6 (${COLUMNS}) SELECT ${COLUMNS} FROM ledger;
  DROP TABLE ledger;
  ALTER TABLE ledger_v6 RENAME TO ledger;
  CREATE INDEX ledger_started ON ledger (started_at);
  CREATE INDEX ledger_day ON ledger (day);
  CREATE INDEX ledger_session ON ledger (session_id, started_at);
  CREATE INDEX ledger_request ON ledger (request_id);
  CREATE INDEX ledger_streaming ON ledger (status) WHERE status = 'streaming';
  CREATE TRIGGER ledger_daily_insert AFTER INSERT ON ledger BEGIN ${upsert('NEW', 1)} END;
  CREATE TRIGGER ledger_daily_update AFTER UPDATE ON ledger BEGIN ${upsert('OLD', -1)} ${upsert('NEW', 1)} END;
  CREATE TRIGGER ledger_daily_delete AFTER DELETE ON ledger BEGIN ${upsert('OLD', -1)} END;
`;
