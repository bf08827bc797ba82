import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by both shells: the Electron window (file://) and the browser shell.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The PDF render worker loads pdf.js on demand: module workers split into chunks like the page does.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
