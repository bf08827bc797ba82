import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const layer of ['shared', 'renderer', 'electron']) mkdirSync(join(dir, layer), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return spawnSync(process.execPath, ['scripts/check-layers.mjs', dir], { encoding: 'utf8' });
}

it('passes the real tree', () => {
  dir = mkdtempSync(join(tmpdir(), 'layers-'));
  const r = spawnSync(process.execPath, ['scripts/check-layers.mjs'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

it.each([
  ['shared/a.ts', "import { readFileSync } from 'node:fs';", 'a Node built-in'],
  ['shared/b.ts', "import { x } from '../electron/host/host.ts';", 'shared/ must stay pure'],
  ['renderer/c.tsx', "import { createHost } from '../electron/host/host.ts';", 'bridge contract'],
  ['renderer/d.ts', "import { ipcRenderer } from 'electron';", 'electron'],
  ['electron/host/e.ts', "import { app } from 'electron';", 'outside electron/main'],
  ['renderer/model/f.ts', "import { useStore } from '../store/index.ts';", 'renderer/model/ imports only shared/'],
  ['renderer/model/g.ts', "import { create } from 'zustand';", 'renderer/model/ imports only shared/'],
])('refuses %s', (path, line, why) => {
  const r = tree({ [path]: `${line}\nexport {};\n` });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(why);
});

it('lets the model import shared/ and itself', () => {
  const r = tree({
    'renderer/model/a.ts': "import { b } from './b.ts';\nimport type { X } from '../../shared/x.ts';\nexport const a = b;\n",
    'renderer/model/b.ts': 'export const b = 1;\n',
    'shared/x.ts': 'export type X = number;\n',
  });
  expect(r.status, r.stderr).toBe(0);
});

it('allows electron in electron/main and type-only electron imports anywhere in electron/', () => {
  const r = tree({
    'electron/main/m.ts': "import { app } from 'electron';\n",
    'electron/host/t.ts': "import type { App } from 'electron';\n",
  });
  expect(r.status, r.stderr).toBe(0);
});
