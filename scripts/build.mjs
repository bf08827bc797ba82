// Builds everything the shells run: the renderer (Vite) and the Node-side bundles (esbuild).
// Dependencies stay external: Node resolves them from node_modules, electron-builder packs them.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const only = process.argv[2];
const common = { bundle: true, platform: 'node', packages: 'external', sourcemap: true, logLevel: 'warning', target: 'node22' };

if (!only || only === 'renderer') {
  await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // pdf.js fetches these at run time: fonts a PDF names but does not embed, CJK character maps, and the wasm
  // decoders for JPEG 2000 / JBIG2 scans. Served from the app's own origin, never a CDN.
  for (const dir of ['standard_fonts', 'cmaps', 'wasm']) {
    cpSync(`node_modules/pdfjs-dist/${dir}`, `dist/renderer/pdfjs/${dir}`, { recursive: true });
  }
  // The first-run guide's sample scan, read through Local OCR.
  cpSync('assets/sample-receipt.png', 'dist/renderer/sample-receipt.png');
}
if (!only || only === 'host') {
  // The tray icon, beside the main bundle that loads it (electron-builder packs dist/, not assets/).
  mkdirSync('dist/electron', { recursive: true });
  cpSync('assets/icon.png', 'dist/electron/icon.png');
  // The CLI's chunks are content-hashed: without this, every build leaves the last build's chunks beside the new
  // ones, and a packaged app would carry them all.
  rmSync('dist/cli', { recursive: true, force: true });
  await Promise.all([
    esbuild({ ...common, entryPoints: ['electron/server/serve.ts'], outfile: 'dist/server/serve.mjs', format: 'esm' }),
    // Split: what a command loads on demand (batch, JSON Schema checks, Local OCR) is its own chunk, so its
    // packages (ajv, zod, fflate...) are imported only when that command runs, not at every start. Chunks sit
    // beside the entry because the decode pool finds its child from the bundle's own folder.
    esbuild({
      ...common,
      entryPoints: { glimpse: 'electron/cli/glimpse.ts' },
      outdir: 'dist/cli',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      splitting: true,
      format: 'esm',
    }),
    // JSON Schema work runs in a child process each shell starts from beside its own bundle (schema-guard.ts).
    ...['cli', 'server', 'electron'].map((dir) =>
      esbuild({
        ...common,
        entryPoints: ['electron/host/params/schema-child.ts'],
        outfile: `dist/${dir}/schema-child.mjs`,
        format: 'esm',
      }),
    ),
    // Images are decoded in a child process that every shell forks from beside its own bundle (decode-pool.ts).
    ...['cli', 'server', 'electron'].map((dir) =>
      esbuild({
        ...common,
        entryPoints: ['electron/host/media/decode-child.ts'],
        outfile: `dist/${dir}/decode-child.mjs`,
        format: 'esm',
      }),
    ),
    // Electron loads main and preload as CommonJS; the sandboxed preload may only require 'electron'.
    // CommonJS has __dirname; import.meta.url, read only where __dirname is missing, becomes undefined here.
    esbuild({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.cjs',
      format: 'cjs',
      external: ['electron'],
      define: { 'import.meta.url': 'undefined' },
    }),
    esbuild({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      external: ['electron'],
      packages: undefined,
    }),
  ]);
}
