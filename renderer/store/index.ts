/** The one store, assembled from typed slices (zustand's slices pattern); middleware, if any, only here. */
import { create } from 'zustand';
import { createCompareSlice, type CompareSlice } from './compare-slice.ts';
import { createComposerSlice, type ComposerSlice } from './composer-slice.ts';
import { createConversationSlice, type ConversationSlice } from './conversation-slice.ts';
import { createGroundingSlice, type GroundingSlice } from './grounding-slice.ts';
import { createProvidersSlice, type ProvidersSlice } from './providers-slice.ts';
import { createSessionsSlice, type SessionsSlice } from './sessions-slice.ts';
import { createUsageSlice, type UsageSlice } from './usage-slice.ts';

export type State = ProvidersSlice & ComposerSlice & ConversationSlice & SessionsSlice & UsageSlice & GroundingSlice & CompareSlice;

export const useStore = create<State>()((...a) => ({
  ...createProvidersSlice(...a),
  ...createComposerSlice(...a),
  ...createConversationSlice(...a),
  ...createSessionsSlice(...a),
  ...createUsageSlice(...a),
  ...createGroundingSlice(...a),
  ...createCompareSlice(...a),
}));
