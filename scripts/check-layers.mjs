// Layers by runtime, checked by a tool (after VS Code's code-layering lint): fails when an import crosses a
// boundary. shared/ is pure; renderer/ sees only shared/ and browser packages; only electron/main and
// electron/preload may import 'electron'; host code never reaches into the renderer; renderer/model/ sees only
// shared/ and itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$|worker_threads$)/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield p;
  }
}

const importRe = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

const rules = {
  shared: (spec, target) =>
    (NODE_BUILTINS.test(spec) && 'a Node built-in') ||
    (spec === 'electron' && 'electron') ||
    (target && !target.startsWith('shared/') && `${target.split('/')[0]}/ (shared/ must stay pure)`),
  renderer: (spec, target, file) =>
    // The model is plain data and functions over it: features and the store build on it, never the reverse.
    (file.startsWith('renderer/model/') && !(target && (target.startsWith('shared/') || target.startsWith('renderer/model/'))) &&
      `${target ?? spec} (renderer/model/ imports only shared/ and itself)`) ||
    (NODE_BUILTINS.test(spec) && 'a Node built-in') ||
    (spec === 'electron' && 'electron (go through the bridge contract)') ||
    (target?.startsWith('electron/') && 'electron/ code (go through the bridge contract)'),
  electron: (spec, target, file) =>
    (spec === 'electron' && !/^electron\/(main|preload)\//.test(file) && "'electron' outside electron/main and electron/preload") ||
    (target?.startsWith('renderer/') && 'renderer/ code'),
};

const problems = [];
for (const layer of Object.keys(rules)) {
  for (const abs of files(join(root, layer))) {
    const file = relative(root, abs);
    const text = readFileSync(abs, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      const target = spec.startsWith('.') ? relative(root, resolve(dirname(abs), spec)) : null;
      // Type-only imports of electron's types are allowed in pure modules: they vanish at build.
      const typeOnly = /^\s*import\s+type\s/.test(m[0].trimStart());
      if (typeOnly && spec === 'electron') continue;
      const why = rules[layer](spec, target, file);
      if (why) problems.push(`${file}: imports ${spec} — ${why}`);
    }
  }
}

if (problems.length) {
  console.error(`Layer check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Layer check: shared/ pure, renderer/ behind the bridge, electron only in main/preload.');
