/** What the picked provider and model accept, from the catalog (shared/providers/catalog.ts). */
import { catalogModel } from '../../shared/providers/catalog.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';

/** Whether the picked model takes a clip natively (`video_url`: Z.AI/BigModel GLM-4.5V). */
export function providerTakesVideo(s: { providers: ProviderView[]; providerId: string | null }): boolean {
  const p = s.providers.find((x) => x.id === s.providerId);
  if (!p) return false;
  return catalogModel(p.catalogId, p.model)?.video ?? false;
}
