/**
 * What `glimpse` prints is safe for a terminal: escape sequences in a model's answer or a provider's error body
 * are shown, not obeyed; JSON output stays exact but escapes what JSON.stringify leaves raw; and a key the model
 * repeats never reaches the output.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

// Its own bundle, so it never races the other CLI test files writing theirs.
const CLI = join('.glimpse-test', `glimpse-terminal-${process.pid}.mjs`);
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
let fake: FakeProvider;
let dataDir: string;

beforeAll(async () => {
  mkdirSync('.glimpse-test', { recursive: true });
  await bundleCli(CLI);
  fake = await startFakeProvider();
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-cli-tty-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(CLI, { force: true });
});

const glimpse = (args: string[]): Promise<Run> => runNode([CLI, ...args], dataDirEnv(dataDir));
const askArgs = (path: string, ...more: string[]) => [
  'ask',
  '--provider',
  'zai',
  '--base-url',
  `${fake.url}/${path}`,
  '--api-key',
  'sk-cli-terminal-key-9911',
  ...more,
  'Say',
  'something',
];

describe('glimpse output and terminal escapes', () => {
  it('shows the escapes of an answer and its reasoning instead of sending them to the terminal', async () => {
    const r = await glimpse(askArgs('zai/ansi'));
    expect(r.code).toBe(0);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toMatch(CONTROLS);
    expect(r.stdout).toContain(
      'Safe start ␛]52;c;ZXZpbCBjbGlwYm9hcmQ=␇␛[2J␛[Hcleared? ␛]8;;https://evil.example␛\\link␛]8;;␛\\ c1 \\x9b31mred\\x9b0m, done␍FAKE',
    );
    expect(r.stderr).toContain('Thinking ␛]0;pwned title␇quietly.');
  });

  it('shows the escapes of a provider error body', async () => {
    const r = await glimpse(askArgs('zai/ansi-error'));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(CONTROLS);
    expect(r.stderr).toContain('error (bad-request): Refused ␛]52;c;cGF5bG9hZA==␇ and ␛[2J cleared');
  });

  it('keeps --json exact (the text parses back whole) with no raw control in the printed bytes', async () => {
    const r = await glimpse(askArgs('zai/ansi', '--json'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROLS);
    const j = JSON.parse(r.stdout);
    expect(j.answer).toBe(
      'Safe start \x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07\x1b[2J\x1b[Hcleared? \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ c1 \u009b31mred\u009b0m, done\rFAKE',
    );
  });

  it('never prints a key the model repeats', async () => {
    for (const extra of [[], ['--json']]) {
      const r = await glimpse(askArgs('zai/echo-key', ...extra));
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('sk-cli-terminal-key-9911');
      expect(r.stdout).toContain('Your key is … and that is all.');
    }
  });
});
