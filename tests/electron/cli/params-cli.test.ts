/**
 * The playground's flags on the built `glimpse` command: each reaches the request body, out-of-range values are
 * usage errors naming the range, `--print-request` sends nothing, and `--json` reports params and the schema check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

const CLI = 'dist/cli/glimpse-params.mjs';
let fake: FakeProvider;
let dir: string;

beforeAll(async () => {
  await bundleCli(CLI);
  fake = await startFakeProvider();
  dir = mkdtempSync(join(tmpdir(), 'glimpse-cli-params-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const glimpse = (args: string[]): Promise<Run> => runNode([CLI, ...args], { ...dataDirEnv(dir), GLIMPSE_API_KEY: 'k' });
const vllm = () => ['--base-url', `${fake.url}/vllm`, '--model', 'm'];

// Each case runs the CLI several times; on a loaded machine one run can take seconds.
describe('glimpse ask: parameters', { timeout: 90_000 }, () => {
  it('sends each flag in the request body', async () => {
    writeFileSync(join(dir, 'system.txt'), 'Be brief.');
    const r = await glimpse([
      'ask',
      ...vllm(),
      '--system',
      `@${join(dir, 'system.txt')}`,
      '--temperature',
      '0.3',
      '--top-p',
      '0.9',
      '--top-k',
      '20',
      '--max-tokens',
      '512',
      '--stop',
      'END',
      '--stop',
      'STOP',
      '--seed',
      '42',
      '--response-format',
      'json',
      '--param',
      'min_p=0.05',
      '--param',
      'note=hello',
      '--json',
      'hi',
    ]);
    expect(r.code).toBe(0);
    const body = fake.requests.at(-1)!.body;
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      top_k: 20,
      max_tokens: 512,
      stop: ['END', 'STOP'],
      seed: 42,
      response_format: { type: 'json_object' },
      min_p: 0.05,
      note: 'hello',
    });
    expect((body.messages as unknown[])[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(JSON.parse(r.stdout).params).toMatchObject({ temperature: 0.3, seed: 42, system: 'Be brief.' });
  });

  it('refuses an out-of-range value or a parameter the provider does not take, and sends nothing', async () => {
    const before = fake.requests.length;
    const hot = await glimpse(['ask', ...vllm(), '--temperature', '5', 'hi']);
    expect(hot.code).toBe(2);
    expect(hot.stderr).toContain('Temperature takes from 0 to 2; 5 is outside that.');
    const zai = await glimpse(['ask', '--provider', 'zai', '--base-url', `${fake.url}/zai`, '--top-k', '3', 'hi']);
    expect(zai.code).toBe(2);
    expect(zai.stderr).toContain('does not take top_k');
    expect(fake.requests.length).toBe(before);
  });

  it('--print-request prints the body without the key and sends nothing', async () => {
    const before = fake.requests.length;
    const r = await glimpse(['ask', ...vllm(), '--temperature', '0', '--print-request', 'hi']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'm', temperature: 0, messages: [{ role: 'user', content: 'hi' }] });
    expect(r.stdout).not.toContain('"k"');
    expect(fake.requests.length).toBe(before);
  });

  it('--json-schema: the answer is checked, and a schema that is not JSON Schema is refused before sending', async () => {
    const schema = join(dir, 'schema.json');
    writeFileSync(schema, JSON.stringify({ type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] }));
    const ok = JSON.parse((await glimpse(['ask', ...vllm(), '--json-schema', schema, '--json', 'count'])).stdout);
    expect(ok).toMatchObject({ schema_valid: true, schema_errors: [] });
    const bad = await glimpse([
      'ask',
      '--base-url',
      `${fake.url}/vllm/json-bad`,
      '--model',
      'm',
      '--json-schema',
      schema,
      '--json',
      'count',
    ]);
    expect(JSON.parse(bad.stdout)).toMatchObject({ schema_valid: false, schema_errors: ['/count must be integer'] });
    writeFileSync(schema, JSON.stringify({ type: 'objekt' }));
    const before = fake.requests.length;
    const refused = JSON.parse((await glimpse(['ask', ...vllm(), '--json-schema', schema, '--json', 'count'])).stdout);
    expect(refused.error).toMatchObject({ kind: 'bad-input', message: expect.stringContaining('not valid JSON Schema') });
    expect(fake.requests.length).toBe(before);
  });

  it('compare lanes take parameters, and their headers say what differs', async () => {
    const r = await glimpse([
      'compare',
      ...vllm(),
      '--lane',
      'thinking=off,temperature=0',
      '--lane',
      'thinking=off,temperature=1',
      'hi',
    ]);
    expect(r.code).toBe(0);
    const temps = fake.requests.slice(-2).map((q) => q.body.temperature);
    expect(temps.sort()).toEqual([0, 1]);
    expect(r.stdout).toContain('· T 0) ==');
    expect(r.stdout).toContain('· T 1) ==');
  });
});
