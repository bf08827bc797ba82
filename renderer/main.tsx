import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { connectBridgeEvents } from './store/bridge-events.ts';
import { useStore } from './store/index.ts';
import './styles.css';

connectBridgeEvents();
void useStore.getState().loadProviders();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
