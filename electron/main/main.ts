/**
 * The Electron shell: one window over the shared renderer, the host services in this process, keys in
 * safeStorage. Everything else (renderer, host, engine) is shared with the browser shell and tested there.
 */
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { WINDOW_BACKGROUND } from '../../shared/bridge/appearance.ts';
import { readAppearance } from '../host/appearance-store.ts';
import { SchemaTooNewError } from '../host/db.ts';
import { guarded, type Host } from '../host/host.ts';
import { decoder } from '../host/media/decode-pool.ts';
import { startHost } from '../host/startup.ts';
import { RENDERER_CSP } from '../host/renderer-csp.ts';
import { wireIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { SafeKeyStore } from './safe-key-store.ts';
import { utilityDecodeLauncher } from './utility-decoder.ts';
import { APP_ORIGIN, APP_SCHEME, buildWindowOptions, isAllowedNavigation, windowOpenDecision } from './window-options.ts';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDir = join(__dirname, '..', 'renderer');
let win: BrowserWindow | null = null;
let host: Host | null = null;

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

function createWindow() {
  const theme = host ? readAppearance(host.db).theme : 'system';
  const dark = theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors);
  win = new BrowserWindow(buildWindowOptions(join(__dirname, 'preload.cjs'), WINDOW_BACKGROUND[dark ? 'dark' : 'light']));
  const contents = win.webContents;
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
  win.once('ready-to-show', () => win?.show());
  // Closing the window mid-stream cancels the request: nobody is left to read it.
  win.on('closed', () => {
    host?.chat.cancelAll();
    win = null;
  });
  win.loadURL(`${APP_ORIGIN}/index.html`).catch((e: unknown) => console.error('glimpse: the window did not load:', e));
}

app
  .whenReady()
  .then(() => {
    // No permission (camera, geolocation, notifications...) is ever granted to the renderer.
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    try {
      decoder.useLauncher(utilityDecodeLauncher(utilityProcess));
      // The same data dir as the browser shell and the CLI (electron/host/data-dir.ts), not Electron's userData,
      // so `glimpse usage` sees what the app spent.
      host = startHost({ shell: 'electron', door: guarded, keys: (dir) => new SafeKeyStore(dir, safeStorage) }).host;
    } catch (e) {
      dialog.showErrorBox('Glimpse cannot open its data', e instanceof SchemaTooNewError ? e.message : String(e));
      app.quit();
      return;
    }
    serveRenderer();
    wireIpc(host, () => win);
    Menu.setApplicationMenu(buildMenu());
    createWindow();
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

app.on('will-quit', () => host?.close());
