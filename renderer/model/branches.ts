/**
 * The conversation as a tree (issue #10): regenerated answers and edited questions are siblings, sharing the
 * parent of the exchange they replace. The store keeps the shown path (`turns`) and the rest (`hiddenTurns`);
 * these pure functions move between branches and say where a turn stands among its siblings.
 */
import type { AttachmentRef, ChatRequest } from '../../shared/bridge/chat.ts';
import { lastContinuation } from './continuation.ts';
import { historyOf } from './history.ts';
import { pathTo } from './thread.ts';
import type { Turn } from './turn.ts';

const order = (a: Turn, b: Turn) => (a.createdAt ?? 0) - (b.createdAt ?? 0);

/** The alternatives to a turn (itself included), oldest first: same parent, not a compare lane. */
export function siblingsOf(all: readonly Turn[], turn: Turn): Turn[] {
  if (turn.compareGroup) return [turn];
  return all.filter((t) => t.parentId === turn.parentId && !t.compareGroup).sort(order);
}

/** The leaf reached from a turn by following its newest child at each step (what a flip to it shows). */
export function newestLeaf(all: readonly Turn[], from: Turn): Turn {
  let t = from;
  const seen = new Set<string>();
  for (;;) {
    seen.add(t.id);
    const kids = all.filter((x) => x.parentId === t.id && !seen.has(x.id)).sort(order);
    const next = kids.at(-1);
    if (!next) return t;
    t = next;
  }
}

/** Splits the whole tree into the path to `leafId` and everything else. */
export function showBranch(all: readonly Turn[], leafId: string | null): { turns: Turn[]; hiddenTurns: Turn[] } {
  const turns = pathTo(all, leafId);
  const shown = new Set(turns.map((t) => t.id));
  return { turns, hiddenTurns: all.filter((t) => !shown.has(t.id)) };
}

/** The newest turn of a tree: a reopened session shows the branch it ends. */
export function newestTurn(all: readonly Turn[]): Turn | null {
  return all.slice().sort(order).at(-1) ?? null;
}

/** The attachments a turn sent, to send again (regenerate, edit and resend). */
export function refsOf(turn: Turn): AttachmentRef[] {
  if (turn.request) return turn.request.attachments;
  return turn.images.flatMap((im) =>
    im.attachmentId ? [{ id: im.attachmentId, ...(im.label ? { label: im.label } : {}) }] : [],
  );
}

/** The shown turns before `turn` (its context when it is sent again). */
export function before(shown: readonly Turn[], turn: Turn): Turn[] {
  const i = shown.findIndex((t) => t.id === turn.id || (turn.compareGroup && t.compareGroup === turn.compareGroup));
  return i < 0 ? shown.slice() : shown.slice(0, i);
}

/** After deleting a turn: the turns that followed it follow its parent. */
export function withoutTurn(all: readonly Turn[], id: string): Turn[] {
  const gone = all.find((t) => t.id === id);
  if (!gone) return all.slice();
  return all.filter((t) => t.id !== id).map((t) => (t.parentId === id ? { ...t, parentId: gone.parentId } : t));
}

/**
 * The request a turn sends, for View code: the one this window sent, or, for a reopened session, rebuilt from what
 * was stored (same question, images, parameters and context; the provider found by name, else the chosen one).
 */
export function requestOf(
  turn: Turn,
  context: readonly Turn[],
  providers: readonly { id: string; name: string }[],
  fallbackProviderId: string | null,
  preferred: Readonly<Record<string, string>>,
): ChatRequest | null {
  if (turn.request) return turn.request;
  const providerId = providers.find((p) => p.name === turn.providerName)?.id ?? fallbackProviderId;
  if (!providerId) return null;
  const continues = lastContinuation(turn);
  return {
    providerId,
    model: turn.model,
    thinking: turn.thinking,
    prompt: turn.prompt,
    attachments: refsOf(turn),
    history: historyOf(context, preferred),
    ...(turn.params ? { params: turn.params } : {}),
    ...(continues ? { continues } : {}),
  };
}
