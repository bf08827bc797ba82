/**
 * The price the picked provider and model are costed at: the host's price book (user-edited prices, issue #3)
 * when it answers, else the catalog's. Null means unknown, shown as such, never as $0.
 */
import { useEffect, useState } from 'react';
import { catalogModel, type Price } from '../../../shared/providers/catalog.ts';
import { bridge } from '../../bridge/bridge.ts';
import { useStore } from '../../store/index.ts';

export function usePrice(): Price | null {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId) ?? null);
  const catalogId = provider?.catalogId ?? null;
  const providerId = provider?.id ?? null;
  const model = provider?.model ?? null;
  const fallback = catalogId && model ? (catalogModel(catalogId, model)?.price ?? null) : null;
  const [fromHost, setFromHost] = useState<{ key: string; price: Price | null } | null>(null);
  const key = `${catalogId}|${providerId}|${model}`;
  useEffect(() => {
    if (!catalogId || !model) return;
    let live = true;
    bridge
      .listModels({ catalogId, providerId })
      .then((models) => live && setFromHost({ key, price: models.find((m) => m.id === model)?.price ?? null }))
      .catch(() => live && setFromHost(null));
    return () => {
      live = false;
    };
  }, [catalogId, providerId, model, key]);
  return fromHost?.key === key ? fromHost.price : fallback;
}
