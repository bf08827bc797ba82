/**
 * One chat request answered by Local OCR instead of a model: each image of the request is read by Tesseract in
 * the worker pool (a PDF page from its original at 300 dpi, or its own text layer when it has one, both taken in
 * the decode child), and the pages are published in order as they finish, as the same events a model's answer
 * makes: a start, deltas of Markdown with a box after each line, a usage of zero tokens, and an end whose result
 * costs exactly $0.
 */
import type { ChatRequest } from '../../../shared/bridge/chat.ts';
import { makeError, redactSecrets } from '../../../shared/engine/errors.ts';
import { emptyUsage, type ChatError, type ChatEvent, type ChatResult } from '../../../shared/engine/types.ts';
import { groundBoxes } from '../../../shared/grounding/parse-answer.ts';
import { anyLowConfidence, LOW_CONFIDENCE_NOTE, pageSection, type OcrPage } from '../../../shared/ocr/ocr-result.ts';
import { LOCAL_OCR } from '../../../shared/providers/catalog.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import { imageForOcr, pdfPageForOcr } from '../media/image-prep.ts';
import { parseLanguages } from './languages.ts';
import type { OcrPool } from './ocr-pool.ts';
import { recognizeImage, type OcrImage } from './recognize.ts';

/** Pages are drawn for OCR at this resolution, not at a model's token budget: Tesseract wants ~300 dpi. */
export const OCR_DPI = 300;

/** A page's text layer shorter than this (a page number, a stamp) does not count: the page is read by OCR. */
const MIN_TEXT_LAYER_CHARS = 16;

export interface OcrRequestOptions {
  req: ChatRequest;
  /** The language set, e.g. `eng+chi_sim` (Local OCR's "model"). */
  model: string;
  pool: OcrPool;
  attachments: AttachmentStore;
  signal: AbortSignal;
  onEvent: (e: ChatEvent) => void;
}

/** One image of the request to read: a stored image, or a page of a stored PDF. */
interface Job {
  image: number;
  label: string | null;
  name: string;
  attachmentId: string;
  pdf: { attachmentId: string; page: number } | null;
}

export async function runOcrRequest(o: OcrRequestOptions): Promise<ChatResult> {
  const startedAt = Date.now();
  let answer = '';
  let firstAt: number | null = null;
  const pages: OcrPage[] = [];
  const finish = (error: ChatError | null, languages: string): ChatResult => {
    const result: ChatResult = {
      answer,
      reasoning: '',
      boxes: groundBoxes(
        answer,
        pages.map((p) => ({ label: p.label })),
      ),
      usage: emptyUsage(),
      cost: { usd: 0, source: 'local' },
      estimate: { prompt_tokens: 0, usd: 0 },
      finish_reason: error ? null : 'stop',
      timings: { ttft_ms: firstAt === null ? null : firstAt - startedAt, total_ms: Date.now() - startedAt },
      error,
      ocr: { languages, pages },
    };
    o.onEvent({ type: 'usage', usage: emptyUsage() });
    o.onEvent({ type: 'end', result });
    return result;
  };
  let languages = o.model;
  o.onEvent({
    type: 'start',
    provider: LOCAL_OCR,
    model: o.model,
    thinking: false,
    startedAt,
    estimate: { prompt_tokens: 0, usd: 0 },
    price: { prompt: 0, completion: 0, cachedRead: 0, recorded: '2026-11-30' },
  });
  try {
    languages = parseLanguages(o.model);
    const jobs = jobsOf(o.req, o.attachments);
    const several = jobs.length > 1;
    const results: (OcrPage | undefined)[] = [];
    let shown = 0;
    const publish = () => {
      while (results[shown]) {
        const page = results[shown]!;
        pages.push(page);
        const delta = (answer ? '\n\n' : '') + pageSection(page, several);
        answer += delta;
        firstAt ??= Date.now();
        o.onEvent({ type: 'delta', content: delta });
        shown++;
      }
    };
    // One more job in flight than there are workers, so the next page is drawn while the others are read.
    let next = 0;
    const lanes = Math.min(jobs.length, o.pool.capacity + 1);
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < jobs.length && !o.signal.aborted) {
          const job = jobs[next++]!;
          results[job.image] = await readJob(job, languages, o);
          publish();
        }
      }),
    );
    if (o.signal.aborted) return finish(makeError('cancelled', 'Stopped.'), languages);
    if (anyLowConfidence(pages)) {
      const note = `\n\n${LOW_CONFIDENCE_NOTE}`;
      answer += note;
      o.onEvent({ type: 'delta', content: note });
    }
    return finish(null, languages);
  } catch (e) {
    if (o.signal.aborted) return finish(makeError('cancelled', 'Stopped.'), languages);
    const error =
      e instanceof BadInputError
        ? makeError('bad-input', e.text ?? e.message)
        : makeError('internal', `Local OCR failed: ${redactSecrets(e instanceof Error ? e.message : String(e))}`);
    return finish(error, languages);
  }
}

/** The images of the request, in the order a model would get them (a clip sent whole is not one). */
function jobsOf(req: ChatRequest, attachments: AttachmentStore): Job[] {
  const jobs: Job[] = [];
  for (const ref of req.attachments) {
    const info = attachments.info(ref.id);
    if (!info) throw new BadInputError(hostMessage('file.gone'));
    if (info.kind !== 'image') continue;
    const src = ref.source?.page ? attachments.info(ref.source.attachmentId) : null;
    jobs.push({
      image: jobs.length,
      label: ref.label ?? null,
      name: src?.name ?? info.name,
      attachmentId: info.id,
      pdf: src?.kind === 'pdf' && ref.source?.page ? { attachmentId: src.id, page: ref.source.page } : null,
    });
  }
  if (jobs.length === 0) throw new BadInputError(hostMessage('ocr.no-image'));
  return jobs;
}

async function readJob(job: Job, languages: string, o: OcrRequestOptions): Promise<OcrPage> {
  const where = { image: job.image, label: job.label };
  let image: OcrImage;
  if (job.pdf) {
    // Drawn in the decode child from the stored original, never on the host's main thread.
    const { attachmentId, page } = job.pdf;
    const got = await pdfPageForOcr({
      path: o.attachments.pathOf(attachmentId),
      page,
      dpi: OCR_DPI,
      minTextChars: MIN_TEXT_LAYER_CHARS,
      name: job.name,
    });
    if (got.text !== null) {
      return {
        ...where,
        label: job.label ?? `page ${page}`,
        source: 'text-layer',
        width: 0,
        height: 0,
        paragraphs: [],
        text: got.text,
      };
    }
    image = got;
  } else {
    image = await imageForOcr({ path: o.attachments.pathOf(job.attachmentId) }, job.name);
  }
  return o.pool.run(languages, (w) => recognizeImage(w, image, where));
}
