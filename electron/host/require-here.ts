/**
 * A `require` for finding packages' files from host code, in every bundle the host is built into: the Electron
 * main process is CommonJS (there `import.meta.url` is compiled away to undefined and `__filename` exists), the
 * CLI and the browser shell are ES modules (the other way round). `createRequire(import.meta.url)` alone threw in
 * the desktop app's main process, so a batch with a PDF failed there.
 */
import { createRequire } from 'node:module';

export const requireHere = (): NodeJS.Require => createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
