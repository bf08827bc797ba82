/** The `glimpse` command: the app's engine, headless. */
import { isatty } from 'node:tty';
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe.ts';
import { SchemaTooNewError } from '../host/db.ts';
import { APP_VERSION } from '../host/version.ts';
import { ASK_HELP, HelpRequested, parseAsk, USAGE, UsageError } from './args.ts';
import { ask, type Io, type OutputKind } from './ask.ts';
import { tuneHeapForBatch } from './batch-heap.ts';
import { BATCH_USAGE } from './batch-usage-text.ts';
import { colourWanted, takeNoColor } from './colour.ts';
import { COMPARE_HELP, COMPARE_USAGE, parseCompare } from './compare-args.ts';
import { providers, PROVIDERS_HELP } from './providers.ts';
import { readStdinText } from './stdin.ts';
import { usage, USAGE_FULL_HELP, USAGE_HELP } from './usage.ts';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * Everything the CLI prints goes through here, terminal or not (a file can be `cat`ed later): controls in the text
 * are made visible, a JSON document is escaped instead; the CLI's own dimming is added after, so it alone styles,
 * and only where colour is wanted (colour.ts).
 */
function forTerminal(s: string, as: OutputKind | undefined, colour: boolean): string {
  if (as === 'json') return jsonTerminalSafe(s);
  const safe = terminalSafe(s, { keepCrlf: as === 'csv' });
  return as === 'dim' && colour ? `${DIM}${safe}${RESET}` : safe;
}

/** Each command's own help, for `glimpse COMMAND --help` and `glimpse help COMMAND`. */
const HELP: Record<string, () => string | Promise<string>> = {
  ask: () => ASK_HELP,
  compare: () => COMPARE_HELP,
  usage: () => USAGE_FULL_HELP,
  providers: () => PROVIDERS_HELP,
  // Loaded on demand, as the command itself is: batch's parser pulls in the presets and their schemas.
  batch: async () => (await import('./batch-args.ts')).BATCH_HELP,
};

/** The prompt of an ask or compare that reads it from standard input. */
async function withStdinPrompt<T extends { prompt: string; promptFromStdin: boolean }>(args: T): Promise<T> {
  if (!args.promptFromStdin) return args;
  const prompt = await readStdinText();
  if (!prompt) throw new UsageError('A prompt is required: standard input was empty.');
  return { ...args, prompt };
}

async function main(argvIn: string[]): Promise<number> {
  const { argv, noColor } = takeNoColor(argvIn);
  const [command, ...rest] = argv;
  const outColour = colourWanted({ isTty: Boolean(process.stdout.isTTY), env: process.env, noColorFlag: noColor });
  const errColour = colourWanted({ isTty: Boolean(process.stderr.isTTY), env: process.env, noColorFlag: noColor });
  const io: Io = {
    out: (s, as) => void process.stdout.write(forTerminal(s, as, outColour)),
    err: (s, as) => void process.stderr.write(forTerminal(s, as, errColour)),
    isTty: Boolean(process.stdout.isTTY),
    errIsTty: Boolean(process.stderr.isTTY),
  };
  // isatty(0), not process.stdin.isTTY: touching process.stdin opens a stream that can keep the process alive.
  const ctx = { stdinIsTty: isatty(0) };
  // Ctrl+C cancels the request: what arrived is kept and printed, and the exit status says it was interrupted.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  try {
    switch (command) {
      case 'ask':
        return await ask(await withStdinPrompt(parseAsk(rest, ctx)), io, process.env, interrupt.signal);
      case 'compare': {
        // Loaded with the command: its verdict (word diff, character error rate) is not needed by ask.
        const { compare } = await import('./compare.ts');
        return await compare(await withStdinPrompt(parseCompare(rest, ctx)), io, process.env, interrupt.signal);
      }
      case 'usage':
        return await usage(rest, io);
      case 'batch': {
        tuneHeapForBatch();
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
      case '-V':
      case '--version':
      case 'version':
        io.out(`glimpse ${APP_VERSION}\n`);
        return 0;
      case undefined:
        // No command is a usage error: said on stderr, so a script's stdout stays empty.
        io.err(`${USAGE}\n${COMPARE_USAGE}\n${USAGE_HELP}\n${BATCH_USAGE}\n${PROVIDERS_HELP}\n`);
        return 2;
      case '-h':
      case '--help':
      case 'help': {
        const topic = command === 'help' ? rest[0] : undefined;
        const help = topic === undefined ? undefined : HELP[topic];
        if (topic !== undefined && !help) throw new UsageError(`Unknown command “${topic}”.`);
        io.out(`${help ? await help() : `${ASK_HELP}\n${COMPARE_USAGE}\n${USAGE_HELP}\n${BATCH_USAGE}\n${PROVIDERS_HELP}`}\n`);
        return 0;
      }
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
