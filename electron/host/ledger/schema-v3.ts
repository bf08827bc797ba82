/**
 * Schema v3: the ledger, its per-day rollup, and sessions. Lives beside the ledger code so the columns and the
 * queries that read them are read together; electron/host/migrations.ts applies it as version 3.
 *
 * Shipped: never edit, add a later migration instead.
 */
const ROLLUP_COLUMNS = `requests, prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, cost_nusd, unknown_cost,
  timed_requests, total_ms`;

/** What one ledger row adds to its day's rollup (`r` is NEW or OLD). Cost in nano-USD so sums stay exact. */
const contribution = (r: 'NEW' | 'OLD', sign: 1 | -1) => {
  const s = sign === 1 ? '' : '-';
  return `${s}1, ${s}${r}.prompt_tokens, ${s}${r}.completion_tokens, ${s}${r}.reasoning_tokens, ${s}${r}.cached_tokens,
    ${s}CAST(ROUND(COALESCE(${r}.cost_usd, 0) * 1e9) AS INTEGER),
    ${s}(${r}.cost_source IS 'unknown'),
    ${s}(${r}.total_ms IS NOT NULL), ${s}COALESCE(${r}.total_ms, 0)`;
};

export const upsert = (r: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO ledger_daily (day, provider, model, mode, ${ROLLUP_COLUMNS})
  VALUES (${r}.day, ${r}.provider, ${r}.model, ${r}.mode, ${contribution(r, sign)})
  ON CONFLICT (day, provider, model, mode) DO UPDATE SET
    requests = requests + excluded.requests,
    prompt_tokens = prompt_tokens + excluded.prompt_tokens,
    completion_tokens = completion_tokens + excluded.completion_tokens,
    reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens,
    cached_tokens = cached_tokens + excluded.cached_tokens,
    cost_nusd = cost_nusd + excluded.cost_nusd,
    unknown_cost = unknown_cost + excluded.unknown_cost,
    timed_requests = timed_requests + excluded.timed_requests,
    total_ms = total_ms + excluded.total_ms;`;

export const LEDGER_AND_SESSIONS_V3 = `
  -- One row per request attempt, inserted at start and completed at the end, so a kill mid-stream leaves a row.
  CREATE TABLE ledger (
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
    cost_source TEXT CHECK (cost_source IN ('provider', 'price-table', 'estimate', 'unknown')),
    price_snapshot TEXT,
    estimate_prompt_tokens INTEGER,
    estimate_usd REAL,
    ttft_ms INTEGER,
    total_ms INTEGER,
    finish_reason TEXT,
    error_kind TEXT,
    error_message TEXT
  );
  CREATE INDEX ledger_started ON ledger (started_at);
  CREATE INDEX ledger_day ON ledger (day);
  CREATE INDEX ledger_session ON ledger (session_id, started_at);
  CREATE INDEX ledger_request ON ledger (request_id);
  CREATE INDEX ledger_streaming ON ledger (status) WHERE status = 'streaming';

  -- Totals per (day, provider, model, mode), kept by triggers: the tally and the per-day chart read a few
  -- hundred rollup rows instead of scanning every request.
  CREATE TABLE ledger_daily (
    day TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    mode TEXT NOT NULL,
    requests INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    cached_tokens INTEGER NOT NULL,
    cost_nusd INTEGER NOT NULL,
    unknown_cost INTEGER NOT NULL,
    timed_requests INTEGER NOT NULL,
    total_ms INTEGER NOT NULL,
    PRIMARY KEY (day, provider, model, mode)
  ) WITHOUT ROWID;
  CREATE TRIGGER ledger_daily_insert AFTER INSERT ON ledger BEGIN ${upsert('NEW', 1)} END;
  CREATE TRIGGER ledger_daily_update AFTER UPDATE ON ledger BEGIN ${upsert('OLD', -1)} ${upsert('NEW', 1)} END;
  CREATE TRIGGER ledger_daily_delete AFTER DELETE ON ledger BEGIN ${upsert('OLD', -1)} END;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_updated ON sessions (updated_at);

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    request_id TEXT,
    text TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '',
    boxes TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    provider TEXT,
    model TEXT,
    thinking INTEGER,
    result TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX messages_session ON messages (session_id, seq);
  CREATE INDEX messages_request ON messages (request_id);
  CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

  CREATE TABLE message_attachments (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    attachment_id TEXT NOT NULL REFERENCES attachments (id),
    label TEXT,
    PRIMARY KEY (message_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX message_attachments_attachment ON message_attachments (attachment_id);
`;
