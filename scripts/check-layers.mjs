// Layers by runtime, checked by a tool, after VS Code's code-layering rule: every source file falls under exactly
// one rule that says which folders and which kinds of package it may import. A file no rule covers is an error, and
// so is an import cycle (type-only imports included: a type cycle still ties two modules into one).
//
//   electron/{main,preload,server,cli} -> electron/host -> shared
//   renderer (root) -> renderer/features -> renderer/store -> renderer/platform -> renderer/model -> shared
//                                                          \-> renderer/bridge -> shared
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const LAYER_ROOTS = ['shared', 'electron', 'renderer'];
const SOURCE = /\.(ts|tsx|mts)$/;

const NODE_BUILTIN = /^(node:|(fs|path|os|child_process|crypto|http|https|net|url|util|stream|worker_threads|zlib|events)(\/|$))/;
/** Packages that need a DOM or React: never in shared/ or the host. */
const BROWSER_ONLY = /^(react|react-dom|react-dropzone|zustand|streamdown|@streamdown\/|unified)(\/|$)/;

const packages = {
  /** Pure packages only: no Node built-in, no electron, nothing that needs a DOM. */
  pure: (spec) => !NODE_BUILTIN.test(spec) && spec !== 'electron' && !BROWSER_ONLY.test(spec),
  /** Node and any Node package, but not electron (only the Electron shell may load it) nor browser-only ones. */
  node: (spec) => spec !== 'electron' && !BROWSER_ONLY.test(spec),
  /** The Electron shell: Node, any Node package, and electron. */
  electron: (spec) => !BROWSER_ONLY.test(spec),
  /** The window: browser packages, never Node built-ins or electron. */
  browser: (spec) => !NODE_BUILTIN.test(spec) && spec !== 'electron',
};

/** The first rule whose `files` matches a path decides; `may` lists the folders it may import from. */
const RULES = [
  { name: 'shared', files: /^shared\//, may: ['shared/'], packages: packages.pure },
  { name: 'host', files: /^electron\/host\//, may: ['electron/host/', 'shared/'], packages: packages.node },
  { name: 'main', files: /^electron\/main\//, may: ['electron/main/', 'electron/host/', 'shared/'], packages: packages.electron },
  { name: 'preload', files: /^electron\/preload\//, may: ['electron/preload/', 'shared/'], packages: packages.electron },
  {
    name: 'server',
    files: /^electron\/server\//,
    may: ['electron/server/', 'electron/host/', 'shared/'],
    packages: packages.node,
  },
  { name: 'cli', files: /^electron\/cli\//, may: ['electron/cli/', 'electron/host/', 'shared/'], packages: packages.node },
  { name: 'renderer model', files: /^renderer\/model\//, may: ['renderer/model/', 'shared/'], packages: packages.pure },
  { name: 'renderer bridge', files: /^renderer\/bridge\//, may: ['renderer/bridge/', 'shared/'], packages: packages.browser },
  {
    // What the window does by itself, with browser APIs: PDF pages through pdf.js, video frames, downloads.
    name: 'renderer platform',
    files: /^renderer\/platform\//,
    may: ['renderer/platform/', 'renderer/model/', 'renderer/bridge/', 'shared/'],
    packages: packages.browser,
  },
  {
    name: 'renderer store',
    files: /^renderer\/store\//,
    may: ['renderer/store/', 'renderer/platform/', 'renderer/model/', 'renderer/bridge/', 'shared/'],
    packages: packages.browser,
  },
  {
    // The translator and its catalogs: no store, no bridge, so any view can use it.
    name: 'renderer i18n',
    files: /^renderer\/i18n\//,
    may: ['renderer/i18n/', 'shared/'],
    packages: packages.browser,
  },
  {
    name: 'renderer features',
    files: /^renderer\/features\//,
    may: [
      'renderer/features/',
      'renderer/i18n/',
      'renderer/store/',
      'renderer/platform/',
      'renderer/model/',
      'renderer/bridge/',
      'shared/',
    ],
    packages: packages.browser,
  },
  {
    name: 'renderer root',
    files: /^renderer\/[^/]+$/,
    may: ['renderer/', 'shared/'],
    packages: packages.browser,
  },
];

function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (SOURCE.test(name)) yield p;
  }
}

const importRe =
  /(?:^|[\s;])(import|export)\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every import of a file: its specifier, whether it is type-only, and the repository path it points at (relative ones). */
function importsOf(abs) {
  const text = readFileSync(abs, 'utf8');
  const out = [];
  for (const m of text.matchAll(importRe)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? m[6];
    const typeOnly = Boolean(m[2]);
    let target = null;
    if (spec.startsWith('.')) {
      const base = resolve(dirname(abs), spec.replace(/\?.*$/, ''));
      const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
      target = relative(root, hit ?? base)
        .split('\\')
        .join('/');
    }
    out.push({ spec, typeOnly, target });
  }
  return out;
}

const problems = [];
/** path -> the source files it imports (relative imports only), for the cycle check. */
const graph = new Map();

for (const layer of LAYER_ROOTS) {
  for (const abs of sourceFiles(join(root, layer))) {
    const file = relative(root, abs).split('\\').join('/');
    const rule = RULES.find((r) => r.files.test(file));
    if (!rule) {
      problems.push(`${file}: no layer rule covers this file (add it to a layer in scripts/check-layers.mjs)`);
      continue;
    }
    const edges = [];
    for (const { spec, typeOnly, target } of importsOf(abs)) {
      if (target) {
        if (SOURCE.test(target)) edges.push(target);
        if (!rule.may.some((prefix) => target.startsWith(prefix))) {
          problems.push(`${file}: imports ${spec} — ${rule.name} may import only ${rule.may.join(', ')}`);
        }
      } else if (!(typeOnly && spec === 'electron') && !rule.packages(spec)) {
        // A type-only import of electron's types vanishes at build, so it cannot load Electron anywhere.
        problems.push(`${file}: imports the package ${spec}, which ${rule.name} may not use`);
      }
    }
    graph.set(file, edges);
  }
}

// Cycles: Tarjan's strongly connected components; any component with more than one file (or a self-import) is one.
let index = 0;
const stack = [];
const meta = new Map();
function connect(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) {
      problems.push(`import cycle: ${component.sort().join(' <-> ')}`);
    }
  }
}
for (const v of graph.keys()) if (!meta.has(v)) connect(v);

if (problems.length) {
  console.error(`Layer check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Layer check: ${graph.size} files, each under its layer's rule, no import cycles.`);
