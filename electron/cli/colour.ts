/**
 * Whether the CLI may style its output with terminal escapes, by the conventions scripts rely on: --no-color and
 * NO_COLOR (any non-empty value, https://no-color.org) turn styling off; FORCE_COLOR (any value but 0 or false)
 * turns it on even into a pipe; otherwise only a terminal gets it.
 */
export function colourWanted(opts: { isTty: boolean; env: NodeJS.ProcessEnv; noColorFlag: boolean }): boolean {
  if (opts.noColorFlag) return false;
  if (opts.env.NO_COLOR) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return opts.isTty;
}

/** argv without the global --no-color flag (any place before `--`), and whether it was there. */
export function takeNoColor(argv: string[]): { argv: string[]; noColor: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  const kept = head.filter((a) => a !== '--no-color');
  return { argv: [...kept, ...tail], noColor: kept.length !== head.length };
}
