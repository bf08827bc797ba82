import { useShallow } from 'zustand/react/shallow';
import { dialectsOf } from '../../../shared/params/dialect.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useStore } from '../../store/index.ts';

/**
 * The chosen provider's parameter and thinking dialects, its model, and (OpenRouter) the parameters that model
 * lists itself: what the panel checks against.
 */
export function useDialect() {
  return useStore(
    useShallow((s) => {
      const p = s.providers.find((x) => x.id === s.providerId);
      const d = dialectsOf(catalogEntry(p?.catalogId ?? 'custom'), p ?? {});
      const model = p?.model ?? '';
      return { params: d.params, thinking: d.thinking, model, live: p?.supportedParams?.[model] };
    }),
  );
}
