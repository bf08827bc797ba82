/**
 * The data dir under stress: an older schema migrates, and a full disk gives a clear error while everything
 * written before stays readable. The full disk is real where this machine lets us mount a small tmpfs (root on
 * Linux), and injected (SQLite's own "disk is full" error) everywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, schemaVersion } from '../../../../electron/host/db.ts';
import { createHost, type Host } from '../../../../electron/host/host.ts';
import { FileKeyStore } from '../../../../electron/host/key-store.ts';
import { isDiskFull, storageErrorMessage } from '../../../../electron/host/ledger/storage-error.ts';
import { hostText } from '../../../../renderer/i18n/host-text.ts';
import { MIGRATIONS } from '../../../../electron/host/migrations.ts';
import { startFakeProvider, type FakeProvider } from '../../../fixtures/fake-provider.ts';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

function hostOn(dir: string): Host {
  return createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {} });
}

async function ask(h: Host, prompt: string, sessionId = 'S') {
  const p =
    h.providers.list().find((x) => x.name === 'Fake') ??
    h.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: `${fake.url}/zai`, model: 'glm-4.5v', apiKey: 'k' });
  return h.chat.run(
    { providerId: p.id, thinking: false, prompt, attachments: [], history: [], sessionId },
    new AbortController(),
    () => {},
  );
}

describe('an older data dir', () => {
  it('migrates from schema 1 to the latest, keeping its data and adding the ledger and session tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glimpse-old-'));
    const old = new DatabaseSync(join(dir, 'glimpse.db'));
    old.exec(MIGRATIONS[0].sql);
    old.exec("INSERT INTO settings (key, value) VALUES ('theme', 'dark'); PRAGMA user_version = 1;");
    old.close();

    const db = openDb(dir);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['ledger', 'ledger_daily', 'sessions', 'messages', 'message_attachments', 'settings']),
    );
    expect(db.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: 'dark' });
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(triggers.sort()).toEqual(['ledger_daily_delete', 'ledger_daily_insert', 'ledger_daily_update']);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a full disk', () => {
  it('recognises SQLite and file-system forms of it', () => {
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 }))).toBe(
      true,
    );
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(new Error('no such table'))).toBe(false);
    expect(storageErrorMessage({ code: 'ENOSPC' })).toMatchObject({ code: 'storage.latest-disk-full' });
    expect(hostText(storageErrorMessage({ code: 'ENOSPC' }), 'en')).toMatch(
      /^The disk is full: the latest request could not be saved\. Everything saved before is intact/,
    );
    expect(hostText(storageErrorMessage({ code: 'ENOSPC' }), 'zh-CN')).toMatch(/^磁盘已满/);
  });

  it('(injected) keeps the answer, says so in the tally, and loses nothing already written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glimpse-full-'));
    const h = hostOn(dir);
    const before = await ask(h, 'first');
    const sessions = h.records.sessions;
    const real = sessions.beginTurn.bind(sessions);
    sessions.beginTurn = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 });
    };
    const during = await ask(h, 'second');
    expect(during.error).toBeNull();
    expect(during.answer).toContain('Answer in fast mode');
    expect((await h.methods.getTally({ sessionId: 'S' })).storage_error?.message).toMatch(/disk is full/);
    const d = await h.methods.getSession('S');
    expect(d.turns.map((t) => t.answer)).toEqual([before.answer]);

    sessions.beginTurn = real;
    await ask(h, 'third');
    expect((await h.methods.getTally({ sessionId: 'S' })).storage_error).toBeNull();
    expect((await h.methods.getSession('S')).turns).toHaveLength(2);
    h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const mountPoint = join(tmpdir(), `glimpse-tinyfs-${process.pid}`);
  const canMount = (() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    try {
      mkdirSync(mountPoint, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  afterAll(() => {
    // Lazy: a failed test may have left the database open; the mount must not outlive the run either way.
    if (canMount) execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.skipIf(!canMount)(
    '(a real 6 MB tmpfs) gives a clear error, keeps what was written, and the database stays intact',
    async () => {
      const dir = join(mountPoint, 'data');
      mkdirSync(dir);
      const h = hostOn(dir);
      try {
        await fillAndCheck(h, dir);
      } finally {
        h.close();
      }
      const check = new DatabaseSync(join(dir, 'glimpse.db'));
      expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(check.prepare('SELECT status FROM ledger ORDER BY started_at LIMIT 1').get()).toEqual({ status: 'done' });
      check.close();
    },
  );

  async function fillAndCheck(h: Host, dir: string) {
    const first = await ask(h, 'before the disk fills');
    // Fill the disk to the last byte.
    try {
      for (let i = 0; ; i++) writeFileSync(join(mountPoint, `filler-${i}`), Buffer.alloc(64 * 1024));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    try {
      for (let i = 0; ; i++) writeFileSync(join(mountPoint, `crumb-${i}`), Buffer.alloc(1024));
    } catch {
      // full
    }
    // Long enough that its row cannot fit on the full disk, short enough to fit the model's context (a longer
    // prompt is now refused before anything is written).
    const big = await ask(h, `a long prompt ${'x'.repeat(200_000)}`);
    expect(big.answer).toContain('Answer in fast mode');
    const tally = await h.methods.getTally({ sessionId: 'S' });
    expect(tally.storage_error?.message).toMatch(/^The disk is full/);
    const d = await h.methods.getSession('S');
    expect(d.turns[0].answer).toBe(first.answer);
    void dir;
  }
});
