/**
 * The one store, assembled from typed slices (zustand's slices pattern) around the bridge it is given;
 * middleware, if any, only here. The app creates it once at start-up (renderer/main.tsx) and hands it to React
 * through store-context.tsx; tests create their own with a fake bridge.
 */
import { createStore } from 'zustand/vanilla';
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import { createBatchSlice } from './batch-slice.ts';
import { createBranchSlice } from './branch-slice.ts';
import { createCompareSlice } from './compare-slice.ts';
import { createComposerSlice } from './composer-slice.ts';
import { createConversationSlice } from './conversation-slice.ts';
import { memoryStorage, safeStorage, type KeyValueStorage, type StoreDeps } from './deps.ts';
import { createGroundingSlice } from './grounding-slice.ts';
import { createLocalOcrSlice } from './local-ocr-slice.ts';
import { warmLocalOcrWhenPicked } from './ocr-warm.ts';
import { createParamsSlice } from './params-slice.ts';
import { createProvidersSlice } from './providers-slice.ts';
import { createSessionsSlice } from './sessions-slice.ts';
import { createUsageSlice } from './usage-slice.ts';

import type { AppStore, State } from './state.ts';

export type { AppStore, State } from './state.ts';

export { useStore, useStoreApi } from './store-context.tsx';

export function createAppStore(bridge: GlimpseBridge, opts: { storage?: KeyValueStorage } = {}): AppStore {
  const storage = safeStorage(opts.storage ?? (typeof localStorage !== 'undefined' ? localStorage : memoryStorage()));
  const deps: StoreDeps = { bridge, storage };
  const store = createStore<State>()((...a) => ({
    ...createProvidersSlice(deps)(...a),
    ...createComposerSlice(deps)(...a),
    ...createConversationSlice(deps)(...a),
    ...createSessionsSlice(deps)(...a),
    ...createUsageSlice(deps)(...a),
    ...createGroundingSlice(...a),
    ...createCompareSlice(deps)(...a),
    ...createLocalOcrSlice(deps)(...a),
    ...createParamsSlice(deps)(...a),
    ...createBranchSlice(deps)(...a),
    ...createBatchSlice(deps)(...a),
  }));
  warmLocalOcrWhenPicked(store, bridge);
  return store;
}
