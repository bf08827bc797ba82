/**
 * Migration 6: the ledger takes `local` as a cost source (Local OCR) after a rebuild that keeps every row, the
 * per-day rollup and its triggers as they were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../../electron/host/db.ts';
import { MIGRATIONS } from '../../../../electron/host/migrations.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (id: string, source: string, cost: number | null) =>
  `INSERT INTO ledger (id, request_id, started_at, day, provider_id, catalog_id, provider, model, mode, status, cost_usd, cost_source, total_ms)
   VALUES ('${id}', 'r-${id}', 1, '2026-11-30', 'p', 'zai', 'zai', 'glm-4.5v', 'fast', 'done', ${cost}, '${source}', 100)`;

describe('migration 6', () => {
  it('keeps rows written before it, and accepts local afterwards with the rollup still kept by triggers', () => {
    dir = mkdtempSync(join(tmpdir(), 'glimpse-v6-'));
    const before = new DatabaseSync(join(dir, 'glimpse.db'));
    for (const m of MIGRATIONS.filter((x) => x.version < 6)) before.exec(m.sql);
    before.exec(`PRAGMA user_version = ${MIGRATIONS.filter((x) => x.version < 6).at(-1)!.version}`);
    before.exec(row('a', 'price-table', 0.25));
    expect(() => before.exec(row('b', 'local', 0))).toThrow(/CHECK constraint/);
    before.close();

    const db = openDb(dir);
    expect(db.prepare('SELECT id, cost_usd, cost_source FROM ledger').all()).toEqual([
      { id: 'a', cost_usd: 0.25, cost_source: 'price-table' },
    ]);
    db.exec(row('b', 'local', 0));
    const day = db.prepare('SELECT requests, cost_nusd FROM ledger_daily').get();
    expect(day).toEqual({ requests: 2, cost_nusd: 250_000_000 });
    db.exec("DELETE FROM ledger WHERE id = 'a'");
    expect(db.prepare('SELECT requests, cost_nusd FROM ledger_daily').get()).toEqual({ requests: 1, cost_nusd: 0 });
    db.close();
  });
});
