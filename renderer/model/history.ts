/** The context sent with the next request, from the turns shown. */
import type { HistoryTurn } from '../../shared/bridge/chat.ts';
import type { Turn } from './turn.ts';

/**
 * Earlier turns as user/assistant messages. A compare asked one question with several answers; the model sees
 * it once, answered by the lane the person marked better, else by the first lane that answered. A failed turn
 * with no answer adds only its question.
 */
export function historyOf(turns: readonly Turn[], preferred: Readonly<Record<string, string>>): HistoryTurn[] {
  const out: HistoryTurn[] = [];
  const seen = new Set<string>();
  for (const t of turns) {
    let answer = t.answer;
    if (t.compareGroup) {
      if (seen.has(t.compareGroup)) continue;
      seen.add(t.compareGroup);
      const lanes = turns.filter((x) => x.compareGroup === t.compareGroup);
      const pick =
        lanes.find((x) => x.requestId === preferred[t.compareGroup!] && x.answer) ?? lanes.find((x) => x.answer && !x.error);
      answer = pick?.answer ?? '';
    }
    if (t.prompt) out.push({ role: 'user', text: t.prompt });
    if (answer) out.push({ role: 'assistant', text: answer });
  }
  return out;
}
