/**
 * The models and prices of one provider scope, loaded from the host's price book. Kept local to Settings: nothing
 * else in the app needs the table, and the provider list is refreshed after a change so pickers see new models.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ModelInfo, ModelScope, PriceInputFields } from '../../../shared/bridge/models.ts';
import { bridge } from '../../bridge/bridge.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
import { useStore } from '../../store/index.ts';

export interface ModelsState {
  models: ModelInfo[];
  /** The last failed change or load, in words; null when all went well. */
  error: string | null;
  setPrice(model: string, price: PriceInputFields | null): Promise<boolean>;
  add(model: string): Promise<boolean>;
  remove(model: string): Promise<boolean>;
}

export function useModels(scope: ModelScope | null): ModelsState {
  const reloadProviders = useStore((s) => s.loadProviders);
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const catalogId = scope?.catalogId ?? null;
  const providerId = scope?.providerId ?? null;

  useEffect(() => {
    if (!catalogId) return;
    let live = true;
    bridge
      .listModels({ catalogId, providerId })
      .then((m) => live && setModels(m))
      .catch((e) => live && setError(hostText(failureText(e))));
    return () => {
      live = false;
    };
  }, [catalogId, providerId]);

  const change = useCallback(
    async (call: () => Promise<ModelInfo[]>) => {
      try {
        setModels(await call());
        setError(null);
        void reloadProviders();
        return true;
      } catch (e) {
        setError(hostText(failureText(e)));
        return false;
      }
    },
    [reloadProviders],
  );

  const at = { catalogId: catalogId ?? '', providerId };
  return {
    models,
    error,
    setPrice: (model, price) => change(() => bridge.setModelPrice({ ...at, model, price })),
    add: (model) => change(() => bridge.addModel({ ...at, model })),
    remove: (model) => change(() => bridge.removeModel({ ...at, model })),
  };
}
