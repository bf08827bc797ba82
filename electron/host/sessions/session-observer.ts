/**
 * Session persistence as a ChatObserver: a request that carries a `sessionId` is stored as an exchange when it
 * starts, its partial answer is saved at most every FLUSH_MS while it streams, less often once it is long (so a
 * kill mid-stream leaves what had arrived), and the final answer, reasoning, boxes and result when it ends.
 */
import type { ChatEvent } from '../../../shared/engine/types.ts';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';
import type { ChatObserver, RequestMeta } from '../chat-service.ts';
import { FLUSH_MS, progressInterval, reportedWrite, type WriteReports } from '../observer-writes.ts';
import { Throttle } from '../throttle.ts';
import type { ContinuingAnswer, SessionStore } from './session-store.ts';
import { joinContinued } from '../../../shared/engine/continued.ts';
import { groundBoxes } from '../../../shared/grounding/parse-answer.ts';
import { type ContinueMode, continueModeOf } from '../../../shared/params/continuation.ts';

interface Live {
  answer: string;
  reasoning: string;
  saves: Throttle;
  /** Continue: the exchange whose answer this request extends, what it held, and how it is being extended. */
  extends?: { requestId: string; base: ContinuingAnswer; mode: ContinueMode };
}

export interface SessionObserverDeps extends WriteReports {
  store: SessionStore;
  provider: (id: string) => ProviderView | null;
}

export class SessionObserver implements ChatObserver {
  private readonly live = new Map<string, Live>();
  private readonly deps: SessionObserverDeps;
  constructor(deps: SessionObserverDeps) {
    this.deps = deps;
  }

  onEvent(meta: RequestMeta, event: ChatEvent): void {
    const sessionId = meta.request.sessionId;
    if (!sessionId) return;
    const id = meta.requestId;
    switch (event.type) {
      case 'start': {
        const base = this.deps.flushMs ?? FLUSH_MS;
        const live: Live = {
          answer: '',
          reasoning: '',
          // Spaced by the answer's length: each save rewrites all of it (observer-writes.ts).
          saves: new Throttle(
            () => progressInterval(base, (live.extends?.base.answer.length ?? 0) + live.answer.length + live.reasoning.length),
            () => this.flush(id),
          ),
        };
        this.live.set(id, live);
        const r = meta.request;
        if (r.continues) {
          // The exchange exists already: its answer grows in place, no new exchange is stored.
          const target = r.continues.requestId;
          this.write(id, () => {
            const base = this.deps.store.beginContinuation(sessionId, target);
            const provider = this.deps.provider(meta.providerId);
            const mode = continueModeOf(catalogEntry(meta.catalogId), provider ?? {});
            if (base) live.extends = { requestId: target, base, mode };
          });
          return;
        }
        this.write(id, () =>
          this.deps.store.beginTurn({
            sessionId,
            requestId: id,
            prompt: r.prompt,
            attachments: r.attachments.map((a) => ({ id: a.id, label: a.label ?? null, source: a.source })),
            providerName: this.deps.provider(meta.providerId)?.name ?? catalogEntry(meta.catalogId).name,
            model: meta.model,
            thinking: event.thinking,
            at: event.startedAt,
            parentRequestId: r.parentRequestId ?? null,
            params: r.params ?? null,
          }),
        );
        return;
      }
      case 'delta': {
        const l = this.live.get(id);
        if (!l) return;
        l.answer += event.content ?? '';
        l.reasoning += event.reasoning ?? '';
        l.saves.poke();
        return;
      }
      case 'retry': {
        // The engine retries only before any output, so there is nothing partial to drop.
        return;
      }
      case 'usage':
        return;
      case 'end': {
        const l = this.live.get(id);
        l?.saves.cancel();
        this.live.delete(id);
        if (meta.request.continues) {
          const x = l?.extends;
          if (!x) return;
          // The boxes are parsed over the joined text: a box token may straddle the place where the answer was cut.
          const joined = x.base.answer + event.result.answer;
          const result = joinContinued(x.base, event.result, { requestId: id, mode: x.mode }, groundBoxes(joined, x.base.images));
          this.write(id, () => this.deps.store.finishTurn(x.requestId, result, Date.now()), true);
          return;
        }
        this.write(id, () => this.deps.store.finishTurn(id, event.result, Date.now()), true);
        return;
      }
    }
  }

  private flush(id: string): void {
    const l = this.live.get(id);
    if (!l) return;
    const x = l.extends;
    if (x)
      this.write(id, () => this.deps.store.saveProgress(x.requestId, x.base.answer + l.answer, x.base.reasoning + l.reasoning));
    else this.write(id, () => this.deps.store.saveProgress(id, l.answer, l.reasoning));
  }

  private write(requestId: string, fn: () => void, final = false): void {
    reportedWrite(this.deps, requestId, fn, final);
  }
}
