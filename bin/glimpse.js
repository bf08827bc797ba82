#!/usr/bin/env node
// The `glimpse` command. The engine is built into dist/ by `npm install` (the prepare script).
import module from 'node:module';

// Node's on-disk compile cache (Node >= 22.1) makes every launch after the first load the openai SDK and the
// engine faster; start-up is most of a short `glimpse ask`.
module.enableCompileCache?.();

import('../dist/cli/glimpse.mjs').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('glimpse: the engine is not built yet. Run `npm run build` in the Glimpse folder.');
    process.exit(1);
  }
  if (e && e.code === 'ERR_UNKNOWN_BUILTIN_MODULE') {
    console.error('glimpse: needs Node.js 22.5 or newer (node:sqlite). Run it as `npx glimpse` inside the Glimpse folder.');
    process.exit(1);
  }
  throw e;
});
