/**
 * `glimpse providers`: the providers configured in the data dir (which have a key: the key itself is never
 * printed), Local OCR's languages, and the model servers found on this computer's loopback address.
 */
import { parseArgs } from 'node:util';
import type { LocalServer } from '../../shared/bridge/local-ocr.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';
import { scanLocalServers } from '../host/local-servers.ts';
import { installedLanguages } from '../host/ocr/languages.ts';
import { startHost } from '../host/startup.ts';
import { HelpRequested, UsageError } from './args.ts';
import type { Io } from './ask.ts';

export const PROVIDERS_HELP = `  glimpse providers [--json] [--data-dir DIR]
              the configured providers, which have a key, Local OCR's languages, and local model servers found`;

export async function providers(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const v = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: false,
        options: {
          json: { type: 'boolean', default: false },
          'data-dir': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }).values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  if (v.help) throw new HelpRequested(`Usage:\n${PROVIDERS_HELP}`);
  const { host } = startHost({ shell: 'cli', door: null, dataDir: v['data-dir'] ?? null, env });
  try {
    const [list, servers] = [host.providers.list(), await scanLocalServers()];
    const rows = list.map((p) => {
      const entry = catalogEntry(p.catalogId);
      return {
        id: p.id,
        name: p.name,
        kind: p.catalogId,
        model: p.model,
        base_url: p.baseUrl,
        // Local OCR and local servers need no key: "not needed" rather than a missing key.
        key: entry.engine === 'local-ocr' || entry.userUrl ? (p.hasKey ? 'set' : 'not needed') : p.hasKey ? 'set' : 'missing',
      };
    });
    const languages = installedLanguages();
    if (v.json) {
      io.out(`${JSON.stringify({ providers: rows, ocr_languages: languages, local_servers: servers })}\n`, 'json');
      return 0;
    }
    io.out('Providers:\n');
    for (const r of rows) io.out(`  ${r.id.padEnd(22)} ${r.name} · ${r.model || '(no model)'} · key ${r.key}\n`);
    io.out(`Local OCR languages: ${languages.join(', ') || 'none installed'}\n`);
    io.out(servers.length ? 'Local model servers found:\n' : 'No local model server answered on 127.0.0.1 or ::1.\n');
    for (const s of servers) io.out(serverLine(s));
    return 0;
  } finally {
    host.close();
    await host.ocr.close();
  }
}

function serverLine(s: LocalServer): string {
  const models = s.models.map((m) => (m.vision ? `${m.id} (vision)` : m.id)).join(', ');
  return `  ${s.name} at ${s.baseUrl}: ${models || 'no models loaded'}\n`;
}
