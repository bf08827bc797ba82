/**
 * One driver for end-to-end tests (after Signal's Playwright harness): starts the fake provider and the real
 * browser shell (`dist/server/serve.mjs`, as `npm run serve` does) on a fresh data dir, opens the printed URL,
 * and offers the steps a person takes. Waits are on events and page state, never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../fixtures/fake-provider.ts';

export interface ShellProcess {
  url: string;
  launchUrl: string;
  child: ChildProcess;
  dataDir: string;
}

/** Resolves once the page has rendered two more frames and delivered what its observers saw in them. */
export const twoFrames = (on: Locator) =>
  on.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/** Starts `node dist/server/serve.mjs --port 0` (and `args`) and resolves with the URL it prints. */
export async function startShell(dataDir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<ShellProcess> {
  const child = spawn(process.execPath, ['dist/server/serve.mjs', '--port', '0', '--data-dir', dataDir, ...args], {
    env: {
      ...process.env,
      ZAI_API_KEY: '',
      OPENROUTER_API_KEY: '',
      NOVITA_API_KEY: '',
      GLIMPSE_API_KEY: '',
      // The first-run guide and the local server scan have their own specs; elsewhere they would only be in the way.
      GLIMPSE_SKIP_GUIDE: '1',
      GLIMPSE_SCAN_LOCAL: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`browser shell exited (${code}): ${out}`)));
  });
  return { url: new URL(launchUrl).origin, launchUrl, child, dataDir };
}

export class GlimpseApp {
  readonly page: Page;
  readonly fake: FakeProvider;
  readonly shell: ShellProcess;

  private constructor(page: Page, fake: FakeProvider, shell: ShellProcess) {
    this.page = page;
    this.fake = fake;
    this.shell = shell;
  }

  /** `providerLabel`: the provider picker's name in the page's language, how a launch knows the window is up. */
  static async launch(
    page: Page,
    opts: { env?: NodeJS.ProcessEnv; dataDir?: string; providerLabel?: string } = {},
  ): Promise<GlimpseApp> {
    const fake = await startFakeProvider();
    const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'glimpse-e2e-'));
    const shell = await startShell(dataDir, opts.env);
    await page.goto(shell.launchUrl);
    await expect(page.getByRole('combobox', { name: opts.providerLabel ?? 'Provider' })).toBeVisible();
    return new GlimpseApp(page, fake, shell);
  }

  async close(): Promise<void> {
    this.shell.child.kill('SIGTERM');
    await this.fake.close();
    rmSync(this.shell.dataDir, { recursive: true, force: true });
  }

  /**
   * Adds a provider through Settings, the way a person does, and leaves it picked. `path` is on the fake provider;
   * `baseUrl` is any other address. Waits for Settings to close: while the modal is open the page behind it is
   * inert, and Playwright's fill() on an inert box reports success while typing nothing.
   */
  async addProvider(opts: {
    name: string;
    path?: string;
    baseUrl?: string;
    kind?: string;
    apiKey?: string;
    model?: string;
  }): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    if (opts.kind) await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: opts.kind });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(opts.name);
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(opts.baseUrl ?? `${this.fake.url}/${opts.path ?? ''}`);
    if (opts.apiKey !== undefined) await dialog.getByLabel('API key').fill(opts.apiKey);
    await dialog.getByRole('combobox', { name: 'Model' }).fill(opts.model ?? 'glm-4.5v');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(p.getByRole('combobox', { name: 'Provider' })).toContainText(opts.name);
  }

  async attachViaDialog(...files: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles(files);
  }

  async setThinking(on: boolean): Promise<void> {
    const sw = this.page.getByRole('switch', { name: 'Thinking' });
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', String(on));
  }

  async ask(prompt: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Prompt' });
    await box.fill(prompt);
    // fill() on a box behind an open modal types nothing and still succeeds: fail here, not at a disabled Send.
    await expect(box).toHaveValue(prompt);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  /** The answer region of the n-th exchange (0-based; -1 for the last). */
  answer(n = -1) {
    const all = this.page.getByRole('region', { name: 'Answer' });
    return n === -1 ? all.last() : all.nth(n);
  }

  async waitForAnswerDone(n = -1): Promise<void> {
    // Not a speed check: PDF pages are drawn in a worker before the request leaves, which on a loaded 2-core
    // machine can take longer than the default 10 s. Speed has its own assertions and benchmarks.
    await expect(this.answer(n)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }
}
