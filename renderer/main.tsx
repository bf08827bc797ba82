import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { startDesktopEvents } from './features/desktop/desktop-events.ts';
import { bridge } from './bridge/bridge.ts';
import { applyAppearance } from './features/appearance/apply-appearance.ts';
import './i18n/i18n.ts';
import { connectBridgeEvents } from './store/bridge-events.ts';
import { createAppStore } from './store/index.ts';
import { StoreProvider } from './store/store-context.tsx';
import './styles.css';

// The one store of the window, built around the bridge this window has (Electron's preload, or HTTP).
const store = createAppStore(bridge);
connectBridgeEvents(store, bridge);
startDesktopEvents(bridge);
void store.getState().loadProviders();
// The stored language and theme; until they arrive the OS's language and theme are shown, which is usually the same.
void bridge.getAppearance().then(applyAppearance, () => applyAppearance({ language: 'system', theme: 'system' }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
