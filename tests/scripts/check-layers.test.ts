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
  ['shared/a.ts', "import { readFileSync } from 'node:fs';", 'shared may not use'],
  ['shared/b.ts', "import { x } from '../electron/host/host.ts';", 'shared may import only shared/'],
  ['shared/react.ts', "import { useState } from 'react';", 'the package react, which shared may not use'],
  [
    'renderer/c.tsx',
    "import { createHost } from '../electron/host/host.ts';",
    'renderer root may import only renderer/, shared/',
  ],
  ['renderer/d.ts', "import { ipcRenderer } from 'electron';", 'the package electron'],
  ['renderer/features/x/f.ts', "import { readFileSync } from 'fs';", 'the package fs'],
  ['electron/host/e.ts', "import { app } from 'electron';", 'the package electron, which host may not use'],
  ['electron/host/s.ts', "import { x } from '../server/server.ts';", 'host may import only electron/host/, shared/'],
  ['electron/main/m.ts', "import { x } from '../server/security.ts';", 'main may import only'],
  ['electron/cli/c.ts', "import { x } from '../main/main.ts';", 'cli may import only'],
  ['renderer/model/m.ts', "import { x } from '../store/index.ts';", 'renderer model may import only renderer/model/, shared/'],
  ['renderer/model/z.ts', "import { create } from 'zustand';", 'the package zustand, which renderer model may not use'],
  ['renderer/store/s.ts', "import { x } from '../features/f/f.ts';", 'renderer store may import only'],
  ['renderer/bridge/b.ts', "import { x } from '../store/index.ts';", 'renderer bridge may import only'],
  ['renderer/bridge/m.ts', "import { x } from '../model/failure.ts';", 'renderer bridge may import only'],
  ['renderer/platform/p.ts', "import { x } from '../store/index.ts';", 'renderer platform may import only'],
  ['electron/extra/x.ts', '', 'no layer rule covers this file'],
])('refuses %s', (path, line, why) => {
  const r = tree({ [path]: `${line}\nexport {};\n` });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(why);
});

it('allows each layer what its rule lists', () => {
  const r = tree({
    'shared/p.ts': "import { z } from 'zod';\nexport const p = z;\n",
    'electron/main/m.ts': "import { app } from 'electron';\nimport { h } from '../host/h.ts';\n",
    'electron/host/h.ts': "import type { App } from 'electron';\nimport { p } from '../../shared/p.ts';\nexport const h = p;\n",
    'renderer/model/m.ts': "import { p } from '../../shared/p.ts';\nexport const m = p;\n",
    'renderer/store/s.ts':
      "import { create } from 'zustand';\nimport { m } from '../model/m.ts';\nimport { b } from '../bridge/b.ts';\nexport const s = m;\n",
    'renderer/bridge/b.ts': 'export const b = 1;\n',
    'renderer/features/f/f.tsx': "import { useState } from 'react';\nimport { s } from '../../store/s.ts';\nimport './f.css';\n",
    'renderer/features/f/f.css': '',
    'renderer/main.tsx': "import { s } from './store/s.ts';\n",
  });
  expect(r.status, r.stderr).toBe(0);
});

it('refuses an import cycle, type-only imports included', () => {
  const r = tree({
    'shared/a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n",
    'shared/b.ts': "import { c } from './c.ts';\nexport type B = number;\n",
    'shared/c.ts': "import type { A } from './a.ts';\nexport const c = 1;\n",
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('import cycle: shared/a.ts <-> shared/b.ts <-> shared/c.ts');
});
