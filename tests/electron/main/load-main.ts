/**
 * Builds the Electron main bundle the way scripts/build.mjs does (so a test never runs a stale build) into a
 * scratch folder inside the repository (so its external packages resolve from node_modules), beside a tiny
 * renderer, and loads it under Node with the electron stand-in in place of the real module.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { ElectronStandIn } from '../../fixtures/electron-stand-in.ts';

const require = createRequire(import.meta.url);

export interface BuiltMain {
  root: string;
  mainFile: string;
  /** The page the app scheme serves at glimpse://app/. */
  indexHtml: string;
}

export async function buildMain(): Promise<BuiltMain> {
  mkdirSync('.glimpse-test', { recursive: true });
  const root = resolve(mkdtempSync('.glimpse-test/main-'));
  const mainFile = join(root, 'electron', 'main.cjs');
  await build({
    bundle: true,
    platform: 'node',
    packages: 'external',
    target: 'node22',
    logLevel: 'warning',
    entryPoints: ['electron/main/main.ts'],
    outfile: mainFile,
    format: 'cjs',
    external: ['electron'],
    define: { 'import.meta.url': 'undefined' },
  });
  copyFileSync('assets/icon.png', join(root, 'electron', 'icon.png'));
  mkdirSync(join(root, 'renderer'));
  const indexHtml = '<!doctype html><title>Glimpse</title><div id="root">stand-in renderer</div>';
  writeFileSync(join(root, 'renderer', 'index.html'), indexHtml);
  // Outside the renderer folder: what a traversal would try to reach.
  writeFileSync(join(root, 'secret.txt'), 'not for the window');
  return { root, mainFile, indexHtml };
}

/** Loads a fresh copy of the bundle with `standIn` as `electron`, as a new process would. */
export function loadMain(built: BuiltMain, standIn: ElectronStandIn): void {
  const electronPath = require.resolve('electron', { paths: [built.root] });
  const fake = new Module(electronPath);
  fake.filename = electronPath;
  fake.loaded = true;
  fake.exports = standIn.electron;
  require.cache[electronPath] = fake;
  delete require.cache[built.mainFile];
  require(built.mainFile);
}
