import { useShallow } from 'zustand/react/shallow';
import { dialectsOf } from '../../../shared/params/dialect.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useStore } from '../../store/index.ts';

/** The chosen provider's parameter and thinking dialects, and its model: what the panel checks against. */
export function useDialect() {
  return useStore(
    useShallow((s) => {
      const p = s.providers.find((x) => x.id === s.providerId);
      const d = dialectsOf(catalogEntry(p?.catalogId ?? 'custom'), p ?? {});
      return { params: d.params, thinking: d.thinking, model: p?.model ?? '' };
    }),
  );
}
