/** How the tally and the usage view write figures: money says "unknown" rather than pretending to be 0. */
import { useMemo } from 'react';
import type { UsageTotals } from '../../../shared/bridge/usage.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';

export const totalTokens = (t: UsageTotals) => t.prompt_tokens + t.completion_tokens;

/** The usage figures in the UI's language. */
export function useUsageFormat() {
  const f = useFigures();
  const { t } = useTranslation();
  const names = useNames();
  return useMemo(() => {
    const unknown = t('usage.unknown');
    const usd = (v: number | null): string => f.usd(v, unknown);
    return {
      usd,
      /** Tokens in a narrow figure: 9,999, 12.3k, 1.23M. */
      tokens: f.compact,
      int: f.tokens,
      seconds: (ms: number | null) => f.seconds(ms),
      /** The cost of a set of requests: known sum, or "unknown" when none of them has a known cost. */
      costOf: (x: UsageTotals): string => (x.requests > 0 && x.unknown_cost_requests === x.requests ? unknown : usd(x.cost_usd)),
      unknownPhrase: (n: number) => t('usage.unknownRequests', { count: n, n: f.tokens(n) }),
      /** A mode as the ledger stores it ("thinking", "fast"), in the UI's language. */
      mode: (m: string) => (m === 'thinking' ? t('usage.thinking') : m === 'fast' ? t('usage.fast') : m),
      /** A provider's name as stored, Local OCR's in the UI's language. */
      provider: names.provider,
    };
  }, [f, t, names]);
}
