/** The one store, assembled from typed slices (zustand's slices pattern); middleware, if any, only here. */
import { create } from 'zustand';
import { createComposerSlice, type ComposerSlice } from './composer-slice.ts';
import { createConversationSlice, type ConversationSlice } from './conversation-slice.ts';
import { createProvidersSlice, type ProvidersSlice } from './providers-slice.ts';

export type State = ProvidersSlice & ComposerSlice & ConversationSlice;

export const useStore = create<State>()((...a) => ({
  ...createProvidersSlice(...a),
  ...createComposerSlice(...a),
  ...createConversationSlice(...a),
}));
