/**
 * `npm run serve`: the browser shell. Options: --port N (or PORT), --data-dir DIR (or GLIMPSE_DATA_DIR);
 * GLIMPSE_IDLE_TIMEOUT_S sets the provider idle timeout.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SchemaTooNewError } from '../host/db.ts';
import { guarded } from '../host/host.ts';
import { startHost } from '../host/startup.ts';
import { startBrowserShell } from './server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'static-dir': { type: 'string' } },
  allowPositionals: false,
});

const here = dirname(fileURLToPath(import.meta.url));
const staticDir = values['static-dir'] ?? join(here, '..', 'renderer');

try {
  const { host, dataDir } = startHost({ shell: 'browser', door: guarded, dataDir: values['data-dir'] });
  const shell = await startBrowserShell({ host, staticDir, port: Number(values.port ?? process.env.PORT ?? 5178) });
  console.log(
    `Glimpse is running. Open this URL (it carries a secret for this launch):\n\n  ${shell.launchUrl}\n\nData: ${dataDir}`,
  );
  // SIGINT (Ctrl+C) or SIGTERM: a request still running is cancelled and stored as cancelled (its partial answer
  // and usage so far) before the process ends, not left to crash recovery at the next start. A second signal
  // while that is under way ends the process at once.
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    try {
      await host.shutdown();
      await shell.close();
    } catch (e) {
      console.error('glimpse: stopping:', e instanceof Error ? e.message : e);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (e) {
  if (e instanceof SchemaTooNewError) console.error(e.message);
  else if ((e as { code?: string }).code === 'EADDRINUSE') console.error('That port is taken: pass another with --port.');
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
