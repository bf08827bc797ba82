/**
 * The host's door: every bridge method called over the browser shell's HTTP route with arguments of the wrong
 * shape. Each call must come back as a `bad-input` failure naming the method, and the shell must go on answering.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { startBrowserShell, type BrowserShell } from '../../../electron/server/server.ts';
import { bridgeMethodNames, type BridgeMethodName } from '../../../shared/bridge/contract.ts';

let root: string;
let host: Host;
let shell: BrowserShell;
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  root = mkdtempSync(join(tmpdir(), 'glimpse-door-'));
  mkdirSync(join(root, 'static'));
  writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>Glimpse</title>');
  host = createHost({ dataDir: root, keys: new FileKeyStore(root), shell: 'browser', env: {}, idleTimeoutMs: 5000 });
  shell = await startBrowserShell({ host, staticDir: join(root, 'static') });
});

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await shell?.close();
  host?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Posts a raw body (so keys like __proto__ arrive exactly as written) and returns status and JSON. */
function post(method: string, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: shell.port,
        method: 'POST',
        path: `/api/call/${method}`,
        headers: { host: `127.0.0.1:${shell.port}`, 'x-glimpse-token': shell.token, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (s: string) => (text += s));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const HUGE = 'x'.repeat(300_000);
const chat = { providerId: 'zai', thinking: true, prompt: 'hi', attachments: [], history: [] };
const scope = { catalogId: 'zai', providerId: null };

/** Per method: arguments of the wrong shape, as raw JSON texts of the `arg` field. */
/** Methods without an argument: whatever arrives is ignored. */
const NO_ARG = [
  'getInfo',
  'listProviders',
  'getDesktopSettings',
  'endSnip',
  'startSnip',
  'listBatches',
  'interruptedBatches',
  'getLocalOcrInfo',
  'getAppearance',
] as const;

const MALFORMED: Record<Exclude<BridgeMethodName, (typeof NO_ARG)[number]>, string[]> = {
  setSessionOnlyKeys: ['null', '"yes"', '1', '{}'],
  setAppearance: [
    'null',
    '{}',
    JSON.stringify({ language: 'fr', theme: 'dark' }),
    JSON.stringify({ language: 'zh-CN', theme: 'sepia' }),
    JSON.stringify({ language: 'en', theme: 'dark', extra: 1 }),
  ],
  saveProvider: [
    'null',
    '5',
    '{}',
    JSON.stringify({ catalogId: 'zai', name: 5, baseUrl: 'http://x', model: 'm' }),
    JSON.stringify({ catalogId: 'zai', name: HUGE, baseUrl: 'http://x', model: 'm' }),
    JSON.stringify({ catalogId: 'zai', name: 'n', baseUrl: 'javascript:alert(1)', model: 'm' }),
    JSON.stringify({ catalogId: 'zai', name: 'n', baseUrl: 'http://x', model: 'm', upstream: 'novita' }),
  ],
  deleteProvider: ['null', '5', '{}', JSON.stringify(HUGE), '["zai"]'],
  testProvider: ['null', '{"id":"zai"}', JSON.stringify(HUGE)],
  listModels: ['null', '{}', JSON.stringify({ catalogId: 5, providerId: null }), JSON.stringify({ catalogId: 'zai' })],
  setModelPrice: [
    '{}',
    JSON.stringify({
      ...scope,
      model: 'glm-4.5v',
      price: { prompt: {}, completion: 1, cachedRead: null, recorded: '2026-01-01' },
    }),
    JSON.stringify({ ...scope, model: 'glm-4.5v' }),
  ],
  addModel: ['"glm"', JSON.stringify(scope), JSON.stringify({ ...scope, model: 5 }), JSON.stringify({ ...scope, model: HUGE })],
  removeModel: ['[]', JSON.stringify({ ...scope, model: null })],
  putAttachment: [
    '"x"',
    JSON.stringify({ name: 'a.png', mime: 'image/png', bytes: [137, 80, 78, 71] }),
    JSON.stringify({ name: 'a.png', mime: 'image/png', bytes: 'iVBORw0KGgo=' }),
  ],
  getAttachment: ['5', '"../../etc/passwd"', '{}'],
  startChat: [
    'null',
    '{}',
    '"hi"',
    JSON.stringify({ ...chat, providerId: 5 }),
    JSON.stringify({ ...chat, thinking: 'yes' }),
    JSON.stringify({ ...chat, prompt: null }),
    JSON.stringify({ ...chat, attachments: 'a' }),
    JSON.stringify({ ...chat, attachments: [null] }),
    JSON.stringify({ ...chat, attachments: [{ id: 'not-a-hash' }] }),
    JSON.stringify({ ...chat, history: {} }),
    JSON.stringify({ ...chat, history: [{ role: 'system', text: 'x' }] }),
    JSON.stringify({ ...chat, budget: 'big' }),
    JSON.stringify({ ...chat, providerId: HUGE }),
    JSON.stringify({ ...chat, sessionId: 7 }),
    JSON.stringify({ ...chat, params: { temperature: 'hot' } }),
    JSON.stringify({ ...chat, params: { stop: 'END' } }),
    JSON.stringify({ ...chat, params: { response_format: { type: 'yaml' } } }),
    JSON.stringify({ ...chat, parentRequestId: 5 }),
  ],
  cancelChat: ['5', '{}', JSON.stringify(HUGE)],
  listSessions: ['5', '"x"', '{"search":5}', '{"limit":-1}'],
  getSession: ['5', '{}', 'null'],
  renameSession: ['{"id":"s"}', '{"id":"s","title":5}', '"s"'],
  deleteSession: ['[]', 'true'],
  exportSession: ['{"id":"s","format":"pdf"}', '{"format":"json"}'],
  getTally: ['5', '{"sessionId":5}'],
  getUsage: ['"2026"', '{"from":5}'],
  exportLedgerCsv: ['[1]', '{"to":{}}'],
  markPreferred: ['{}', '{"compareGroup":"g"}', '{"compareGroup":5,"requestId":null}'],
  getCompareInfo: ['"x"', '[5]', '{}'],
  chooseFolder: ['null', '"Pick"', '{}', '{"title":5}', JSON.stringify({ title: HUGE }), '{"title":"a","path":"/"}'],
  setDesktopSettings: [
    'null',
    '"Alt+S"',
    '{"snipShortcut":5}',
    '{"snipShortcut":"Alt+<script>"}',
    '{"snipPreset":"locate"}',
    '{"other":1}',
  ],
  planBatch: [
    'null',
    '{}',
    JSON.stringify({ inputs: [], prompt: 'p', providerId: 'zai', thinking: true, outDir: '/tmp/o' }),
    JSON.stringify({ inputs: ['/tmp/a\u0000b'], prompt: 'p', providerId: 'zai', thinking: true, outDir: '/tmp/o' }),
    JSON.stringify({ inputs: ['/tmp/a'], prompt: ' ', providerId: 'zai', thinking: true, outDir: '/tmp/o' }),
    JSON.stringify({ inputs: ['/tmp/a'], prompt: 'p', providerId: 'zai', thinking: true, outDir: '/tmp/o', concurrency: 1000 }),
    JSON.stringify({ inputs: ['/tmp/a'], prompt: 'p', providerId: 'zai', thinking: true, outDir: '/tmp/o', maxCostUsd: -1 }),
  ],
  startBatch: ['null', '5', '{}'],
  stopBatch: ['"x"', JSON.stringify({ batchId: 'x' }), JSON.stringify({ batchId: 'x', cancel: 'yes' })],
  getBatchItems: ['"x"', JSON.stringify({ batchId: 'x', limit: 0 }), JSON.stringify({ batchId: 5 })],
  retryFailedBatch: ['null', '[]'],
  exportBatch: [JSON.stringify({ batchId: 'x', format: 'pdf' }), '{}'],
  stageBatchFiles: [
    '{}',
    JSON.stringify({ files: [] }),
    JSON.stringify({ files: [{ attachmentId: 'x', path: 'a.png' }] }),
    ...['../a.png', '/etc/passwd', 'a/../../b.png', 'a\\b.png', 'C:/x.png', 'a//b.png', 'a\u0000.png'].map((path) =>
      JSON.stringify({ files: [{ attachmentId: 'a'.repeat(64), path }] }),
    ),
  ],
  openBatchResult: ['{}', JSON.stringify({ batchId: 'x', idx: -1 }), JSON.stringify({ batchId: 'x', idx: 1.5 })],
  scanLocalServers: ['"yes"', '5', '{}'],
  setGuideDone: ['null', '"done"', '1'],
  warmLocalOcr: ['null', '5', '""', '"eng; rm -rf"', '"../eng"'],
  deleteTurn: ['"x"', '{"sessionId":"s"}', '{"sessionId":"s","requestId":5}'],
  checkJsonSchema: ['"x"', '[1]', 'null'],
  validateAnswer: ['{"schema":{}}', '{"schema":[],"answer":"x"}', '{"answer":"x"}'],
  requestCode: ['null', '{}', JSON.stringify({ ...chat, params: { seed: 'x' } })],
  identifyServer: ['null', '{}', '{"baseUrl":"file:///etc/passwd"}', '{"baseUrl":5}'],
};

/** Valid-shaped arguments carrying prototype-pollution keys, at the top and nested. */
const POLLUTING: [BridgeMethodName, string][] = [
  ['startChat', `{"providerId":"zai","thinking":true,"prompt":"hi","attachments":[],"history":[],"__proto__":{"polluted":true}}`],
  [
    'startChat',
    `{"providerId":"zai","thinking":true,"prompt":"hi","attachments":[],"history":[{"role":"user","text":"x","__proto__":{"polluted":true}}]}`,
  ],
  [
    'saveProvider',
    `{"catalogId":"zai","name":"n","baseUrl":"http://127.0.0.1:9","model":"m","constructor":{"prototype":{"polluted":true}}}`,
  ],
  ['listModels', `{"catalogId":"zai","providerId":null,"__proto__":{"polluted":true}}`],
  ['getTally', `{"__proto__":{"polluted":true}}`],
  ['markPreferred', `{"compareGroup":"g","requestId":null,"__proto__":{"polluted":true}}`],
  ['renameSession', `{"id":"s","title":"t","prototype":{"polluted":true}}`],
];

describe('the host door: malformed bridge arguments', () => {
  it('has a malformed case for every method that takes an argument', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual(
      bridgeMethodNames.filter((m) => !(NO_ARG as readonly string[]).includes(m)).sort(),
    );
  });

  it.each(
    Object.entries(MALFORMED).flatMap(([m, args]) =>
      args.map((a) => [m, a.length > 120 ? `${a.slice(0, 60)}…(${a.length} chars)` : a, a] as const),
    ),
  )('%s(%s) is refused as bad-input naming the method', async (method, _shown, arg) => {
    const r = await post(method, `{"arg":${arg}}`);
    expect(r.status).toBe(400);
    expect(r.json.failure.kind).toBe('bad-input');
    expect(r.json.failure.message).toMatch(new RegExp(`^${method}: `));
    // A refused huge string is not echoed back.
    expect(r.json.failure.message.length).toBeLessThan(500);
  });

  it.each(POLLUTING)('%s with a prototype-pollution key is refused: %s', async (method, arg) => {
    const r = await post(method, `{"arg":${arg}}`);
    expect(r.status).toBe(400);
    expect(r.json.failure.kind).toBe('bad-input');
    expect(r.json.failure.message).toMatch(
      /: (__proto__|constructor|prototype|history\.0\.__proto__): this key is not allowed\.$/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field that is wrong', async () => {
    const r = await post('startChat', `{"arg":${JSON.stringify({ ...chat, history: [{ role: 'user', text: 5 }] })}}`);
    expect(r.json.failure.message).toMatch(/^startChat: history\.0\.text: /);
    const s = await post(
      'saveProvider',
      `{"arg":${JSON.stringify({ catalogId: 'zai', name: '  ', baseUrl: 'http://x', model: 'm' })}}`,
    );
    expect(s.json.failure.message).toBe('saveProvider: name: A provider needs a name.');
  });

  it('lets through a schema as deep as the host accepts, for the host to judge; refuses a hostile depth at the door', async () => {
    const nest = (levels: number) => {
      let s: Record<string, unknown> = { type: 'string' };
      for (let i = 1; i < levels; i++) s = { items: s };
      return s;
    };
    const ok = await post('checkJsonSchema', JSON.stringify({ arg: nest(60) }));
    expect(ok.status).toBe(200);
    // Past the host's limit: refused by the checker with its coded reason, in the window's language.
    const deep = await post('checkJsonSchema', JSON.stringify({ arg: nest(70) }));
    expect(deep.status).toBe(200);
    expect(deep.json.result.problems[0]).toMatchObject({ code: 'schema.too-deep' });
    // Written as text: JSON.stringify itself would overflow the stack on such a value.
    const hostile = await post('checkJsonSchema', `{"arg":${'{"items":'.repeat(5_000)}{}${'}'.repeat(5_000)}}`);
    expect(hostile.status).toBe(400);
  });

  it('refuses a body that is not a JSON object as bad-input', async () => {
    for (const body of ['not json', 'null', '[1,2]', '"arg"']) {
      const r = await post('startChat', body);
      expect(r.status).toBe(400);
      expect(r.json.failure.kind).toBe('bad-input');
      expect(r.json.failure.message).toMatch(/^startChat: the request body/);
    }
  });

  it('is still alive afterwards: it answers, and nothing was left unhandled', async () => {
    const r = await post('getInfo', '{}');
    expect(r.status).toBe(200);
    expect(r.json.result.shell).toBe('browser');
    expect(rejections).toEqual([]);
  });
});
