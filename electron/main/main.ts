/**
 * The Electron shell: one window over the shared renderer, the host services in this process, keys in
 * safeStorage, provider requests through Electron's network stack (the system proxy). Around it what people
 * expect of a desktop tool: one instance that opens files from the OS, a tray, menus, a global snip shortcut.
 * Everything else (renderer, host, engine) is shared with the browser shell and tested there.
 */
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  desktopCapturer,
  dialog,
  globalShortcut,
  Menu,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  utilityProcess,
  type Rectangle,
} from 'electron';
import type { DesktopAction, DesktopSettings } from '../../shared/bridge/desktop.ts';
import { WINDOW_BACKGROUND } from '../../shared/bridge/appearance.ts';
import type { Language } from '../../shared/messages/language.ts';
import { menuLabels } from '../../shared/messages/menu-labels.ts';
import { hostMessage } from '../../shared/messages/messages.ts';
import { readAppearance } from '../host/appearance-store.ts';
import { SchemaTooNewError } from '../host/db.ts';
import { guarded, guardedSome, type Host } from '../host/host.ts';
import { decoder } from '../host/media/decode-pool.ts';
import { schemaGuard } from '../host/params/schema-guard.ts';
import { RENDERER_CSP } from '../host/renderer-csp.ts';
import { startHost } from '../host/startup.ts';
import { DesktopOutbox } from './desktop-outbox.ts';
import { wireIpc } from './ipc.ts';
import { followBatches } from './batch-progress.ts';
import { followOsLanguage } from './follow-os-language.ts';
import { buildMenu } from './menu.ts';
import { shellLanguage } from './shell-language.ts';
import { fileArgs, readOpenedFiles } from './open-files.ts';
import { installPermissionHandlers } from './permissions.ts';
import { SafeKeyStore } from './safe-key-store.ts';
import { CaptureRefused, captureDisplayUnderPointer } from './snip-capture.ts';
import { applySnipShortcut } from './snip-shortcut.ts';
import { createTray, type GlimpseTray } from './tray.ts';
import { utilityLauncher } from './utility-launcher.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  buildWindowOptions,
  isAllowedNavigation,
  WINDOW_SIZE,
  windowOpenDecision,
} from './window-options.ts';
import { loadPlacement, saveWindowState } from './window-state.ts';

// One instance: a second launch hands its files to the first and quits before it opens anything.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Chromium's own files (cache, local storage) in a folder of their own, apart from Glimpse's data; productName
  // makes userData the same folder the host uses by default (electron/host/data-dir.ts).
  app.setPath('sessionData', join(app.getPath('userData'), 'Chromium'));
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  startShell();
}

function startShell() {
  const rendererDir = join(__dirname, '..', 'renderer');
  const outbox = new DesktopOutbox();
  let win: BrowserWindow | null = null;
  let host: Host | null = null;
  let dataDir = '';
  let tray: GlimpseTray | null = null;
  let shortcut: string | null = null;
  let shortcutError: string | null = null;
  /** What the menu was last built with, to rebuild it when the language changes. */
  let menuSettings: { snipShortcut: string } = { snipShortcut: '' };
  /** The language the menu and tray were last built in (null before the first). */
  let menuLanguage: Language | null = null;
  /** Bounds to return to after a snip's full-screen overlay. */
  let beforeSnip: { bounds: Rectangle; maximized: boolean } | null = null;
  let capturing = false;
  // macOS hands files dropped on the dock icon before the app is ready: held until the window can take them.
  const earlyOpened: string[] = [];

  const openFiles = (paths: readonly string[], cwd: string) => {
    if (!paths.length) return;
    const { files, refused } = readOpenedFiles(paths, cwd);
    outbox.send({ type: 'open-files', files, refused });
  };

  function serveRenderer() {
    protocol.handle(APP_SCHEME, async (req) => {
      const path = decodeURIComponent(new URL(req.url).pathname);
      const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      headers.set('content-security-policy', RENDERER_CSP);
      return new Response(res.body, { status: res.status, headers });
    });
  }

  function createWindow(): BrowserWindow {
    const placement = loadPlacement(dataDir, screen, WINDOW_SIZE);
    const theme = host ? readAppearance(host.db).theme : 'system';
    const dark = theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors);
    const backgroundColor = WINDOW_BACKGROUND[dark ? 'dark' : 'light'];
    const w = new BrowserWindow({
      ...buildWindowOptions(join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged, backgroundColor }),
      ...placement.bounds,
    });
    win = w;
    const contents = w.webContents;
    outbox.attach(contents);
    contents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAllowedNavigation(url)) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (windowOpenDecision(url) === 'open-external')
        shell.openExternal(url).catch((e: unknown) => console.error('glimpse: could not open a link:', e));
      return { action: 'deny' };
    });
    w.once('ready-to-show', () => {
      if (placement.maximized) w.maximize();
      w.show();
    });
    w.on('close', () => {
      if (!beforeSnip) saveWindowState(dataDir, w);
    });
    // Closing the window mid-stream cancels the request: nobody is left to read it.
    w.on('closed', () => {
      host?.chat.cancelAll();
      if (win === w) {
        win = null;
        // A window closed mid-snip takes its overlay with it: the next window starts afresh.
        beforeSnip = null;
      }
    });
    w.loadURL(`${APP_ORIGIN}/index.html`).catch((e: unknown) => console.error('glimpse: the window did not load:', e));
    return w;
  }

  const showWindow = (): BrowserWindow => {
    const w = win ?? createWindow();
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
    return w;
  };

  const action = (a: DesktopAction) => {
    showWindow();
    outbox.send({ type: 'action', action: a });
  };

  async function snip() {
    const w = win ?? createWindow();
    // A snip is already on screen or being taken: bring it forward rather than capture the overlay itself.
    if (beforeSnip || capturing) {
      w.show();
      w.focus();
      return;
    }
    capturing = true;
    try {
      // The window itself must not be in the picture.
      if (w.isVisible()) {
        const hidden = new Promise<void>((resolve) => w.once('hide', () => resolve()));
        w.hide();
        await hidden;
      }
      const { capture, display } = await captureDisplayUnderPointer({
        screen,
        desktopCapturer,
        systemPreferences,
        platform: process.platform,
      });
      beforeSnip = { bounds: w.getNormalBounds(), maximized: w.isMaximized() };
      // The overlay covers the display that was captured, at its size, above everything.
      w.setBounds(display.bounds);
      w.setFullScreen(true);
      w.setAlwaysOnTop(true, 'screen-saver');
      outbox.send({ type: 'snip', capture });
    } catch (e) {
      const summary =
        e instanceof CaptureRefused ? e.text : hostMessage('snip.failed', { reason: e instanceof Error ? e.message : String(e) });
      outbox.send({ type: 'snip-failed', message: summary.message, summary });
    } finally {
      capturing = false;
    }
    w.show();
    w.focus();
  }

  function endSnip() {
    const w = win;
    const back = beforeSnip;
    beforeSnip = null;
    if (!w || !back) return;
    w.setAlwaysOnTop(false);
    w.setFullScreen(false);
    w.setBounds(back.bounds);
    if (back.maximized) w.maximize();
    w.focus();
  }

  const runSnip = () => void snip().catch((e: unknown) => console.error('glimpse: snip failed:', e));

  /** The window's language as the appearance setting has it (or the OS's): the menus and tray speak it too. */
  const language = (): Language => (host ? shellLanguage(readAppearance(host.db).language, app) : 'en');

  function setMenu(settings: { snipShortcut: string }) {
    menuSettings = settings;
    const lang = language();
    menuLanguage = lang;
    const { label } = menuLabels(lang);
    Menu.setApplicationMenu(
      buildMenu({
        action,
        snip: runSnip,
        openDataFolder: () =>
          void shell
            .openPath(dataDir)
            .then((err) => err && dialog.showErrorBox(label('app'), label('folderFailed', { reason: err }))),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: label('about'),
            message: `Glimpse ${app.getVersion()}`,
            detail: label('aboutDetail', { dir: dataDir }),
            buttons: [label('ok')],
          }),
        snipShortcut: settings.snipShortcut,
        packaged: app.isPackaged,
        platform: process.platform,
        language: lang,
      }),
    );
    tray?.setLanguage(lang);
  }

  function applySettings(h: Host): DesktopSettings {
    const stored = h.desktopSettings.get();
    shortcutError = applySnipShortcut(globalShortcut, shortcut, stored.snipShortcut, runSnip);
    shortcut = shortcutError ? null : stored.snipShortcut || null;
    setMenu(stored);
    return { ...stored, shortcutError, globalShortcuts: true };
  }

  app.on('second-instance', (_e, argv, cwd) => {
    showWindow();
    openFiles(fileArgs(argv, app.isPackaged), cwd);
  });

  app.on('open-file', (e, path) => {
    e.preventDefault();
    if (host) {
      showWindow();
      openFiles([path], process.cwd());
    } else earlyOpened.push(path);
  });

  app
    .whenReady()
    .then(() => {
      installPermissionHandlers(session.defaultSession);
      try {
        decoder.useLauncher(utilityLauncher(utilityProcess));
        schemaGuard().useLauncher(utilityLauncher(utilityProcess));
        // The same data dir as the browser shell and the CLI (electron/host/data-dir.ts), not Electron's userData,
        // so `glimpse usage` sees what the app spent. Provider requests go through Electron's network stack, which
        // follows the system's proxy settings (and PAC scripts) as the browser does.
        const started = startHost({
          shell: 'electron',
          door: guarded,
          keys: (dir) => new SafeKeyStore(dir, safeStorage),
          fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
        });
        host = started.host;
        dataDir = started.dataDir;
      } catch (e) {
        dialog.showErrorBox('Glimpse cannot open its data', e instanceof SchemaTooNewError ? e.message : String(e));
        app.quit();
        return;
      }
      const h = host;
      applySettings(h);
      // The desktop methods as only this shell has them, put over the host's and checked at the same door.
      const base = h.methods;
      h.methods = {
        ...base,
        ...guardedSome({
          getDesktopSettings: async () => ({ ...h.desktopSettings.get(), shortcutError, globalShortcuts: true }),
          setDesktopSettings: async (input) => {
            await base.setDesktopSettings(input);
            return applySettings(h);
          },
          setAppearance: async (input) => {
            const stored = await base.setAppearance(input);
            setMenu(menuSettings); // the menus and the tray follow the window's language
            return stored;
          },
          endSnip: async () => endSnip(),
          startSnip: async () => runSnip(),
          // Modal to the window, as a folder dialog is everywhere.
          chooseFolder: async ({ title }) => {
            const options = { title, properties: ['openDirectory' as const] };
            const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
            return { path: picked.canceled ? null : (picked.filePaths[0] ?? null) };
          },
        }),
      };
      serveRenderer();
      wireIpc(h, () => win);
      const iconPath = join(__dirname, 'icon.png');
      if (existsSync(iconPath)) {
        tray = createTray(
          iconPath,
          {
            snip: runSnip,
            newSession: () => action('new-session'),
            show: () => void showWindow(),
            quit: () => app.quit(),
          },
          language(),
        );
      }
      followBatches(h.subscribe, tray, () => win, language);
      followOsLanguage(
        app,
        language,
        () => menuLanguage,
        () => setMenu(menuSettings),
      );
      createWindow();
      openFiles([...fileArgs(process.argv, app.isPackaged), ...earlyOpened.splice(0)], process.cwd());
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow();
      });
    })
    // A start-up that throws must say why and quit, not leave a windowless process behind.
    .catch((e: unknown) => {
      dialog.showErrorBox('Glimpse could not start', e instanceof Error ? e.message : String(e));
      app.quit();
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting (the last window closed, Quit in the tray or menu, SIGINT or SIGTERM): the quit waits until a request
  // still running is cancelled and stored as cancelled, with its partial answer and usage so far, then goes on.
  // Without the wait the database closed first and the row stayed 'streaming' until crash recovery at the next start.
  let stopping = false;
  const onSignal = () => app.quit();
  app.on('will-quit', (e: { preventDefault(): void }) => {
    // From here a second Ctrl+C ends the process at once (Node's default), should the wait below not end.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    globalShortcut.unregisterAll();
    tray?.destroy();
    tray = null;
    const h = host;
    if (!h) return;
    e.preventDefault();
    if (stopping) return;
    stopping = true;
    void h
      .shutdown()
      .catch((err: unknown) => console.error('glimpse: stopping the host:', err instanceof Error ? err.message : err))
      .finally(() => {
        host = null;
        app.quit();
      });
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
