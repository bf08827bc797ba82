/**
 * Schema v7: batches (issue #13). A batch is one prompt over many files; each file is a row with its own status,
 * so a run stopped by Ctrl+C, a full disk or a SIGKILL resumes with exactly what is not done. Ledger rows carry the
 * batch id, so usage can be filtered by batch. electron/host/migrations.ts applies it as version 7.
 *
 * Shipped: never edit, add a later migration instead.
 */
export const BATCHES_V7 = `
  CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    -- Hash of what identifies "the same command": inputs as given, prompt and parameters, output folder.
    run_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'stopped', 'done')),
    -- Why a batch stopped before the end (Ctrl+C, --max-cost, a full disk), for the resume prompt.
    stop_reason TEXT,
    via TEXT NOT NULL CHECK (via IN ('chat', 'batch-api')),
    out_dir TEXT NOT NULL,
    -- Everything needed to run it again (prompt, provider, model, thinking, budget, schema, format...), as JSON.
    spec TEXT NOT NULL,
    params_hash TEXT NOT NULL,
    -- A provider batch (--via batch-api): its id and input file id, so polling resumes across runs.
    provider_batch_id TEXT,
    provider_file_id TEXT,
    owner_pid INTEGER
  );
  CREATE INDEX batches_key ON batches (run_key, created_at);

  CREATE TABLE batch_items (
    batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    path TEXT NOT NULL,
    -- The output file stem in --out (unique in the batch).
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    pages INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    request_id TEXT,
    est_prompt_tokens INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    cost_usd REAL,
    total_ms INTEGER,
    error_kind TEXT,
    error_message TEXT,
    -- The file's line of results.jsonl, so the summary files can be rebuilt after any stop.
    result TEXT,
    started_at INTEGER,
    ended_at INTEGER,
    PRIMARY KEY (batch_id, idx)
  );
  CREATE INDEX batch_items_status ON batch_items (batch_id, status);

  ALTER TABLE ledger ADD COLUMN batch_id TEXT;
  CREATE INDEX ledger_batch ON ledger (batch_id) WHERE batch_id IS NOT NULL;
`;
