/**
 * Standard input for `glimpse ask`: a prompt (`-`, or piped with no prompt given) or an image (`--image -`). It is
 * read once, whole, and kept: both readers may ask, but only one may use it (args.ts refuses the two at once).
 */
let bytes: Promise<Buffer> | null = null;

/** Everything on standard input, up to end of file. */
export function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  bytes ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks);
  })();
  return bytes;
}

/** The prompt on standard input, without the newline `echo` adds. */
export async function readStdinText(): Promise<string> {
  return (await readStdin()).toString('utf8').trim();
}
