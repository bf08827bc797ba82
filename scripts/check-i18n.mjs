// The catalog check, run by `npm test`: every string a person reads in the window goes through the catalog, and the
// catalogs agree. It fails, naming file:line and the string, when
//   - a view (renderer/features/**, renderer/*.tsx) has JSX text, or a user-visible prop (aria-label, title,
//     placeholder, alt, label, ...) given as a literal, or a literal string rendered as a child (`{ok ? 'yes' : 'no'}`);
//   - a key used with t('...') is missing in en.json, or a key of en.json is missing (or empty) in zh-CN.json,
//     plural forms included (each locale needs the forms Intl.PluralRules gives it);
//   - a key is in a catalog but no source file names it;
//   - a translation drops or invents an {{interpolation}};
//   - a message code of shared/messages/messages.ts (text the host makes; its English is that table, merged into
//     en as `msg.<code>`) has no translation under `msg` in a locale.
// Text that is not language (a symbol, a model id) has no letters and passes; a deliberate exception carries the
// comment `i18n-exempt` on its line or the line before.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const LOCALES_DIR = 'renderer/i18n/locales';
const SOURCE_LOCALE = 'en';
/** Props whose value is read or heard by a person. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'closeLabel',
  'emptyText',
]);
const LETTER = /\p{L}/u;
/** Text with letters that is still not language: a URL, or a placeholder shaped like one. */
const NOT_LANGUAGE = /^\s*[a-z][a-z+.-]*:\/\/\S*\s*$/i;
const isLanguage = (s) => LETTER.test(s) && !NOT_LANGUAGE.test(s);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function* files(dir, test) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p, test);
    else if (test(name)) yield p;
  }
}

const problems = [];
const rel = (abs) => relative(root, abs).split('\\').join('/');

function exempt(lines, line) {
  return /i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '');
}

/** The literal text of a string-ish expression that a person would read, or null when it has none. */
function literalTexts(node) {
  if (!node) return [];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(node.right);
    if (op === ts.SyntaxKind.PlusToken) return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  return [];
}

function textOf(node) {
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
  return node.text;
}

/** Views: literal text in JSX. */
function checkView(abs) {
  const text = readFileSync(abs, 'utf8');
  const lines = text.split('\n');
  const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const report = (node, what, str) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    if (exempt(lines, line)) return;
    problems.push(`${rel(abs)}:${line + 1}:${character + 1}: ${what} not through the catalog: ${JSON.stringify(str.trim())}`);
  };
  const visit = (node) => {
    if (ts.isJsxText(node) && isLanguage(node.text)) report(node, 'JSX text', node.text);
    else if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer;
      const found = !init
        ? []
        : ts.isStringLiteral(init)
          ? [init]
          : ts.isJsxExpression(init)
            ? literalTexts(init.expression)
            : [];
      for (const lit of found) if (isLanguage(textOf(lit))) report(lit, `${node.name.getText(sf)}=`, textOf(lit));
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const lit of literalTexts(node.expression)) if (isLanguage(textOf(lit))) report(lit, 'JSX string', textOf(lit));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** A call of the translator: t('key'), tr('key') (a renamed t), i18next.t('key'). */
function isTCall(node) {
  if (!node || !ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't' || callee.text === 'tr';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

/** Every string literal and template head in the window's source: what may name a catalog key. */
function collectLiterals(abs, literals, patterns, calls) {
  const text = readFileSync(abs, 'utf8');
  const sf = ts.createSourceFile(
    abs,
    text,
    ts.ScriptTarget.Latest,
    true,
    abs.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    else if (ts.isTemplateExpression(node) && isTCall(node.parent) && node.parent.arguments[0] === node) {
      // t(`usage.range.${id}`): every key the template can make counts as used.
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].map((p) =>
        p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      );
      patterns.push(new RegExp(`^${parts.join('[^]+')}$`));
    }
    if (isTCall(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      calls.push({ key: node.arguments[0].text, where: `${rel(abs)}:${line + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

const vars = (s) => new Set([...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));

/** Where the host's message codes are defined, and the subtree of the catalogs that holds their translations. */
const MESSAGES_FILE = 'shared/messages/messages.ts';
const MSG_PREFIX = 'msg.';

/** The codes and English texts of MESSAGES_EN, read from the source with the compiler (no TS runtime needed). */
function messageCodes() {
  const abs = join(root, MESSAGES_FILE);
  if (!existsSync(abs)) return [];
  const sf = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'MESSAGES_EN') {
      let init = node.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) problems.push(`${MESSAGES_FILE}: MESSAGES_EN is not an object literal`);
      else
        for (const p of init.properties) {
          const value = ts.isPropertyAssignment(p) ? p.initializer : null;
          if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && p.name)
            out.push([ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : p.name.getText(sf), value.text]);
          else problems.push(`${MESSAGES_FILE}: every message of MESSAGES_EN must be a plain string literal`);
        }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (out.length === 0) problems.push(`${MESSAGES_FILE}: no MESSAGES_EN found`);
  return out;
}

function loadCatalog(locale) {
  const p = join(root, LOCALES_DIR, `${locale}.json`);
  try {
    return flatten(JSON.parse(readFileSync(p, 'utf8')));
  } catch (e) {
    problems.push(`${LOCALES_DIR}/${locale}.json: cannot be read as JSON: ${e.message}`);
    return new Map();
  }
}

const viewFiles = [
  ...files(join(root, 'renderer/features'), (n) => n.endsWith('.tsx')),
  ...[...files(join(root, 'renderer'), (n) => n.endsWith('.tsx'))].filter((p) => !rel(p).slice('renderer/'.length).includes('/')),
];
for (const f of viewFiles) checkView(f);

const literals = new Set();
const patterns = [];
const calls = [];
for (const f of files(join(root, 'renderer'), (n) => /\.(ts|tsx)$/.test(n))) collectLiterals(f, literals, patterns, calls);

const locales = existsSync(join(root, LOCALES_DIR))
  ? readdirSync(join(root, LOCALES_DIR))
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
  : [];
const en = loadCatalog(SOURCE_LOCALE);
for (const [code, text] of messageCodes()) en.set(`${MSG_PREFIX}${code}`, text);
const baseOf = (k) => k.replace(PLURAL_SUFFIX, '');
const pluralBases = new Set([...en.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseOf));

for (const { key, where } of calls) {
  if (!en.has(key) && !pluralBases.has(key)) problems.push(`${where}: t('${key}') is not a key of ${SOURCE_LOCALE}.json`);
}
for (const key of new Set([...en.keys()].map(baseOf))) {
  if (key.startsWith(MSG_PREFIX)) continue; // a message code is used wherever the host makes it
  const used = literals.has(key) || patterns.some((re) => re.test(key));
  if (!used) problems.push(`${LOCALES_DIR}/${SOURCE_LOCALE}.json: "${key}" is not used by any source file`);
}

for (const locale of locales) {
  const cat = locale === SOURCE_LOCALE ? en : loadCatalog(locale);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const expected = new Map();
  for (const [k, v] of en) {
    if (pluralBases.has(baseOf(k)) && PLURAL_SUFFIX.test(k)) {
      // A plural: this locale needs its own forms, each with the source's variables (`other` stands for all).
      for (const c of categories) expected.set(`${baseOf(k)}_${c}`, en.get(`${baseOf(k)}_${c}`) ?? en.get(`${baseOf(k)}_other`));
    } else expected.set(k, v);
  }
  for (const [k, source] of expected) {
    const v = cat.get(k);
    if (v === undefined)
      problems.push(`${LOCALES_DIR}/${locale}.json: missing "${k}" (${SOURCE_LOCALE}: ${JSON.stringify(source)})`);
    else if (typeof v !== 'string' || v.trim() === '') problems.push(`${LOCALES_DIR}/${locale}.json: "${k}" is empty`);
    else {
      const want = vars(source);
      const have = vars(v);
      for (const x of want) if (!have.has(x)) problems.push(`${LOCALES_DIR}/${locale}.json: "${k}" drops {{${x}}}`);
      for (const x of have)
        if (!want.has(x) && x !== 'count')
          problems.push(`${LOCALES_DIR}/${locale}.json: "${k}" has {{${x}}}, which ${SOURCE_LOCALE} does not`);
    }
  }
  for (const k of cat.keys()) {
    if (!expected.has(k) && !(pluralBases.has(baseOf(k)) && PLURAL_SUFFIX.test(k))) {
      problems.push(`${LOCALES_DIR}/${locale}.json: "${k}" is not a key of ${SOURCE_LOCALE}.json`);
    }
  }
}

if (problems.length) {
  console.error(`Catalog check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  console.error('How to add a string: docs/ARCHITECTURE.md, "A string in the window".');
  process.exit(1);
}
console.log(
  `Catalog check: ${viewFiles.length} views through the catalog; ${locales.join(', ')} complete, every key used; ` +
    `${[...en.keys()].filter((k) => k.startsWith(MSG_PREFIX)).length} host message codes translated.`,
);
