/** What `glimpse ask` and `glimpse compare` share: picking a provider for a run, and storing the files sent. */
import { readFileSync } from 'node:fs';
import { readStdin } from './stdin.ts';
import { basename } from 'node:path';
import type { AttachmentRef } from '../../shared/bridge/chat.ts';
import { DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { CATALOG, catalogEntry } from '../../shared/providers/catalog.ts';
import { BadInputError } from '../host/bad-input.ts';
import type { Host } from '../host/host-services.ts';
import type { KeyStore } from '../host/key-store.ts';
import { attachPdfPages } from '../host/media/pdf-attach.ts';
import { originOf } from '../host/provider-store.ts';
import { UsageError } from './args.ts';

export interface ProviderChoice {
  provider: string | null;
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
}

export interface CliProvider {
  providerId: string;
  catalogId: string;
  name: string;
  model: string;
}

/** Checks a provider id from the command line; throws a usage error naming the valid ones. */
export function catalogIdOf(choice: Pick<ProviderChoice, 'provider' | 'baseUrl'>): string {
  const id = choice.provider ?? (choice.baseUrl ? 'custom' : 'zai');
  if (!CATALOG.some((e) => e.id === id))
    throw new UsageError(`Unknown provider “${id}”. Use one of: ${CATALOG.map((e) => e.id).join(', ')}.`);
  return id;
}

/**
 * Registers a provider for this run only (never saved): what the person configured in the app for it (seeded
 * under the catalog id) is the default, the command line's options win. `tag` keeps several apart in one run.
 */
export function addCliProvider(host: Host, keys: KeyStore, choice: ProviderChoice, tag = ''): CliProvider {
  const catalogId = catalogIdOf(choice);
  const entry = catalogEntry(catalogId);
  const stored = entry.userUrl ? null : host.providers.get(catalogId);
  const baseUrl = choice.baseUrl ?? stored?.baseUrl ?? entry.baseUrl;
  const model = choice.model ?? stored?.model ?? entry.models[0]?.id;
  if (!model) throw new UsageError('--model is required for a custom server (the id the server serves, e.g. glm-4.5v).');
  // The key saved for this provider was entered for its saved address: --base-url elsewhere needs --api-key.
  const savedKey = originOf(baseUrl) === originOf(stored?.baseUrl ?? entry.baseUrl) ? keys.get(catalogId) : null;
  const provider = host.providers.addTransient(
    { id: `cli-${catalogId}${tag}`, catalogId, name: entry.name, baseUrl, model, upstream: stored?.upstream ?? [] },
    choice.apiKey ?? savedKey,
  );
  return { providerId: provider.id, catalogId, name: entry.name, model };
}

export interface FileArgs {
  images: string[];
  pdfs: string[];
  pages: string | null;
  pdfPassword: string | null;
  pdfText: boolean;
  budget: number | null;
}

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new BadInputError(`Cannot read ${file}: no such file, or no permission.`);
  }
}

/** The context window of the model a run uses, from the catalog; null when unknown (a custom server). */
export function contextOf(p: Pick<CliProvider, 'catalogId' | 'model'>): number | null {
  return catalogEntry(p.catalogId).models.find((m) => m.id === p.model)?.contextTokens ?? null;
}

/**
 * Stores --image and --pdf files (PDF pages rendered host-side at the budget, each labelled "page N"). With
 * `contextTokens`, a PDF sent without --pages whose pages would not fit that window is refused up front.
 */
export async function collectAttachments(
  host: Host,
  args: FileArgs,
  contextTokens: number | null = null,
): Promise<AttachmentRef[]> {
  const attachments: AttachmentRef[] = [];
  for (const file of args.images) {
    // `--image -`: the image's bytes come on standard input; its type is read from them, like any file's.
    const bytes = file === '-' ? new Uint8Array(await readStdin()) : readInput(file);
    if (file === '-' && bytes.length === 0) throw new BadInputError('--image -: standard input held no image.');
    const info = await host.attachments.put({ name: file === '-' ? 'stdin' : basename(file), mime: '', bytes });
    if (info.kind !== 'image') throw new BadInputError(`${file} is a ${info.kind}, not an image.`);
    // Read despite damage: sent as far as it could be read, and the person should know.
    if (info.notice) process.stderr.write(`glimpse: ${info.notice}\n`);
    attachments.push({ id: info.id });
  }
  for (const file of args.pdfs) {
    const opts = {
      name: basename(file),
      pages: args.pages,
      password: args.pdfPassword,
      budget: args.budget ?? DEFAULT_BUDGET,
      withText: args.pdfText,
      contextTokens,
    };
    attachments.push(...(await attachPdfPages(host.attachments, readInput(file), opts)));
  }
  return attachments;
}
