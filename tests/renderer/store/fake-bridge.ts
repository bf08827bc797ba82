/**
 * A bridge for store tests: records the calls the store makes, answers the few reads it needs with empty data,
 * and lets a test push host events. Any other method rejects loudly, so a test never passes by accident.
 */
import type { ChatRequest } from '../../../shared/bridge/chat.ts';
import { bridgeMethodNames, type BridgeMethods, type GlimpseBridge, type HostEvent } from '../../../shared/bridge/contract.ts';
import type { ProviderView } from '../../../shared/bridge/providers.ts';

export interface FakeBridge extends GlimpseBridge {
  started: ChatRequest[];
  cancelled: string[];
  emit(e: HostEvent): void;
}

export const provider = (id: string, name: string): ProviderView => ({
  id,
  catalogId: 'zai',
  name,
  baseUrl: 'http://127.0.0.1:1/v1',
  model: 'glm-4.5v',
  models: [],
  hasKey: true,
  upstream: [],
});

export function fakeBridge(overrides: Partial<BridgeMethods> = {}): FakeBridge {
  const listeners = new Set<(e: HostEvent) => void>();
  const started: ChatRequest[] = [];
  const cancelled: string[] = [];
  const unfaked = Object.fromEntries(
    bridgeMethodNames.map((n) => [n, () => Promise.reject(new Error(`${n} is not faked in this test`))]),
  );
  const defaults: Partial<BridgeMethods> = {
    listProviders: async () => [provider('p1', 'Z.AI')],
    listSessions: async () => [],
    getCompareInfo: async () => ({ groupOf: {}, preferred: {} }),
    async startChat(r) {
      started.push(r);
      return { requestId: r.requestId! };
    },
    async cancelChat(id) {
      cancelled.push(id);
    },
  };
  return {
    ...(unfaked as unknown as BridgeMethods),
    ...defaults,
    ...overrides,
    started,
    cancelled,
    emit: (e) => listeners.forEach((l) => l(e)),
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
