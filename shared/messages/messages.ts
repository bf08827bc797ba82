/**
 * Message codes: every sentence Glimpse makes outside the window (engine errors, host refusals, compare verdicts,
 * store notices) is a stable code with its parameters. The window translates it by code (the zh-CN text lives in
 * renderer/i18n/locales/zh-CN.json under `msg`); the CLI, the logs and an unknown code read the English `message`,
 * which comes from this one table. Parameters are written `{{name}}` (i18next's syntax), and a code's parameter
 * names are read off its English template by the type system, so a call that forgets one does not compile.
 *
 * To add one: a line here, its translation in zh-CN.json (`npm run lint:i18n` fails without it), then
 * `hostMessage('code', { ...params })` where the text is made.
 */
export const MESSAGES_EN = {
  // What went wrong with a request, by kind (shared/engine/errors.ts).
  'error.auth': 'The provider refused the API key. Check it in Settings.',
  'error.rate-limit': 'The provider is rate-limiting requests. Wait a moment and try again.',
  'error.quota': 'The account has no balance or quota left with this provider.',
  'error.context-length': 'The request is too long for the model’s context window. Use fewer or smaller images.',
  'error.content-filter': 'The provider’s content filter refused this request.',
  'error.bad-request': 'The provider rejected the request.',
  'error.server': 'The provider had a server error. Try again shortly.',
  'error.network': 'Could not reach the provider. Check the base URL and your connection.',
  'error.timeout': 'The provider stopped sending data.',
  'error.protocol': 'The provider sent a response Glimpse could not read.',
  'error.cancelled': 'Stopped.',
  'error.bad-input': 'Glimpse could not use this input.',
  'error.too-long': 'The answer grew past the size Glimpse keeps; it was stopped there.',
  'error.internal': 'Glimpse failed while running this request.',
  'error.disk-full': 'The disk is full: nothing new could be saved. Free some space and try again.',
  // Finish reasons that mean the answer did not end normally.
  'finish.content-filter': 'The provider stopped the answer: its content filter flagged it.',
  'finish.context-window': 'The conversation no longer fits the model’s context window.',
  'finish.network-error': 'The provider reported a network error inside its own service.',
  // Images and files a person gave.
  'image.damaged': '“{{name}}” could not be read: the file is damaged or not an image.',
  'image.unreadable': '“{{name}}” {{reason}}.',
  'image.unreadable-unnamed': 'This image {{reason}}.',
  'image.damaged-sent': '“{{name}}” is damaged ({{reason}}); what could be read is sent.',
  'file.empty': '“{{name}}” is empty.',
  'file.unknown-kind':
    '“{{name}}” is not an image, PDF or video Glimpse can read (PNG, JPEG, WebP, GIF, BMP, HEIC, AVIF, PDF, MP4, WebM, MOV).',
  'file.not-pdf': '{{name}} is a {{kind}}, not a PDF.',
  'file.gone': 'An attachment is no longer stored; attach it again.',
  'file.pdf-pick-pages': '“{{name}}” is a PDF: pick its pages, which are sent as images.',
  // PDFs.
  'pdf.password-needed': '{{name}} is encrypted: give its password (--pdf-password).',
  'pdf.password-wrong': '{{name}} is encrypted and that password is wrong.',
  'pdf.damaged': '{{name}} is damaged or not a PDF: {{reason}}.',
  'pdf.unopenable': '{{name}} could not be opened: {{reason}}.',
  'pdf.wrong-password-retry': 'That password is wrong; try again.',
  'pdf.protected': '“{{name}}” is protected by a password.',
  'pdf.unreadable': '“{{name}}” is damaged or not a PDF, so it cannot be opened.',
  'pdf.unreadable-why': '“{{name}}” is damaged or not a PDF, so it cannot be opened ({{reason}}).',
  'pdf.page-failed': '{{name}}: page {{page}} could not be drawn ({{reason}}).',
  'pdf.over-context':
    "{{name}}: its {{pages}} pages come to about {{tokens}} tokens, past the model's {{context}}-token context. Pick pages with --pages: {{fit}} fit at this budget (e.g. --pages 1-{{fit}}), or lower --budget.",
  'pdf.over-context-none':
    "{{name}}: its {{pages}} pages come to about {{tokens}} tokens, past the model's {{context}}-token context. Not one page fits at this budget: lower --budget.",
  'pages.not-a-range': '“{{text}}” is not a page or a range like 2-5.',
  'pages.invalid-range': '“{{text}}” is not a valid range.',
  'pages.past-end': 'The document has {{count}} pages; “{{text}}” goes past it.',
  'pages.past-end-one': 'The document has 1 page; “{{text}}” goes past it.',
  // Requests the host refuses before sending.
  'request.no-provider': 'Pick a provider first.',
  'request.empty': 'Type a question or attach a file.',
  'request.over-context':
    "This request is about {{tokens}} tokens, past the model's {{context}}-token context, so it was not sent. Pick fewer pages or frames, or lower the tokens per image.",
  // Screen capture (Snip).
  'snip.failed': 'The screen could not be captured: {{reason}}',
  'snip.refused-mac':
    'Glimpse may not record the screen. Open System Settings › Privacy & Security › Screen & System Audio Recording, switch Glimpse on, then quit and reopen Glimpse.',
  'snip.refused-linux':
    'The screen could not be captured: the screen-sharing request was refused or no screen was chosen. Snip again and share the whole screen (on Wayland the desktop asks which screen to share).',
  'snip.refused':
    'The screen could not be captured. Check that no policy or security tool blocks screen capture for Glimpse, then snip again.',
  // Notices the window's store makes.
  'branch.gone': 'That exchange can no longer be rebuilt: its provider is gone.',
  'branch.delete-failed': 'Could not delete that exchange:',
  'lanes.provider-gone': 'Lane {{lane}}’s provider no longer exists: pick another in Lanes.',
  'branch.provider-replaced': 'That answer’s provider no longer exists; regenerated with the current one.',
  'branch.continue-gone': 'That answer cannot be continued: its provider no longer exists.',
  // What the window says while it gets a send ready, and why it cannot (renderer/model/media-refs.ts).
  // A clip this window cannot take frames from, or sampling that stopped (renderer/platform/frame-sampler.ts).
  'clip.no-picture': '“{{name}}” has no picture this window can decode (audio only, or an unsupported video codec).',
  'clip.cannot-decode':
    '“{{name}}” cannot be played in this window: its video could not be decoded. Convert it to H.264 MP4 or VP9 WebM (e.g. ffmpeg -i in.mov -c:v libx264 out.mp4).',
  'clip.unsupported':
    '“{{name}}” cannot be played in this window: its codec or container is not supported here. Convert it to H.264 MP4 or VP9 WebM (e.g. ffmpeg -i in.mov -c:v libx264 out.mp4).',
  'clip.frame-not-encoded': 'A frame could not be encoded.',
  'clip.sampling-stopped': 'Sampling stopped: {{reason}}',
  'send.pdf-locked': '“{{name}}” needs its password before it can be sent.',
  'send.pdf-no-pages': 'No pages of “{{name}}” are picked: pick some, or remove it.',
  'send.clip-sampling': 'Frames of “{{name}}” are still being sampled; send again in a moment.',
  'send.clip-no-frames': '“{{name}}” has no sampled frames yet: press Sample frames.',
  'send.rendering-page': 'Rendering page {{page}} of “{{name}}” ({{n}} of {{count}})…',
  // Compare verdict sentences (shared/compare/verdict.ts).
  'verdict.time-cost': '{{slow}} took {{time}} the time and {{cost}} the cost of {{fast}}.',
  'verdict.time-only': '{{slow}} took {{time}} the time (cost not comparable: unknown or zero) of {{fast}}.',
  'verdict.agree': '{{a}} and {{b}} agree.',
  'verdict.differ': '{{a}} and {{b}} differ ({{shared}}% of words shared).',
  'verdict.ocr': 'Character error rate of {{b}} against {{a}}: {{cer}}%.',
  'verdict.ocr-lines': 'Character error rate of {{b}} against {{a}}: {{cer}}%; line boxes overlap with IoU {{iou}}.',
  'verdict.boxes': 'Boxes overlap: IoU {{iou}} ({{matched}} matched).',
  'verdict.boxes-only-a': 'Boxes overlap: IoU {{iou}} ({{matched}} matched, {{onlyA}} only in {{a}}).',
  'verdict.boxes-only-b': 'Boxes overlap: IoU {{iou}} ({{matched}} matched, {{onlyB}} only in {{b}}).',
  'verdict.boxes-only-both':
    'Boxes overlap: IoU {{iou}} ({{matched}} matched, {{onlyA}} only in {{a}}, {{onlyB}} only in {{b}}).',
  // Sessions, the usage ledger, stored attachments and compare marks.
  'session.exchange-gone': 'That exchange is no longer in this session.',
  'session.gone': 'That session no longer exists.',
  'session.name-empty': 'A session needs a name.',
  'session.name-too-long': 'That name is too long (200 characters at most).',
  'ledger.not-a-date': '“{{text}}” is not a date: use YYYY-MM-DD.',
  'ledger.interrupted': 'Glimpse stopped before this request finished; tokens are estimated from what had arrived.',
  'ledger.range-reversed': 'The start date is after the end date.',
  'storage.latest-disk-full':
    'The disk is full: the latest request could not be saved. Everything saved before is intact; free some space and Glimpse records again.',
  'storage.latest-failed': 'The latest request could not be saved: {{reason}}',
  'attachment.gone': 'That attachment is no longer stored.',
  'attachment.unknown': 'Unknown attachment.',
  'compare.not-in-ledger': 'This compare is not in the ledger (yet): wait for its lanes to start.',
  'compare.lane-not-in-compare': 'That lane is not part of this compare.',
  // JSON Schema checks (electron/host/params): limits a schema must keep, and the checker's own failures.
  'schema.too-deep': 'The schema nests more than {{max}} levels deep; that is the most accepted.',
  'schema.too-big': 'The schema is {{kb}} KB; at most {{max}} KB is accepted.',
  'schema.not-object': 'A JSON schema must be an object.',
  'schema.too-slow':
    'Checking against this schema took longer than {{seconds}} s and was stopped; simplify the schema (deep $ref chains, costly patterns).',
  'schema.checker-no-start': 'The schema checker could not start.',
  'schema.too-much-memory':
    'Checking against this schema needed more than {{mb}} MB of memory and was stopped; simplify the schema (deep $ref chains, costly patterns).',
  'schema.checker-failed': 'The schema check failed: {{reason}}',
  'schema.checker-stopped': 'The schema check stopped before it finished.',
  'schema.no-answer': 'The schema check gave no answer.',
  'schema.answer-not-json': 'The answer is not JSON: {{reason}}',
  // Batch runs.
  'batch.out-unwritable': 'Cannot write to the output folder {{dir}} ({{reason}}). Nothing was sent.',
  'batch.schema-too-big': '{{name}} is refused: the schema is {{kb}} KB; at most {{max}} KB is accepted.',
  'batch.schema-too-deep': '{{name}} is refused: it nests more than {{max}} levels deep; that is the most accepted.',
  'batch.schema-not-json': '{{name}} is not JSON: {{reason}}',
  'batch.schema-not-object': '{{name}} is not a JSON Schema object.',
  'batch.schema-invalid': '{{name}} is not a valid JSON Schema: {{reason}}',
  'batch.no-batch-api':
    '{{provider}} has no OpenAI-style batch API Glimpse can use (docs/providers.md); run without --via batch-api.',
  'batch.file-too-big': 'The batch file is {{mb}} MB, over the 100 MB a provider takes: lower --budget, or split the folder.',
  'batch.too-many-files': 'More than {{max}} files: a provider batch takes at most that many.',
  'batch.unreadable': 'Cannot read {{path}} ({{reason}}).',
  'batch.not-an-image': '{{path}} is a {{kind}}, not an image.',
  'batch.no-such-id': 'No batch {{id}} in this data folder (`glimpse batch --list` shows them).',
  'batch.no-files': 'No files found in {{inputs}}.',
  'batch.provider-gone': "This batch's provider is no longer configured: plan the batch again with another.",
  'batch.cost-needs-price': 'A cost limit needs a price for {{model}}, and none is known: enter one in Settings.',
  'batch.no-such-batch': 'No such batch.',
  'batch.no-glob-match': 'No file matches {{input}}.',
  'batch.input-missing': '{{input}} does not exist.',
  'batch.drop-not-uploaded': '{{path}} was not uploaded (or is no longer stored): drop it again.',
  'batch.drop-outside': '{{path}} would land outside the staged folder.',
  'batch.no-such-file': 'No such file in this batch.',
  'batch.no-result': '{{name}} has no result yet.',
  'batch.result-unshowable': "{{name}}'s answer cannot be shown on its pictures: {{reason}}",
  // Page lists naming their PDF; OCR languages; native video.
  'pdf.pages-not-a-range': '{{name}}: “{{text}}” is not a page or a range like 2-5.',
  'pdf.pages-invalid-range': '{{name}}: “{{text}}” is not a valid range.',
  'pdf.pages-past-end': '{{name}}: The document has {{count}} pages; “{{text}}” goes past it.',
  'pdf.pages-past-end-one': '{{name}}: The document has 1 page; “{{text}}” goes past it.',
  'ocr.no-language': 'No OCR language was given. Installed: {{list}}. Combine them with +, e.g. eng+chi_sim.',
  'ocr.language-missing':
    'The OCR language “{{code}}” is not installed. Installed: {{list}}. Combine them with +, e.g. eng+chi_sim.',
  'ocr.no-image':
    'Local OCR reads text from images and PDF pages: attach one. To ask questions about an image, pick a provider with a language model.',
  'video.images-only': '“{{name}}”: This provider and model take images only; send sampled frames instead.',
  'video.container': '“{{name}}”: The provider takes MP4, MOV or MKV clips; send sampled frames instead.',
  'video.too-big': '“{{name}}”: The clip is {{mb}} MB; the provider takes at most 200 MB. Send sampled frames, or trim it.',
  // Test connection (electron/host/connection-test.ts).
  'conn.no-provider': 'No such provider.',
  'conn.timeout': '{{url}} did not answer within {{seconds}} s.',
  'conn.unreachable': 'Could not reach {{url}}. Check the base URL and that the server is running.',
  'conn.unreachable-code': 'Could not reach {{url}} ({{code}}). Check the base URL and that the server is running.',
  'conn.unreadable': 'The server’s answer could not be read; is the base URL an OpenAI-compatible API (it usually ends in /v1)?',
} as const;

export type MessageCode = keyof typeof MESSAGES_EN;

/** The `{{name}}`s of a template, as a union of names. */
type Names<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Names<Rest> : never;
export type MessageParams<C extends MessageCode> = { [K in Names<(typeof MESSAGES_EN)[C]>]: string | number };

/** A message as it crosses the bridge and is stored: the code, its parameters, and its English text. */
export interface HostMessage {
  code: MessageCode;
  params: Record<string, string | number>;
  message: string;
}

/** Fills `{{name}}` from params; a name without a value stays as written, so a slip shows rather than vanishes. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : all,
  );
}

/** Codes with no parameter take none; the others must be given every one their English names. */
type ParamArgs<C extends MessageCode> = Names<(typeof MESSAGES_EN)[C]> extends never ? [] : [MessageParams<C>];

export function hostMessage<C extends MessageCode>(code: C, ...args: ParamArgs<C>): HostMessage {
  const params: Record<string, string | number> = args[0] ?? {};
  return { code, params, message: interpolate(MESSAGES_EN[code], params) };
}

/** The English text of a code (what the CLI prints and logs record). */
export function englishText<C extends MessageCode>(code: C, ...args: ParamArgs<C>): string {
  return hostMessage(code, ...args).message;
}

export const isMessageCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(MESSAGES_EN, code);

/** A value read back from a store or the bridge, if it is a well-formed message (else null: old rows have none). */
export function asHostMessage(v: unknown): HostMessage | null {
  if (!v || typeof v !== 'object') return null;
  const m = v as Partial<HostMessage>;
  if (typeof m.code !== 'string' || typeof m.message !== 'string') return null;
  const params: Record<string, string | number> = {};
  if (m.params && typeof m.params === 'object')
    for (const [k, x] of Object.entries(m.params)) if (typeof x === 'string' || typeof x === 'number') params[k] = x;
  return { code: m.code as MessageCode, params, message: m.message };
}
