/**
 * The ledger's ChatObserver: sees every request of every shell (the app, the browser shell, `glimpse ask`) and
 * keeps one ledger row per attempt. While a request streams, estimated tokens are saved at most every
 * FLUSH_MS, so a kill mid-stream leaves a row that says roughly what was used.
 */
import { estimateTextTokens } from '../../../shared/engine/pricing.ts';
import type { ChatEvent } from '../../../shared/engine/types.ts';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { catalogEntry, catalogModel, type Price } from '../../../shared/providers/catalog.ts';
import type { ChatObserver, RequestMeta } from '../chat-service.ts';
import { FLUSH_MS, reportedWrite, type WriteReports } from '../observer-writes.ts';
import { Throttle } from '../throttle.ts';
import type { LedgerStore } from './ledger-store.ts';

interface Live {
  rowId: string;
  attempt: number;
  attemptStartedAt: number;
  price: Price | null;
  promptEstimate: number;
  answer: string;
  reasoning: string;
  usageReported: boolean;
  saves: Throttle;
}

export interface LedgerObserverDeps extends WriteReports {
  store: LedgerStore;
  provider: (id: string) => ProviderView | null;
}

/** The price a request is billed at: the one the engine announced on 'start' if it did, else the catalog's. */
function priceOf(meta: RequestMeta, event: Extract<ChatEvent, { type: 'start' }>): Price | null {
  if (event.price !== undefined) return event.price;
  return catalogModel(meta.catalogId, meta.model)?.price ?? null;
}

export class LedgerObserver implements ChatObserver {
  private readonly live = new Map<string, Live>();
  private readonly deps: LedgerObserverDeps;
  constructor(deps: LedgerObserverDeps) {
    this.deps = deps;
  }

  onEvent(meta: RequestMeta, event: ChatEvent): void {
    switch (event.type) {
      case 'start':
        this.onStart(meta, event);
        return;
      case 'delta': {
        const l = this.live.get(meta.requestId);
        if (!l) return;
        l.answer += event.content ?? '';
        l.reasoning += event.reasoning ?? '';
        l.saves.poke();
        return;
      }
      case 'usage': {
        const l = this.live.get(meta.requestId);
        if (l) l.usageReported = true;
        return;
      }
      case 'retry':
        this.onRetry(meta, event);
        return;
      case 'end': {
        const l = this.live.get(meta.requestId);
        if (!l) return;
        l.saves.cancel();
        this.live.delete(meta.requestId);
        this.write(meta.requestId, () => this.deps.store.finish(l.rowId, event.result, l.usageReported, Date.now()), true);
        return;
      }
    }
  }

  private onStart(meta: RequestMeta, event: Extract<ChatEvent, { type: 'start' }>): void {
    const price = priceOf(meta, event);
    const live: Live = {
      rowId: meta.requestId,
      attempt: 1,
      attemptStartedAt: event.startedAt,
      price,
      promptEstimate: event.estimate.prompt_tokens,
      answer: '',
      reasoning: '',
      usageReported: false,
      saves: new Throttle(this.deps.flushMs ?? FLUSH_MS, () => this.flush(meta.requestId)),
    };
    this.live.set(meta.requestId, live);
    this.insertRow(meta, live, event.thinking, event.estimate);
  }

  private insertRow(
    meta: RequestMeta,
    l: Live,
    thinking: boolean,
    estimate: { prompt_tokens: number; usd: number | null },
  ): void {
    const provider = this.deps.provider(meta.providerId);
    this.write(meta.requestId, () =>
      this.deps.store.start({
        id: l.rowId,
        requestId: meta.requestId,
        attempt: l.attempt,
        startedAt: l.attemptStartedAt,
        sessionId: meta.request.sessionId ?? null,
        providerId: meta.providerId,
        catalogId: meta.catalogId,
        provider: provider?.name ?? catalogEntry(meta.catalogId).name,
        upstream: provider?.upstream.length ? provider.upstream.join(',') : null,
        model: meta.model,
        mode: thinking ? 'thinking' : 'fast',
        compareGroup: meta.request.compareGroup ?? null,
        price: l.price,
        estimate,
        batchId: meta.batchId ?? null,
        params: meta.request.params ?? null,
        continues: meta.request.continues?.requestId ?? null,
      }),
    );
  }

  /** A retry closes the failed attempt's row and opens the next attempt's, so each attempt is its own row. */
  private onRetry(meta: RequestMeta, event: Extract<ChatEvent, { type: 'retry' }>): void {
    const l = this.live.get(meta.requestId);
    if (!l) return;
    l.saves.cancel();
    const now = Date.now();
    this.write(meta.requestId, () => this.deps.store.retried(l.rowId, event.error, l.attemptStartedAt, now, l.price));
    l.attempt += 1;
    l.rowId = `${meta.requestId}#${l.attempt}`;
    l.attemptStartedAt = now;
    l.answer = '';
    l.reasoning = '';
    l.usageReported = false;
    this.insertRow(meta, l, meta.request.thinking, { prompt_tokens: l.promptEstimate, usd: null });
  }

  private flush(requestId: string): void {
    const l = this.live.get(requestId);
    if (!l) return;
    const reasoning = estimateTextTokens(l.reasoning);
    this.write(requestId, () =>
      this.deps.store.progress(l.rowId, {
        prompt_tokens: l.promptEstimate,
        completion_tokens: estimateTextTokens(l.answer) + reasoning,
        reasoning_tokens: reasoning,
        cached_tokens: 0,
      }),
    );
  }

  private write(requestId: string, fn: () => void, final = false): void {
    reportedWrite(this.deps, requestId, fn, final);
  }
}
