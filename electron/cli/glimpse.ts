/** The `glimpse` command: the app's engine, headless. */
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe.ts';
import { SchemaTooNewError } from '../host/db.ts';
import { ASK_HELP, HelpRequested, parseAsk, USAGE, UsageError } from './args.ts';
import { ask, type Io, type OutputKind } from './ask.ts';
import { BATCH_USAGE } from './batch-usage-text.ts';
import { compare } from './compare.ts';
import { COMPARE_USAGE, parseCompare } from './compare-args.ts';
import { providers, PROVIDERS_HELP } from './providers.ts';
import { usage, USAGE_HELP } from './usage.ts';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * Everything the CLI prints goes through here, terminal or not (a file can be `cat`ed later): controls in the text
 * are made visible, a JSON document is escaped instead; the CLI's own dimming is added after, so it alone styles.
 */
function forTerminal(s: string, as?: OutputKind): string {
  if (as === 'json') return jsonTerminalSafe(s);
  const safe = terminalSafe(s, { keepCrlf: as === 'csv' });
  return as === 'dim' ? `${DIM}${safe}${RESET}` : safe;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io: Io = {
    out: (s, as) => void process.stdout.write(forTerminal(s, as)),
    err: (s, as) => void process.stderr.write(forTerminal(s, as)),
    isTty: Boolean(process.stdout.isTTY),
    errIsTty: Boolean(process.stderr.isTTY),
  };
  // Ctrl+C cancels the request: what arrived is kept and printed, and the exit status says it was interrupted.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  try {
    switch (command) {
      case 'ask':
        return await ask(parseAsk(rest), io, process.env, interrupt.signal);
      case 'compare':
        return await compare(parseCompare(rest), io, process.env, interrupt.signal);
      case 'usage':
        return await usage(rest, io);
      case 'batch': {
        // Two stages: the first Ctrl+C stops starting files (in flight finish), the second cancels those too.
        // This listener stays for the whole run, so a second Ctrl+C reaches it instead of killing the process.
        const cancel = new AbortController();
        process.on('SIGINT', () => {
          if (interrupt.signal.aborted) cancel.abort();
        });
        const batchIo = {
          ...io,
          raw: (s: string) => void process.stderr.write(s),
          stdinIsTty: Boolean(process.stdin.isTTY),
        };
        // Loaded on demand: ask and compare start without the batch code (Ajv, the presets' zod schema).
        const [{ batch }, { parseBatch }] = await Promise.all([import('./batch.ts'), import('./batch-args.ts')]);
        return await batch(parseBatch(rest), batchIo, process.env, { stop: interrupt.signal, cancel: cancel.signal });
      }
      case 'providers':
        return await providers(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${command ? ASK_HELP : USAGE}\n${COMPARE_USAGE}\n${USAGE_HELP}\n${BATCH_USAGE}\n${PROVIDERS_HELP}\n`);
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command “${command}”.`);
    }
  } catch (e) {
    if (e instanceof HelpRequested) {
      // compare's parser says which help it wants; ask's is the default.
      io.out(`${e.message || ASK_HELP}\n`);
      return 0;
    }
    if (e instanceof UsageError) {
      io.err(`glimpse: ${e.message}\n\n${USAGE}\n${COMPARE_USAGE}\n${BATCH_USAGE}\nRun \`glimpse --help\` for every option.\n`);
      return 2;
    }
    if (e instanceof SchemaTooNewError) {
      io.err(`glimpse: ${e.message}\n`);
      return 1;
    }
    io.err(`glimpse: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
