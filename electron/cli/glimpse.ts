/** The `glimpse` command: the app's engine, headless. */
import { SchemaTooNewError } from '../host/db.ts';
import { parseAsk, USAGE, UsageError } from './args.ts';
import { ask } from './ask.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s), isTty: Boolean(process.stdout.isTTY) };
  try {
    switch (command) {
      case 'ask':
        return await ask(parseAsk(rest), io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command “${command}”.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`glimpse: ${e.message}\n\n${USAGE}\n`);
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
