/**
 * The plan of a send, pure: what is sent, to which lanes, with which history, or why nothing is. A single ask is
 * a send with one lane; a compare is the same send with two to four lanes sharing one compare group.
 */
import { hostMessage } from '../../shared/messages/messages.ts';
import type { Notice } from './notice.ts';
import type { AttachmentRef, ChatRequest, HistoryTurn } from '../../shared/bridge/chat.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import { type LaneLabel, laneLabelParts, MIN_LANES } from '../../shared/compare/lanes.ts';
import { historyOf } from './history.ts';
import { isAllDefault } from '../../shared/params/check.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import type { LaneConfig } from './lanes.ts';
import { leafOf } from './thread.ts';
import { isRunning, sendingTurn, type Turn, type TurnImage } from './turn.ts';

/** What a send reads of the app's state. */
export interface SendState {
  providers: readonly ProviderView[];
  prompt: string;
  attachments: readonly { status: 'uploading' | 'ready'; info: unknown }[];
  /** The turns shown: their history is sent, and a running one holds the send back. */
  turns: readonly Turn[];
  comparePreferred: Readonly<Record<string, string>>;
  /** The composer's image budget, for lanes that follow it. */
  budget: number;
  /** The parameters panel: every lane starts from these (a lane may override some). */
  params?: SamplingParams;
  /** Values refused where they were typed (out of range, a schema that is not JSON Schema), by field. */
  paramErrors?: Readonly<Record<string, string>>;
}

/** Why nothing is sent. `notice` is what the composer says; null where the button already shows why. */
export interface SendRefusal {
  reason: 'no-provider' | 'too-few-lanes' | 'uploading' | 'empty' | 'running' | 'bad-params';
  notice: Notice | null;
}

export interface PlannedLane {
  providerId: string;
  providerName: string;
  model: string;
  thinking: boolean;
  budget: number;
  /** The lane's short name in a compare; null for a single ask. */
  laneLabel: LaneLabel | null;
  /** The panel's parameters with the lane's own on top. */
  params: SamplingParams;
}

export interface SendPlan {
  prompt: string;
  lanes: PlannedLane[];
  /** Whether the lanes are one compare (shown side by side, one group in the ledger). */
  compare: boolean;
  history: HistoryTurn[];
  /** The turn the new ones follow. */
  parentId: string | null;
  /** That turn's request id: the host links the stored exchanges the same way. */
  parentRequestId: string | null;
}

export type SendDecision = { ok: true; plan: SendPlan } | { ok: false; refusal: SendRefusal };

/** The guards of every send, in order, then the plan. Attachments are prepared only once this says yes. */
export function planSend(s: SendState, lanes: readonly LaneConfig[], opts: { compare: boolean }): SendDecision {
  const refuse = (reason: SendRefusal['reason'], notice: Notice | null = null): SendDecision => ({
    ok: false,
    refusal: { reason, notice },
  });
  const providers = lanes.map((l) => s.providers.find((p) => p.id === l.providerId));
  const missing = providers.findIndex((p) => !p);
  if (lanes.length === 0) return refuse('no-provider');
  if (missing >= 0) {
    // A lane set up earlier can point at a provider deleted since: say which, keep the prompt and files.
    return refuse('no-provider', opts.compare ? hostMessage('lanes.provider-gone', { lane: missing + 1 }) : null);
  }
  if (opts.compare && lanes.length < MIN_LANES) return refuse('too-few-lanes');
  if (s.attachments.some((a) => a.status === 'uploading')) return refuse('uploading');
  if (!s.prompt.trim() && !s.attachments.some((a) => a.status === 'ready' && a.info)) return refuse('empty');
  if (s.turns.some(isRunning)) return refuse('running');
  const paramError = Object.values(s.paramErrors ?? {})[0];
  // The view that refused the value worded the whole notice, in the window's language.
  if (paramError) return refuse('bad-params', paramError);
  const specs = lanes.map((l, i) => ({
    providerId: l.providerId,
    providerName: providers[i]!.name,
    model: l.model,
    thinking: l.thinking,
    budget: l.budget ?? undefined,
    params: withLaneParams(s.params ?? {}, l.params),
  }));
  const labels = opts.compare ? laneLabelParts(specs) : [];
  const parentId = leafOf(s.turns);
  return {
    ok: true,
    plan: {
      prompt: s.prompt,
      compare: opts.compare,
      lanes: specs.map((l, i) => ({ ...l, budget: l.budget ?? s.budget, laneLabel: labels[i] ?? null })),
      // Earlier turns are the context; failed ones with no answer add only their question; a compare counts once.
      history: historyOf(s.turns, s.comparePreferred),
      parentId,
      parentRequestId: s.turns.find((t) => t.id === parentId)?.requestId ?? null,
    },
  };
}

/** Ids a send needs, made by the caller (random in the app, fixed in tests). */
export interface SendIds {
  turnId(): string;
  requestId(): string;
  compareGroup(): string;
}

/** The turns shown as the send goes out and the request of each, lane by lane, from the plan and the media. */
export function startTurns(
  plan: SendPlan,
  media: { refs: AttachmentRef[]; images: TurnImage[] },
  ids: SendIds,
  sessionId: string,
): { turns: Turn[]; requests: ChatRequest[] } {
  const compareGroup = plan.compare ? ids.compareGroup() : undefined;
  const turns = plan.lanes.map((l) =>
    sendingTurn({
      id: ids.turnId(),
      parentId: plan.parentId,
      // Ours, up front: events can arrive before startChat resolves, and must find their turn.
      requestId: ids.requestId(),
      prompt: plan.prompt,
      images: media.images,
      providerName: l.providerName,
      model: l.model,
      thinking: l.thinking,
      ...(compareGroup ? { compareGroup, laneLabel: l.laneLabel ?? undefined } : {}),
      ...(isAllDefault(l.params) ? {} : { params: l.params }),
      createdAt: Date.now(),
    }),
  );
  const requests = plan.lanes.map(
    (l, i): ChatRequest => ({
      requestId: turns[i].requestId!,
      providerId: l.providerId,
      model: l.model,
      thinking: l.thinking,
      prompt: plan.prompt,
      attachments: media.refs,
      history: plan.history,
      budget: l.budget,
      // The host stores the exchange in this session (creating it on its first message).
      sessionId,
      ...(compareGroup ? { compareGroup } : {}),
      ...(isAllDefault(l.params) ? {} : { params: l.params }),
      ...(plan.parentRequestId ? { parentRequestId: plan.parentRequestId } : {}),
    }),
  );
  turns.forEach((t, i) => {
    t.request = requests[i];
  });
  return { turns, requests };
}

/** A lane's parameters over the panel's: a lane key set to undefined goes back to the provider default. */
export function withLaneParams(panel: SamplingParams, lane?: SamplingParams): SamplingParams {
  const out: SamplingParams = { ...panel, ...(lane ?? {}) };
  for (const k of Object.keys(out) as (keyof SamplingParams)[]) if (out[k] === undefined) delete out[k];
  return out;
}
