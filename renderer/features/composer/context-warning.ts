/**
 * Whether an estimated prompt fits the model's context window. A 40-page PDF at the default budget is ~100k
 * visual tokens, past GLM-4.5V's 65,536: saying so before sending beats a context-length error after.
 */
export type ContextFit = { kind: 'fits' } | { kind: 'near' | 'over'; context: number };

/** `near` from 85% of the window: the answer needs room too. Unknown windows (custom servers) always fit. */
export function contextFit(promptTokens: number, context: number | null): ContextFit {
  if (!context) return { kind: 'fits' };
  if (promptTokens > context) return { kind: 'over', context };
  if (promptTokens > context * 0.85) return { kind: 'near', context };
  return { kind: 'fits' };
}
