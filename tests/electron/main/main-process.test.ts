/**
 * The Electron main process, run from its built bundle under Node with a stand-in `electron` (no Electron binary
 * can be downloaded here): what it asks of Electron, and what it does when the OS, the window or a frame acts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bridgeMethodNames } from '../../../shared/bridge/contract.ts';
import type { DesktopEvent } from '../../../shared/bridge/desktop.ts';
import { DESKTOP_EVENT_CHANNEL, ipcChannel } from '../../../shared/bridge/ipc.ts';
import { RENDERER_CSP } from '../../../electron/host/renderer-csp.ts';
import {
  createElectronStandIn,
  type Display,
  type ElectronStandIn,
  type StandInOptions,
} from '../../fixtures/electron-stand-in.ts';
import { expectCancelledRow } from '../../fixtures/cancelled-row.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { makePdf } from '../../fixtures/media/make-media.ts';
import { buildMain, loadMain, type BuiltMain } from './load-main.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
let built: BuiltMain;
let fake: FakeProvider;
const running: { app: ElectronStandIn; dataDir: string }[] = [];

beforeAll(async () => {
  built = await buildMain();
  fake = await startFakeProvider();
});

afterAll(async () => {
  await fake.close();
  rmSync(built.root, { recursive: true, force: true });
});

afterEach(async () => {
  for (const { app, dataDir } of running.splice(0)) {
    // A window closed in the test already quit the app (Windows and Linux quit with their last window).
    if (app.quitCount() === 0) app.quit();
    await app.quitted();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Starts the main process as a launch would, ready and with its window loaded. */
async function launch(opts: StandInOptions = {}, prepare?: (dataDir: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-main-'));
  prepare?.(dataDir);
  process.env.GLIMPSE_DATA_DIR = dataDir;
  const app = createElectronStandIn({ version: pkg.version, ...opts });
  running.push({ app, dataDir });
  loadMain(built, app);
  await app.makeReady();
  return { app, dataDir, win: app.windows[0]! };
}

/**
 * Adds a Z.AI provider at the fake's `path` through the bridge. The stand-in has no secure storage, so keys are
 * kept for this session only, as Settings offers in that case.
 */
async function addFakeZai(app: ElectronStandIn, path = 'zai'): Promise<{ id: string }> {
  await app.invoke(ipcChannel('setSessionOnlyKeys'), true);
  const saved = await app.invoke(ipcChannel('saveProvider'), {
    catalogId: 'zai',
    name: 'Fake',
    baseUrl: `${fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: 'sk-main-test',
  });
  return saved.result;
}

const desktopEvents = (app: ElectronStandIn): DesktopEvent[] =>
  app.windows.flatMap((w) =>
    w.webContents.sent.filter((s) => s.channel === DESKTOP_EVENT_CHANNEL).map((s) => s.payload as DesktopEvent),
  );

/** Every item of a menu template, submenus flattened. */
const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

const waitFor = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
  for (let i = 0; i < 400; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the main process', () => {
  it('builds its window with the secure options and loads the app scheme', async () => {
    const { app, win } = await launch({ packaged: true });
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win.webContents.url).toBe('glimpse://app/index.html');
    expect(app.paths.get('sessionData')).toBe('/stand-in/userData/Chromium');
    // A link the page opens goes to the system browser; the window itself never opens another.
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('serves index.html on glimpse://app with the CSP and refuses traversal', async () => {
    const { app } = await launch();
    const handler = app.protocolHandlers.get('glimpse')!;
    const res = await handler(new Request('glimpse://app/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await res.text()).toBe(built.indexHtml);
    for (const path of ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e/%2e%2e/secret.txt']) {
      const r = await handler(new Request(`glimpse://app${path}`));
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain('not for the window');
    }
  });

  it('answers every bridge method over IPC, and only for its own top frame', async () => {
    const { app } = await launch();
    for (const name of bridgeMethodNames) expect(app.ipcHandlers.has(ipcChannel(name)), name).toBe(true);
    const ok = await app.invoke(ipcChannel('getInfo'), undefined);
    expect(ok.result).toMatchObject({ shell: 'electron', version: pkg.version });
    const foreign = await app.invoke(ipcChannel('getInfo'), undefined, 'https://evil.example/');
    expect(foreign.failure?.kind).toBe('forbidden');
    const subframe = await app.invoke(ipcChannel('listProviders'), undefined, 'glimpse://app/index.html', false);
    expect(subframe.failure?.kind).toBe('forbidden');
    // The door still checks arguments of the desktop's own methods.
    const bad = await app.invoke(ipcChannel('setDesktopSettings'), { snipShortcut: 5 });
    expect(bad.failure?.kind).toBe('bad-input');
  });

  it('refuses every permission except clipboard writes from the app itself', async () => {
    const { app } = await launch();
    const ask = (perm: string, url: string) =>
      new Promise<boolean>((r) => app.permission.request!({ getURL: () => url }, perm, r, { requestingUrl: url }));
    expect(await ask('clipboard-sanitized-write', 'glimpse://app/index.html')).toBe(true);
    expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const perm of ['media', 'display-capture', 'clipboard-read', 'notifications', 'geolocation', 'openExternal']) {
      expect(await ask(perm, 'glimpse://app/index.html'), perm).toBe(false);
    }
    expect(app.permission.check!(null, 'clipboard-sanitized-write', 'glimpse://app')).toBe(true);
    expect(app.permission.check!(null, 'media', 'glimpse://app')).toBe(false);
    let granted: unknown = 'unset';
    app.permission.displayMedia!({}, (v: unknown) => (granted = v));
    expect(granted).toEqual({});
  });

  it('cancels running requests when the window closes', async () => {
    const { app, win } = await launch();
    const provider = await addFakeZai(app, 'zai/endless');
    const before = fake.requests.length;
    const started = await app.invoke(ipcChannel('startChat'), {
      providerId: provider.id,
      thinking: false,
      prompt: 'Talk forever',
      attachments: [],
      history: [],
    });
    const id = started.result.requestId as string;
    await waitFor(
      () =>
        win.webContents.sent.find((s) => {
          const e = s.payload as { requestId?: string; event?: { type: string } };
          return e.requestId === id && e.event?.type === 'delta';
        }),
      'the first delta',
    );
    win.close();
    const rec = await waitFor(
      () => (fake.requests[before]?.aborted ? fake.requests[before] : undefined),
      'the provider to see the hang-up',
    );
    expect(rec.aborted).toBe(true);
  });

  it('quitting mid-answer stores the request as cancelled, with its partial answer, before the process ends', async () => {
    const { app, win, dataDir } = await launch();
    const provider = await addFakeZai(app, 'zai/endless');
    const started = await app.invoke(ipcChannel('startChat'), {
      providerId: provider.id,
      thinking: false,
      prompt: 'Talk forever',
      attachments: [],
      history: [],
    });
    const id = started.result.requestId as string;
    const deltas = () =>
      win.webContents.sent.filter((s) => {
        const e = s.payload as { requestId?: string; event?: { type: string } };
        return e.requestId === id && e.event?.type === 'delta';
      });
    await waitFor(() => (deltas().length >= 3 ? true : undefined), 'a few deltas');
    // Quit from the menu: the quit is held until the request is stored, then goes through.
    app.quit();
    await app.quitted();
    expectCancelledRow(join(dataDir, 'glimpse.db'), id);
  });

  it('as a second instance, quits at once and opens nothing', async () => {
    const app = createElectronStandIn({ gotLock: false });
    loadMain(built, app);
    expect(app.quitCount()).toBe(1);
    expect(app.windows).toHaveLength(0);
    expect(app.ipcHandlers.size).toBe(0);
  });

  it('focuses the window and attaches the files of a second launch and of open-file', async () => {
    const { app, win } = await launch();
    const dir = mkdtempSync(join(tmpdir(), 'glimpse-open-'));
    writeFileSync(join(dir, 'scan.png'), Buffer.from([137, 80, 78, 71, 1, 2, 3]));
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.4 stand-in');
    win.hide();
    const focused = win.focusCount;
    app.appEvents.emit('second-instance', {}, ['/usr/bin/electron', '.', '--flag', 'scan.png', 'missing.jpg'], dir);
    expect(win.visible).toBe(true);
    expect(win.focusCount).toBeGreaterThan(focused);
    app.appEvents.emit('open-file', { preventDefault() {} }, join(dir, 'report.pdf'));
    const opened = desktopEvents(app).filter((e) => e.type === 'open-files');
    expect(opened).toHaveLength(2);
    const [first, second] = opened as Extract<DesktopEvent, { type: 'open-files' }>[];
    expect(first!.files.map((f) => [f.name, f.mime, f.bytes.length])).toEqual([['scan.png', 'image/png', 7]]);
    expect(first!.refused).toEqual([expect.stringContaining('missing.jpg')]);
    expect(second!.files.map((f) => f.name)).toEqual(['report.pdf']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('snips the display under the pointer at native resolution, full screen, and gives the window back', async () => {
    const left: Display = {
      id: 1,
      bounds: { x: 0, y: 0, width: 1280, height: 800 },
      workArea: { x: 0, y: 0, width: 1280, height: 780 },
      size: { width: 1280, height: 800 },
      scaleFactor: 1,
    };
    const right: Display = {
      id: 2,
      bounds: { x: 1280, y: 0, width: 1440, height: 900 },
      workArea: { x: 1280, y: 0, width: 1440, height: 880 },
      size: { width: 1440, height: 900 },
      scaleFactor: 2,
    };
    const png = await sharp({ create: { width: 2880, height: 1800, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const { app, win } = await launch({
      displays: [left, right],
      cursor: { x: 2000, y: 300 },
      screens: { 1: { png: new Uint8Array([1]), width: 1280, height: 800 }, 2: { png, width: 2880, height: 1800 } },
    });
    const before = win.getNormalBounds();
    const press = app.shortcuts.get('Alt+Shift+S');
    expect(press, 'the default shortcut is registered').toBeDefined();
    press!();
    const snip = await waitFor(() => desktopEvents(app).find((e) => e.type === 'snip'), 'the snip event');
    const sources = app.calls.find((c) => c.what === 'desktopCapturer.getSources')!.args[0];
    expect(sources).toEqual({ types: ['screen'], thumbnailSize: { width: 2880, height: 1800 } });
    if (snip.type !== 'snip') throw new Error('not a snip');
    expect(snip.capture).toMatchObject({ width: 2880, height: 1800, scaleFactor: 2 });
    expect(Buffer.from(snip.capture.png).equals(png)).toBe(true);
    expect(win.fullScreen).toBe(true);
    expect(win.bounds).toEqual(right.bounds);
    expect(win.visible).toBe(true);

    // Pressed again while the overlay is up: the overlay comes forward, nothing is captured twice.
    press!();
    await app.invoke(ipcChannel('getInfo'), undefined);
    expect(app.calls.filter((c) => c.what === 'desktopCapturer.getSources')).toHaveLength(1);

    await app.invoke(ipcChannel('endSnip'), undefined);
    expect(win.fullScreen).toBe(false);
    expect(win.bounds).toEqual(before);
  });

  it('picks a batch folder with the system dialog, titled as the window asked; a cancel is no folder', async () => {
    const { app } = await launch({ openDialogAnswers: [['/home/ana/Scans 2026']] });
    const picked = await app.invoke(ipcChannel('chooseFolder'), { title: '选择要批量处理的文件夹' });
    expect(picked.result).toEqual({ path: '/home/ana/Scans 2026' });
    const cancelled = await app.invoke(ipcChannel('chooseFolder'), { title: 'Choose a folder for the batch' });
    expect(cancelled.result).toEqual({ path: null });
    expect(app.calls.filter((c) => c.what === 'dialog.showOpenDialog').map((c) => c.args[0])).toEqual([
      { title: '选择要批量处理的文件夹', properties: ['openDirectory'] },
      { title: 'Choose a folder for the batch', properties: ['openDirectory'] },
    ]);
    const bad = await app.invoke(ipcChannel('chooseFolder'), { title: 'x', defaultPath: '/etc' });
    expect(bad.failure?.kind).toBe('bad-input');
  });

  it('says how to grant capture when it is refused, and when another app holds the shortcut', async () => {
    const { app } = await launch({ screens: {}, takenShortcuts: ['Alt+Shift+S'] });
    const settings = (await app.invoke(ipcChannel('getDesktopSettings'), undefined)).result;
    expect(settings).toMatchObject({ snipShortcut: 'Alt+Shift+S', globalShortcuts: true });
    expect(settings.shortcutError).toMatch(/Alt\+Shift\+S is taken by another application/);
    const changed = (await app.invoke(ipcChannel('setDesktopSettings'), { snipShortcut: 'Ctrl+Alt+G' })).result;
    expect(changed.shortcutError).toBeNull();
    expect(app.shortcuts.has('Ctrl+Alt+G')).toBe(true);

    await app.invoke(ipcChannel('startSnip'), undefined);
    const failed = await waitFor(() => desktopEvents(app).find((e) => e.type === 'snip-failed'), 'the refusal');
    expect(failed.type === 'snip-failed' && failed.message).toMatch(/screen could not be captured/);
  });

  it('has menus and a tray that reach the window, and no developer tools in a packaged build', async () => {
    const { app } = await launch({ packaged: true });
    const items = flatten(app.menu()!.template);
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    const byLabel = (l: string) => {
      const item = items.find((i) => typeof i.label === 'string' && i.label.replace('&', '').startsWith(l));
      if (!item) throw new Error(`no menu item "${l}"`);
      return item;
    };
    /** Clicks a menu item as Electron would (the main process reads none of the arguments). */
    const click = (l: string) => (byLabel(l).click as () => void)();
    expect(byLabel('New session').accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('Attach').accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Settings').accelerator).toBe('CmdOrCtrl+,');
    // The global shortcut is shown, not registered by the menu (it would then work only inside Glimpse).
    expect(byLabel('Snip and ask')).toMatchObject({ accelerator: 'Alt+Shift+S', registerAccelerator: false });
    for (const l of ['Usage', 'Compare', 'Snip and ask', 'Keyboard shortcuts', 'Open the data folder', 'About Glimpse'])
      expect(byLabel(l).click, l).toBeTypeOf('function');
    click('New session');
    click('Usage');
    click('About Glimpse');
    expect(desktopEvents(app).filter((e) => e.type === 'action')).toEqual([
      { type: 'action', action: 'new-session' },
      { type: 'action', action: 'usage' },
    ]);
    const about = app.calls.find((c) => c.what === 'dialog.showMessageBox')!.args[0] as { message: string };
    expect(about.message).toBe(`Glimpse ${pkg.version}`);

    const tray = app.trays[0]!;
    expect(tray.menu!.template.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Snip and ask',
      'New session',
      'Show Glimpse',
      'Quit',
    ]);

    const dev = await launch({ packaged: false });
    const devRoles = flatten(dev.app.menu()!.template).map((i) => i.role);
    expect(devRoles).toContain('toggleDevTools');
  });

  it('reopens the first-run guide from the Help menu', async () => {
    const { app } = await launch({ packaged: true });
    const help = app.menu()!.template.find((m) => m.role === 'help')!;
    const guide = flatten(help.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'guide');
    expect(guide?.label).toBe('Getting started…');
    (guide!.click as () => void)();
    expect(desktopEvents(app).filter((e) => e.type === 'action')).toEqual([{ type: 'action', action: 'guide' }]);
  });

  it('plans a batch that holds a PDF: pdf.js is found from the CommonJS bundle', async () => {
    // createRequire(import.meta.url) threw here: the main bundle compiles import.meta.url away.
    const { app } = await launch();
    const provider = await addFakeZai(app);
    const work = mkdtempSync(join(tmpdir(), 'glimpse-main-pdf-'));
    try {
      const inDir = join(work, 'reports');
      mkdirSync(inDir);
      copyFileSync(await makePdf('main-process-3p.pdf', 3), join(inDir, 'report.pdf'));
      const plan = await app.invoke(ipcChannel('planBatch'), {
        inputs: [inDir],
        prompt: 'Summarise',
        providerId: provider.id,
        thinking: false,
        outDir: join(work, 'out'),
      });
      expect(plan.failure).toBeUndefined();
      expect(plan.result.failed).toEqual([]);
      expect(plan.result.found).toEqual({ files: 1, images: 0, pdfs: 1, pages: 3 });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('shows a running batch in the tray and on the taskbar, and clears both when it ends', async () => {
    const { app, win } = await launch();
    const provider = await addFakeZai(app);
    const work = mkdtempSync(join(tmpdir(), 'glimpse-main-batch-'));
    try {
      const inDir = join(work, 'scans');
      mkdirSync(inDir);
      for (const [i, colour] of ['#336699', '#993366', '#669933'].entries())
        await sharp({ create: { width: 40 + i, height: 30, channels: 3, background: colour } })
          .png()
          .toFile(join(inDir, `scan-${i}.png`));
      const plan = await app.invoke(ipcChannel('planBatch'), {
        inputs: [inDir],
        prompt: 'Read this scan',
        providerId: provider.id,
        thinking: false,
        outDir: join(work, 'out'),
        concurrency: 1,
      });
      expect(plan.failure).toBeUndefined();
      // The stand-in's utility processes decode nothing, so the scans go before Start: each file then fails at
      // once ("Cannot read"), which drives the same progress events as answers would.
      rmSync(inDir, { recursive: true });
      await app.invoke(ipcChannel('startBatch'), plan.result.batchId);
      const tray = app.trays[0]!;
      await waitFor(() => (tray.tooltip === 'Glimpse' && win.progress.length > 1 ? true : undefined), 'the end');
      // While it ran: the count and the spend in the tooltip, the bar from 0 (the redraws between are throttled:
      // tests/electron/main/batch-progress.test.ts); at the end both cleared.
      expect(tray.tooltips).toContain('Glimpse: Batch 0/3 · $0');
      expect(win.progress[0]).toEqual({ value: 0, mode: 'normal' });
      expect(win.progress.at(-1)).toEqual({ value: -1, mode: 'none' });
      // Ended: the menu is back to its four commands.
      expect(tray.menu!.template.filter((i) => i.label).map((i) => i.label)).toEqual([
        'Snip and ask',
        'New session',
        'Show Glimpse',
        'Quit',
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('speaks the window’s language in its menus and tray, and rewords them when the language changes', async () => {
    const { app } = await launch({ packaged: true });
    const labels = () =>
      flatten(app.menu()!.template)
        .map((i) => i.label)
        .filter(Boolean);
    const trayLabels = () => app.trays[0]!.menu!.template.map((i) => i.label).filter(Boolean);
    // The stand-in's OS names no language Glimpse speaks, so English until the person picks one.
    expect(labels()).toContain('New session');
    const changed = await app.invoke(ipcChannel('setAppearance'), { language: 'zh-CN', theme: 'system' });
    expect(changed).toEqual({ result: { language: 'zh-CN', theme: 'system' } });
    expect(labels()).toEqual(
      expect.arrayContaining(['文件(&F)', '新建会话', '截图提问', '用量', '键盘快捷键', '编辑(&E)', '复制']),
    );
    expect(labels()).not.toContain('New session');
    // Standard roles carry Chinese labels too: Electron would word them in English on Windows and Linux.
    const quit = flatten(app.menu()!.template).find((i) => i.role === 'quit');
    expect(quit?.label).toBe('退出');
    expect(trayLabels()).toEqual(['截图提问', '新建会话', '显示 Glimpse', '退出']);
    (flatten(app.menu()!.template).find((i) => i.label === '关于 Glimpse')!.click as () => void)();
    const about = app.calls.find((c) => c.what === 'dialog.showMessageBox')!.args[0] as { title: string; buttons: string[] };
    expect(about).toMatchObject({ title: '关于 Glimpse', buttons: ['确定'] });

    // Back to English: the tray is reworded with the menu.
    await app.invoke(ipcChannel('setAppearance'), { language: 'en', theme: 'system' });
    expect(trayLabels()).toEqual(['Snip and ask', 'New session', 'Show Glimpse', 'Quit']);
  });

  it('restores the window where it was, unless that place is off every display', async () => {
    const onScreen = await launch({}, (dir) =>
      writeFileSync(
        join(dir, 'window-state.json'),
        JSON.stringify({ x: 200, y: 150, width: 1000, height: 700, maximized: true }),
      ),
    );
    expect(onScreen.win.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    expect(onScreen.win.maximized).toBe(true);
    onScreen.win.setBounds({ x: 300, y: 200, width: 900, height: 600 });
    onScreen.win.close();
    expect(JSON.parse(readFileSync(join(onScreen.dataDir, 'window-state.json'), 'utf8'))).toMatchObject({ x: 300, y: 200 });

    const offScreen = await launch({}, (dir) =>
      writeFileSync(
        join(dir, 'window-state.json'),
        JSON.stringify({ x: 4000, y: 150, width: 1000, height: 700, maximized: false }),
      ),
    );
    expect(offScreen.win.options.x).toBeUndefined();
    expect(offScreen.win.options.width).toBe(1280);
  });
});
