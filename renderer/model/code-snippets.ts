/**
 * "View code": the exact request an exchange sent, as curl, Python and TypeScript (the openai SDK). The key is
 * read from an environment variable, never written in. Images are complete data URLs in what is copied or saved;
 * on screen they are shortened (`shorten`), since one photo is hundreds of kilobytes of base64.
 */
import type { RequestCode } from '../../shared/bridge/playground.ts';

export type CodeLanguage = 'curl' | 'python' | 'typescript';

/** Fields of the OpenAI chat API the SDKs type; the rest go as extra body fields. */
const OPENAI_FIELDS = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'response_format',
  'reasoning_effort',
]);

/** Each data URL cut to its head and its size: `data:image/png;base64,iVBORw0KGgo…(412 KB)`. */
export function shortenDataUrls(text: string): string {
  return text.replace(/data:([\w/+.-]+);base64,([A-Za-z0-9+/=]{64,})/g, (_m, mime: string, b64: string) => {
    const kb = Math.round((b64.length * 3) / 4 / 1024);
    return `data:${mime};base64,${b64.slice(0, 24)}…(${kb} KB)`;
  });
}

export function requestJson(code: RequestCode): string {
  return `${JSON.stringify(code.body, null, 2)}\n`;
}

/** A curl command that posts the body from a quoted here-document (nothing in it is expanded by the shell). */
export function curlOf(code: RequestCode): string {
  let fence = 'JSON';
  const json = JSON.stringify(code.body, null, 2);
  while (json.split('\n').includes(fence)) fence += '_END';
  return [
    `curl -sS ${shellQuote(code.url)} \\`,
    `  -H "Authorization: Bearer $${code.keyEnv}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-binary @- <<'${fence}'`,
    json,
    fence,
    '',
  ].join('\n');
}

export function pythonOf(code: RequestCode): string {
  const { standard, extra } = split(code.body);
  const base = code.url.replace(/\/chat\/completions$/, '');
  const args = Object.entries(standard).map(([k, v]) => `    ${k}=${py(v, 1)},`);
  if (Object.keys(extra).length > 0) args.push(`    extra_body=${py(extra, 1)},`);
  return [
    'import os',
    '',
    'from openai import OpenAI',
    '',
    `client = OpenAI(base_url=${JSON.stringify(base)}, api_key=os.environ[${JSON.stringify(code.keyEnv)}])`,
    '',
    'stream = client.chat.completions.create(',
    ...args,
    ')',
    'for chunk in stream:',
    '    if chunk.choices and chunk.choices[0].delta.content:',
    '        print(chunk.choices[0].delta.content, end="", flush=True)',
    'print()',
    '',
  ].join('\n');
}

export function typescriptOf(code: RequestCode): string {
  const base = code.url.replace(/\/chat\/completions$/, '');
  const body = JSON.stringify(code.body, null, 2)
    .split('\n')
    .map((l, i) => (i === 0 ? l : `  ${l}`))
    .join('\n');
  return [
    "import OpenAI from 'openai';",
    '',
    `const client = new OpenAI({ baseURL: ${JSON.stringify(base)}, apiKey: process.env.${code.keyEnv} });`,
    '',
    '// Provider-specific fields (thinking, reasoning, chat_template_kwargs...) are sent as they are.',
    'const stream = await client.chat.completions.create(',
    `  ${body} as OpenAI.ChatCompletionCreateParamsStreaming,`,
    ');',
    'for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? "");',
    'process.stdout.write("\\n");',
    '',
  ].join('\n');
}

export function snippetOf(lang: CodeLanguage, code: RequestCode): string {
  return lang === 'curl' ? curlOf(code) : lang === 'python' ? pythonOf(code) : typescriptOf(code);
}

function split(body: Record<string, unknown>) {
  const standard: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) (OPENAI_FIELDS.has(k) ? standard : extra)[k] = v;
  return { standard, extra };
}

/** A value as a Python literal (JSON strings are valid Python strings). */
function py(v: unknown, depth: number): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((x) => `${pad}${py(x, depth + 1)},`).join('\n')}\n${end}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${py(x, depth + 1)},`).join('\n')}\n${end}}`;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
