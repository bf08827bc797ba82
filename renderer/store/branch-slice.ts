/**
 * Branches of the conversation (issue #10): regenerate an answer, edit a question and send it again, continue an
 * answer cut off at its limit, delete a turn, and flip between siblings. The shown path stays in `turns` (so
 * streaming, compare and grounding work on it as before); the rest of the tree waits in `hiddenTurns`.
 */
import type { StateCreator } from 'zustand';
import { hostMessage } from '../../shared/messages/messages.ts';
import { BridgeError } from '../bridge/bridge-error.ts';
import { originalSettings } from '../model/turn-settings.ts';
import { before, newestLeaf, newestTurn, refsOf, requestOf, showBranch, withoutTurn } from '../model/branches.ts';
import { startContinuation } from '../model/continuation.ts';
import { failureMessage, failureText, turnErrorOf } from '../model/failure.ts';
import { historyOf } from '../model/history.ts';
import { type SendPlan, startTurns } from '../model/send-plan.ts';
import { joinNotices } from '../model/notice.ts';
import { leafOf } from '../model/thread.ts';
import { isRunning, type Turn } from '../model/turn.ts';
import type { StoreDeps } from './deps.ts';
import { launchTurns, sendIds } from './send-action.ts';
import type { BranchSlice, State } from './state.ts';

export const createBranchSlice =
  ({ bridge }: StoreDeps): StateCreator<State, [], [], BranchSlice> =>
  (set, get) => {
    const all = () => [...get().turns, ...get().hiddenTurns];

    /**
     * Sends `prompt` (with `base`'s images) after `context`. Settings: `original` sends what `base` was sent with
     * (its provider, model, thinking and parameters: regenerate is the same request again, as in OpenAI's and
     * Anthropic's consoles); otherwise the toolbar's provider and the panel's parameters.
     */
    async function resend(base: Turn | null, prompt: string, context: Turn[], original = false): Promise<void> {
      const s = get();
      if (s.turns.some(isRunning)) return;
      const kept = original && base ? originalSettings(base, s.providers) : null;
      // Its provider was deleted since: the current one answers, and the person is told.
      if (original && base && !kept) set({ notice: hostMessage('branch.provider-replaced') });
      const provider = kept?.provider ?? s.providers.find((p) => p.id === s.providerId);
      if (!provider) {
        set({ notice: hostMessage('request.no-provider') });
        return;
      }
      const parentId = leafOf(context);
      const parent = context.find((t) => t.id === parentId) ?? null;
      const plan: SendPlan = {
        prompt,
        compare: false,
        lanes: [
          {
            providerId: provider.id,
            providerName: provider.name,
            model: kept?.model ?? provider.model,
            thinking: kept?.thinking ?? s.thinking,
            budget: base?.request?.budget ?? s.budget,
            laneLabel: null,
            params: kept ? kept.params : s.params,
          },
        ],
        history: historyOf(context, s.comparePreferred),
        parentId,
        parentRequestId: parent?.requestId ?? null,
      };
      const media = base ? { refs: refsOf(base), images: base.images } : { refs: [], images: [] };
      const { turns, requests } = startTurns(plan, media, sendIds, s.sessionId);
      set(showBranch([...all(), ...turns], turns[0]!.id));
      await launchTurns(bridge, set, turns, requests);
    }

    const find = (id: string) => all().find((t) => t.id === id);

    /** Continue: the same answer grows (its own request, sent the way the turn was; see model/continuation.ts). */
    async function continueTurn(turnId: string): Promise<void> {
      const s = get();
      const t = s.turns.find((x) => x.id === turnId);
      if (!t?.requestId || s.turns.some(isRunning)) return;
      const provider = originalSettings(t, s.providers)?.provider;
      const base = provider && requestOf(t, before(s.turns, t), s.providers, provider.id, s.comparePreferred);
      if (!provider || !base) {
        set({ notice: hostMessage('branch.continue-gone') });
        return;
      }
      const { request, turn } = startContinuation(t, { ...base, sessionId: s.sessionId }, provider, sendIds.requestId());
      const swap = (x: Turn) => (st: State) => ({ turns: st.turns.map((y) => (y.id === turnId ? x : y)) });
      set(swap(turn));
      try {
        await bridge.startChat(request);
      } catch (e) {
        // Refused before it started: the answer keeps its text, and says why.
        const { continuing: _, ...rest } = get().turns.find((x) => x.id === turnId) ?? turn;
        set(swap({ ...rest, status: 'error', error: turnErrorOf(e) }));
      }
    }

    return {
      hiddenTurns: [],
      async requestCode(turnId) {
        const s = get();
        const t = find(turnId);
        const req = t && requestOf(t, before(s.turns, t), s.providers, s.providerId, s.comparePreferred);
        if (!req) {
          const gone = hostMessage('branch.gone');
          throw new BridgeError('bad-input', gone.message, gone);
        }
        return bridge.requestCode(req);
      },
      async validateAnswer(turnId) {
        const t = find(turnId);
        const f = t?.params?.response_format;
        if (!t || f?.type !== 'json_schema') return null;
        return bridge.validateAnswer({ schema: f.schema, answer: t.answer });
      },
      showTree(turns) {
        set(showBranch(turns, newestTurn(turns)?.id ?? null));
      },
      flipTo(turnId) {
        const t = find(turnId);
        if (!t || get().turns.some(isRunning)) return;
        set(showBranch(all(), newestLeaf(all(), t).id));
      },
      async regenerate(turnId, opts) {
        const t = find(turnId);
        if (t) await resend(t, t.prompt, before(get().turns, t), !opts?.current);
      },
      async editAndResend(turnId, prompt) {
        const t = find(turnId);
        if (t && (prompt.trim() || t.images.length > 0)) await resend(t, prompt, before(get().turns, t));
      },
      async continueAnswer(turnId) {
        await continueTurn(turnId);
      },
      async deleteTurn(turnId) {
        const t = find(turnId);
        if (!t || isRunning(t)) return;
        try {
          if (t.requestId) await bridge.deleteTurn({ sessionId: get().sessionId, requestId: t.requestId });
        } catch (e) {
          // A turn never stored (refused before it reached the host) has nothing to delete there.
          const message = failureMessage(e);
          if (!/no longer in this session/.test(message)) {
            set({ notice: joinNotices(hostMessage('branch.delete-failed'), failureText(e)) });
            return;
          }
        }
        const shown = get().turns;
        const leaf = leafOf(shown);
        const rest = withoutTurn(all(), turnId);
        // Deleting the last shown turn shows its parent's branch; otherwise the same branch, one turn shorter.
        const nextLeaf = leaf === turnId ? (t.parentId ?? null) : leaf;
        set(
          showBranch(rest, nextLeaf ? newestLeaf(rest, rest.find((x) => x.id === nextLeaf)!).id : (newestTurn(rest)?.id ?? null)),
        );
        void get().loadSessions();
      },
    };
  };
