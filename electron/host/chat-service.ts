/**
 * Starts, tracks and cancels chat requests for every shell. Builds the model input from stored attachments
 * (each image sized to the request's token budget and labelled, see media/build-input.ts), estimates the prompt
 * before sending, and publishes events.
 */
import { randomUUID } from 'node:crypto';
import type { ChatRequest } from '../../shared/bridge/chat.ts';
import type { HostEvent } from '../../shared/bridge/contract.ts';
import { DeltaCoalescer } from '../../shared/engine/coalesce.ts';
import { makeError, redactSecrets } from '../../shared/engine/errors.ts';
import { buildRequestBody, type ChatMessage, type ContentPart } from '../../shared/engine/request-body.ts';
import type { ChatError, ChatEvent, ChatResult, Estimate } from '../../shared/engine/types.ts';
import { emptyFailedResult } from '../../shared/engine/result.ts';
import { DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { contextFit, estimatePrompt, overContextText } from '../../shared/media/estimate.ts';
import { catalogEntry, catalogModel } from '../../shared/providers/catalog.ts';
import type { AttachmentStore } from './attachment-store.ts';
import { BadInputError } from './bad-input.ts';
import { runChat } from './chat-runner.ts';
import { buildAttachmentParts } from './media/build-input.ts';
import type { PreparedImage } from './media/image-prep.ts';
import type { OcrPool } from './ocr/ocr-pool.ts';
import { runOcrRequest } from './ocr/ocr-request.ts';
import { ProviderClients } from './provider-clients.ts';
import type { ProviderStore } from './provider-store.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import type { ParamDialect } from '../../shared/params/catalog.ts';
import { checkParams } from '../../shared/params/check.ts';
import { dialectsOf } from '../../shared/params/dialect.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { hostMessage } from '../../shared/messages/messages.ts';
import { continueMessages } from '../../shared/engine/continued.ts';
import { CONTINUE_PROMPT, type ContinueMode, continueModeOf } from '../../shared/params/continuation.ts';

/** What an observer learns about the request an event belongs to. */
export interface RequestMeta {
  requestId: string;
  request: ChatRequest;
  providerId: string;
  catalogId: string;
  model: string;
  /** Set when the request is one file of a batch (issue #13): the ledger tags its rows with it. */
  batchId?: string | null;
}

/** How a caller that schedules its own requests (a batch) runs one. */
export interface RunOptions {
  /** Tags the ledger rows of this request. */
  batchId?: string | null;
  /** Retries of a failed attempt inside the request; a batch passes 0 and retries through its shared limiter. */
  maxRetries?: number;
  /**
   * Awaited once the input is built, just before it is sent: a batch waits here for its rate limiter, so the pace
   * it keeps is the pace the provider sees (decoding takes uneven time). False ends the request as cancelled.
   */
  beforeSend?: () => Promise<boolean>;
  /**
   * Images already prepared at the request's budget, by attachment id (a batch prepares each file as it stores
   * it): used as they are instead of a second trip to the decode child.
   */
  prepared?: ReadonlyMap<string, PreparedImage>;
  /**
   * Called just before the request's end reaches the observers: a batch opens the write group (write-group.ts) that
   * the ledger's closing write and the file's outcome then share.
   */
  beforeEnd?: () => void;
}

/**
 * Sees every event of every request, from every shell and the CLI, before it is published. The ledger and
 * session persistence hook in here, so the chat path does not grow a branch per concern.
 */
export interface ChatObserver {
  onEvent(meta: RequestMeta, event: ChatEvent): void;
}

export interface ChatServiceDeps {
  providers: ProviderStore;
  attachments: AttachmentStore;
  publish: (event: HostEvent) => void;
  observers?: ChatObserver[];
  fetch?: typeof fetch;
  idleTimeoutMs?: number;
  /** Overrides the answer size cap (chat-runner.ts DEFAULT_MAX_ANSWER_CHARS); tests use a small one. */
  maxAnswerChars?: number;
  /** The Local OCR workers; requests to a `local-ocr` provider run there instead of going to a server. */
  ocr: OcrPool;
  /** What an OpenRouter model lists as its parameters, when fetched (params/openrouter-params.ts). */
  openRouterParams?: (model: string) => readonly string[] | undefined;
}

export interface PreparedInput {
  messages: ChatMessage[];
  estimate: Estimate;
  /** Set for a Continue request: how this provider carries the partial answer on. */
  continueMode?: ContinueMode;
}

export class ChatService {
  private readonly running = new Map<string, AbortController>();
  /** Each started request's end: settled once its last event has reached the observers (the ledger row written). */
  private readonly ending = new Map<string, Promise<void>>();
  private readonly deps: ChatServiceDeps;
  /** One SDK client per provider, reused across its requests (provider-clients.ts). */
  private readonly clients: ProviderClients;
  constructor(deps: ChatServiceDeps) {
    this.deps = deps;
    this.clients = new ProviderClients({ fetch: deps.fetch });
  }

  /** A provider was saved or deleted: its client is not used again (the next request makes one for what it is now). */
  forgetProvider(providerId: string): void {
    this.clients.forget(providerId);
  }

  /** Turns a request into model messages; throws BadInputError when an attachment cannot be used. */
  async prepare(req: ChatRequest, prepared?: ReadonlyMap<string, PreparedImage>): Promise<PreparedInput> {
    const provider = this.deps.providers.get(req.providerId);
    if (!provider) throw new BadInputError(hostMessage('request.no-provider'));
    const model = req.model ?? provider.model;
    const modelTakesVideo = catalogModel(provider.catalogId, model)?.video ?? false;
    const built = await buildAttachmentParts(req.attachments, this.deps.attachments, {
      budget: req.budget ?? DEFAULT_BUDGET,
      modelTakesVideo,
      prepared,
    });
    const parts: ContentPart[] = built.parts;
    if (!req.prompt.trim() && parts.length === 0) throw new BadInputError(hostMessage('request.empty'));
    parts.push({ type: 'text', text: req.prompt });
    const history: ChatMessage[] = req.history.map((t) => ({ role: t.role, content: t.text }));
    let messages: ChatMessage[] = [...history, { role: 'user', content: parts.length === 1 ? req.prompt : parts }];
    // Counted from exactly what is sent: the sized images, the labels and text layers, the prompt and history.
    const texts = [req.prompt, ...req.history.map((t) => t.text), ...built.texts];
    let continueMode: ContinueMode | undefined;
    if (req.continues) {
      continueMode = continueModeOf(catalogEntry(provider.catalogId), provider);
      messages = continueMessages(messages, req.continues.answer, continueMode);
      texts.push(req.continues.answer, ...(continueMode === 'new-message' ? [CONTINUE_PROMPT] : []));
    }
    const price = this.deps.providers.priceFor(provider, model);
    return { messages, estimate: estimatePrompt({ images: built.images, texts }, price), continueMode };
  }

  /** Returns the request id at once; the request runs in the background and reports through `publish`. */
  async start(req: ChatRequest): Promise<{ requestId: string }> {
    const wanted = req.requestId;
    const requestId = wanted && /^[0-9a-f-]{36}$/i.test(wanted) && !this.running.has(wanted) ? wanted : randomUUID();
    const ctrl = new AbortController();
    this.running.set(requestId, ctrl);
    const coalescer = new DeltaCoalescer((event) => this.deps.publish({ channel: 'chat', requestId, event }));
    // `run` resolves with a result whatever happens; the catch is for a fault in emitting itself (a listener that
    // throws), which must end in a log line, not in an unhandled rejection that takes the process down.
    const ended = this.run(req, ctrl, (e) => coalescer.push(e), requestId)
      .catch((e: unknown) => console.error('glimpse: a chat request failed to report:', e instanceof Error ? e.message : e))
      .finally(() => {
        try {
          coalescer.flush();
        } catch (e) {
          console.error('glimpse: a chat event could not be delivered:', e instanceof Error ? e.message : e);
        }
        this.running.delete(requestId);
        this.ending.delete(requestId);
      });
    this.ending.set(
      requestId,
      ended.then(() => undefined),
    );
    return { requestId };
  }

  /** Runs a request to completion; used by `start` and directly by the CLI. */
  async run(
    req: ChatRequest,
    ctrl: AbortController,
    emit: (e: ChatEvent) => void,
    requestId: string = randomUUID(),
    opts: RunOptions = {},
  ): Promise<ChatResult> {
    let provider: ProviderView | null;
    try {
      provider = this.deps.providers.get(req.providerId);
    } catch (e) {
      // The data folder could not be read (a locked or broken database): the request ends, the process lives on.
      return endEarly(
        emit,
        { provider: 'custom', model: req.model ?? '', thinking: req.thinking },
        makeError(
          'internal',
          `Glimpse could not read its providers: ${redactSecrets(e instanceof Error ? e.message : String(e))}`,
        ),
      );
    }
    const entry = catalogEntry(provider?.catalogId ?? 'custom');
    const model = req.model ?? provider?.model ?? '';
    const meta: RequestMeta = {
      requestId,
      request: req,
      providerId: req.providerId,
      catalogId: entry.id,
      model,
      batchId: opts.batchId ?? null,
    };
    const onEvent = (e: ChatEvent) => {
      if (e.type === 'end' && opts.beforeEnd) {
        try {
          opts.beforeEnd();
        } catch (err) {
          // Only a grouping of writes failed to start: each write then commits on its own.
          console.error('glimpse: could not group the end writes:', err instanceof Error ? err.message : err);
        }
      }
      for (const o of this.deps.observers ?? []) {
        try {
          o.onEvent(meta, e);
        } catch (err) {
          // An observer failing (a full disk under the ledger) must not cost the person their answer.
          console.error('chat observer failed:', err instanceof Error ? err.message : err);
        }
      }
      emit(e);
    };
    if (provider && entry.engine === 'local-ocr') {
      return runOcrRequest({
        req,
        model,
        pool: this.deps.ocr,
        attachments: this.deps.attachments,
        signal: ctrl.signal,
        onEvent,
      });
    }
    const refuse = (error: ChatError, estimate?: Estimate): ChatResult =>
      endEarly(onEvent, { provider: entry.id, model, thinking: req.thinking }, error, estimate);
    let input: PreparedInput;
    try {
      input = await this.prepare(req, opts.prepared);
    } catch (e) {
      return refuse(
        e instanceof BadInputError
          ? makeError('bad-input', e.text ?? e.message)
          : makeError('internal', redactSecrets(e instanceof Error ? e.message : String(e))),
      );
    }
    // Over the model's window the provider can only refuse, after the whole upload: refuse here, before any byte.
    const fit = contextFit(input.estimate.prompt_tokens, entry.models.find((m) => m.id === model)?.contextTokens ?? null);
    if (fit.kind === 'over')
      return refuse(makeError('context-length', overContextText(input.estimate.prompt_tokens, fit.context)), input.estimate);
    const dialects = dialectsOf(entry, provider!);
    // Parameters the provider would reject (or silently drop) are refused here, naming the parameter.
    const problem = await paramsProblem(dialects.params, model, req.params, this.liveParams(dialects.params, model));
    if (problem) return refuse(makeError('bad-input', problem), input.estimate);
    if (opts.beforeSend && !(await opts.beforeSend())) return refuse(makeError('cancelled'), input.estimate);
    const apiKey = this.deps.providers.keyFor(provider!.id);
    return runChat({
      params: req.params,
      thinkingDialect: dialects.thinking,
      paramDialect: dialects.params,
      continueMode: input.continueMode,
      entry,
      baseUrl: provider!.baseUrl,
      apiKey,
      client: this.clients.for(provider!.id, { baseUrl: provider!.baseUrl, apiKey }),
      model,
      thinking: req.thinking,
      messages: input.messages,
      upstream: provider!.upstream,
      price: this.deps.providers.priceFor(provider!, model),
      estimate: input.estimate,
      idleTimeoutMs: this.deps.idleTimeoutMs,
      maxAnswerChars: this.deps.maxAnswerChars,
      maxRetries: opts.maxRetries,
      signal: ctrl.signal,
      fetch: this.deps.fetch,
      onEvent,
      // Boxes are assigned among the images sent (a clip sent as video is not one), by label ("page 3").
      images: req.attachments
        .filter((r) => this.deps.attachments.info(r.id)?.kind === 'image')
        .map((r) => ({ label: r.label ?? null })),
    });
  }

  /** OpenRouter's own list of what `model` takes, when known; other dialects go by the catalog alone. */
  private liveParams(dialect: ParamDialect, model: string): readonly string[] | undefined {
    return dialect === 'openrouter' ? this.deps.openRouterParams?.(model) : undefined;
  }

  /**
   * The request `run` would send, built the same way (same sized images, same dialect), and sent nowhere: for
   * "View code" and `glimpse ask --print-request`. The key is not part of it; `keyEnv` names where scripts read it.
   */
  async requestBody(req: ChatRequest): Promise<{ url: string; body: Record<string, unknown>; keyEnv: string }> {
    const provider = this.deps.providers.get(req.providerId);
    if (!provider) throw new BadInputError(hostMessage('request.no-provider'));
    const entry = catalogEntry(provider.catalogId);
    const model = req.model ?? provider.model;
    const dialects = dialectsOf(entry, provider);
    const problem = await paramsProblem(dialects.params, model, req.params, this.liveParams(dialects.params, model));
    if (problem) throw new BadInputError(problem);
    const input = await this.prepare(req);
    const body = buildRequestBody(entry, {
      model,
      thinking: req.thinking,
      messages: input.messages,
      upstream: provider.upstream,
      params: req.params,
      thinkingDialect: dialects.thinking,
      paramDialect: dialects.params,
      continueMode: input.continueMode,
    });
    return {
      url: `${provider.baseUrl.replace(/\/+$/, '')}/chat/completions`,
      body,
      keyEnv: entry.keyEnv[0] ?? 'GLIMPSE_API_KEY',
    };
  }

  cancel(requestId: string): void {
    this.running.get(requestId)?.abort();
  }

  /** Closing a window or stopping a shell cancels everything still running. */
  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }

  /**
   * Quitting: cancels everything still running and resolves once each request has ended and its observers have
   * stored it (the ledger row and the session's turn: status cancelled, the partial answer, the usage so far),
   * so the process can end without leaving the row to crash recovery at the next start. A request that does not
   * end within `timeoutMs` of its abort is left to that recovery: a quit must not hang on it.
   */
  async stopAll(timeoutMs = 5_000): Promise<void> {
    const ending = [...this.ending.values()];
    this.cancelAll();
    if (ending.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(ending), new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }
}

/**
 * The first reason a request's parameters cannot be sent, or null. A JSON schema is checked with ajv, loaded only
 * when a schema is given, in a worker with a deadline (see params/schema-guard.ts).
 */
export async function paramsProblem(
  dialect: ParamDialect,
  model: string,
  params?: SamplingParams,
  live?: readonly string[],
): Promise<string | null> {
  if (!params) return null;
  const problems = checkParams(dialect, model, params, live);
  if (problems.length > 0) return problems.map((p) => p.message).join(' ');
  if (params.response_format?.type === 'json_schema') {
    const { schemaGuard, problemText } = await import('./params/schema-guard.ts');
    const bad = await schemaGuard().problems(params.response_format.schema);
    if (bad.length > 0) return `The JSON schema is not valid JSON Schema: ${bad.map(problemText).join('; ')}.`;
  }
  return null;
}

/** Ends a request that never reached the provider: a start and an end event, so every observer sees it whole. */
function endEarly(
  send: (e: ChatEvent) => void,
  what: { provider: string; model: string; thinking: boolean },
  error: ChatError,
  estimate?: Estimate,
): ChatResult {
  const result = { ...emptyFailedResult(error), ...(estimate ? { estimate } : {}) };
  send({ type: 'start', ...what, startedAt: Date.now(), estimate: result.estimate });
  send({ type: 'end', result });
  return result;
}
