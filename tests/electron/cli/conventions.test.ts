/**
 * `glimpse` as a script uses it: --version, every command's --help, the prompt and an image on standard input,
 * NO_COLOR / FORCE_COLOR / --no-color, and usage errors on stderr with exit status 2. The built command is run as a
 * real process against the fake provider.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, dataDirEnv, type Run } from './run-cli.ts';

// Each test starts the command several times; on a shared, busy machine one start can take seconds.
vi.setConfig({ testTimeout: 90_000 });

const CLI = 'dist/cli/glimpse-conventions.mjs';
const DIM = '\x1b[2m';
let fake: FakeProvider;
let dataDir: string;

beforeAll(async () => {
  await bundleCli(CLI);
  fake = await startFakeProvider();
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-conventions-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the command with `stdin` piped in (or /dev/null when undefined), like `echo … | glimpse …`. */
function glimpse(args: string[], opts: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...dataDirEnv(dataDir), ...opts.env },
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
  });
}

const ask = (...rest: string[]) => ['ask', '--base-url', `${fake.url}/think`, '--model', 'm', ...rest];

describe('glimpse --version and --help', () => {
  it('prints the version from package.json on stdout', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await glimpse([flag]);
      expect(r).toMatchObject({ code: 0, stdout: `glimpse ${version}\n`, stderr: '' });
    }
  });

  it.each([
    ['ask', '--image FILE'],
    ['compare', '--lane'],
    ['usage', '--since YYYY-MM-DD'],
  ])('glimpse %s --help (and glimpse help %s) explains the command on stdout, exit 0', async (command, option) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const r = await glimpse(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(option);
      expect(r.stderr).toBe('');
    }
  });

  it('usage errors go to stderr with exit 2, stdout empty', async () => {
    for (const args of [[], ['frobnicate'], ['help', 'frobnicate'], ['usage', '--nope'], ['ask', '--thinking', 'maybe', 'hi']]) {
      const r = await glimpse(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Usage:|glimpse: /);
    }
  });
});

describe('standard input', () => {
  it('reads the prompt from standard input with -, and when it is piped with no prompt', async () => {
    for (const args of [ask('-'), ask()]) {
      const before = fake.requests.length;
      const r = await glimpse(args, { stdin: 'What is on the receipt?\n' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('your question “What is on the receipt?”');
      expect(fake.requests.length).toBe(before + 1);
    }
  });

  it('an empty standard input is a usage error, and nothing is sent', async () => {
    const before = fake.requests.length;
    const r = await glimpse(ask('-'), { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input was empty');
    expect(fake.requests.length).toBe(before);
  });

  it('--image - reads the image from standard input; it cannot hold the prompt too', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const r = await glimpse(ask('--image', '-', '--json', 'What colour is this?'), { stdin: png });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answer).toContain('I received 1 image(s)');
    const both = await glimpse(ask('--image', '-', '-'), { stdin: png });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give the prompt as an argument');
  });
});

describe('colour', () => {
  it('dims the reasoning only where colour is wanted: FORCE_COLOR on, NO_COLOR and --no-color off', async () => {
    const plain = await glimpse(ask('Describe'));
    expect(plain.stderr).toMatch(/^Let me look carefully/);
    expect(plain.stderr).not.toContain('\x1b');
    const forced = await glimpse(ask('Describe'), { env: { FORCE_COLOR: '1' } });
    expect(forced.stderr.startsWith(DIM)).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes are what is checked
    expect(forced.stderr.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^Let me look carefully/);
    const both = await glimpse(ask('Describe'), { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stderr).not.toContain('\x1b');
    const flag = await glimpse(['--no-color', ...ask('Describe')], { env: { FORCE_COLOR: '1' } });
    expect(flag.code).toBe(0);
    expect(flag.stderr).not.toContain('\x1b');
    expect(flag.stdout).toMatch(/^Answer in thinking mode/);
  });
});
