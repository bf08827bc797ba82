import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const EN = { app: { hello: 'Hello', files_one: '{{count}} file', files_other: '{{count}} files' } };
const ZH = { app: { hello: '你好', files_other: '{{count}} 个文件' } };
const VIEW = `import { useTranslation } from '../../i18n/i18n.ts';
export function V({ n }: { n: number }) {
  const { t } = useTranslation();
  return <p title={t('app.hello')}>{t('app.files', { count: n })}</p>;
}
`;

/** A tree with one view and two catalogs; `files` overrides or adds paths. */
function run(files: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  const all: Record<string, string> = {
    'renderer/i18n/locales/en.json': JSON.stringify(EN),
    'renderer/i18n/locales/zh-CN.json': JSON.stringify(ZH),
    'renderer/features/x/view.tsx': VIEW,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return spawnSync(process.execPath, ['scripts/check-i18n.mjs', dir], { encoding: 'utf8' });
}

it('passes the real tree', () => {
  const r = spawnSync(process.execPath, ['scripts/check-i18n.mjs'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

it('passes a view whose strings all come from complete catalogs (Chinese needs only the `other` plural)', () => {
  const r = run();
  expect(r.status, r.stderr).toBe(0);
});

it.each([
  ['JSX text', '<p>Hello there</p>', 'bad.tsx:3:', 'JSX text not through the catalog: "Hello there"'],
  ['an aria-label', '<button aria-label="Close">×</button>', 'bad.tsx:3:', 'aria-label= not through the catalog: "Close"'],
  [
    'a placeholder in braces',
    "<input placeholder={'Search…'} />",
    'bad.tsx:3:',
    'placeholder= not through the catalog: "Search…"',
  ],
  ['a title from a template', '<i title={`Lane ${1}`} />', 'bad.tsx:3:', 'title= not through the catalog: "Lane …"'],
  ['a string child', "<span>{ok ? 'yes' : '–'}</span>", 'bad.tsx:3:', 'JSX string not through the catalog: "yes"'],
  ['an alt', '<img alt="A chart" />', 'bad.tsx:3:', 'alt= not through the catalog: "A chart"'],
])('names file:line and the string for %s', (_what, jsx, where, message) => {
  const r = run({
    'renderer/features/x/bad.tsx': `const ok = true;\nexport const B = () => (\n  ${jsx}\n);\n`,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(`renderer/features/x/${where}`);
  expect(r.stderr).toContain(message);
});

it('lets through what is not language, and a marked exception', () => {
  const r = run({
    'renderer/features/x/ok.tsx': `export const O = ({ n }: { n: number }) => (
  <p title="×" aria-label={'·'}>
    × {n} · <a placeholder="http://127.0.0.1:8000/v1" />
    {/* i18n-exempt: a brand */}
    {'Glimpse'}
  </p>
);
`,
  });
  expect(r.status, r.stderr).toBe(0);
});

it('fails on a key missing in zh-CN, naming the key and its English', () => {
  const r = run({
    'renderer/i18n/locales/zh-CN.json': JSON.stringify({ app: { files_other: '{{count}} 个文件' } }),
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('zh-CN.json: missing "app.hello" (en: "Hello")');
});

it('fails on a missing plural form, an unused key, an unknown key and a dropped interpolation', () => {
  const r = run({
    'renderer/i18n/locales/en.json': JSON.stringify({ app: { ...EN.app, spare: 'Spare' } }),
    'renderer/i18n/locales/zh-CN.json': JSON.stringify({ app: { hello: '你好', files_other: '个文件', spare: '备用' } }),
    'renderer/features/x/more.tsx': "import { t } from '../../i18n/i18n.ts';\nexport const M = () => <p>{t('app.nope')}</p>;\n",
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('en.json: "app.spare" is not used by any source file');
  expect(r.stderr).toContain("renderer/features/x/more.tsx:2: t('app.nope') is not a key of en.json");
  expect(r.stderr).toContain('zh-CN.json: "app.files_other" drops {{count}}');
  const noOther = run({ 'renderer/i18n/locales/zh-CN.json': JSON.stringify({ app: { hello: '你好', files_one: '一个' } }) });
  expect(noOther.stderr).toContain('zh-CN.json: missing "app.files_other"');
});

it('fails on a host message code with no Chinese text, or one that drops a parameter', () => {
  const messages = `export const MESSAGES_EN = {
  'file.empty': '“{{name}}” is empty.',
  'error.auth': 'The provider refused the API key.',
} as const;
`;
  const missing = run({ 'shared/messages/messages.ts': messages });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('missing "msg.file.empty" (en: "“{{name}}” is empty.")');
  expect(missing.stderr).toContain('missing "msg.error.auth"');

  const zh = (empty: string) => JSON.stringify({ ...ZH, msg: { file: { empty }, error: { auth: '服务商拒绝了此 API 密钥。' } } });
  const dropped = run({ 'shared/messages/messages.ts': messages, 'renderer/i18n/locales/zh-CN.json': zh('文件是空的。') });
  expect(dropped.status).toBe(1);
  expect(dropped.stderr).toContain('"msg.file.empty" drops {{name}}');

  const complete = run({
    'shared/messages/messages.ts': messages,
    'renderer/i18n/locales/zh-CN.json': zh('“{{name}}”是空文件。'),
  });
  expect(complete.stderr).toBe('');
  expect(complete.status).toBe(0);
  expect(complete.stdout).toContain('2 host message codes translated');
}, 90_000); // three runs of the check
