/**
 * Entry of the decode child process (started by decode-pool.ts): decodes images the host hands it, one request at
 * a time, and answers with the result or a refusal. A native decoder crashing here ends only this process.
 */
import { readFile } from 'node:fs/promises';
import { DecodeRefusal, prepare, prepareForOcr, probe } from './image-decode.ts';
import type { DecodeReply, DecodeRequest } from './decode-protocol.ts';
import { pdfPageForOcr } from './pdf-ocr-page.ts';
import { serveParent } from '../child-port.ts';

async function handle(req: DecodeRequest): Promise<DecodeReply> {
  try {
    if (req.op === 'pdf-page') return { id: req.id, ok: true, pdfPage: await pdfPageForOcr(req) };
    const bytes = 'path' in req ? new Uint8Array(await readFile(req.path)) : req.bytes;
    if (req.op === 'probe') return { id: req.id, ok: true, probed: await probe(bytes) };
    if (req.op === 'ocr') return { id: req.id, ok: true, ocr: await prepareForOcr(bytes) };
    return { id: req.id, ok: true, prepared: await prepare(bytes, req.budget) };
  } catch (e) {
    // A PDF's messages (damaged, encrypted, no such page) already name the file and say what is wrong.
    if (req.op === 'pdf-page') return { id: req.id, ok: false, refused: true, message: (e as Error)?.message ?? String(e) };
    const refused = e instanceof DecodeRefusal;
    return { id: req.id, ok: false, refused, message: refused ? e.message : `could not be read (${(e as Error)?.message ?? e})` };
  }
}

const reply = serveParent<DecodeRequest, DecodeReply>((req) => void handle(req).then((r) => reply(r)));
