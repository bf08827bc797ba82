/** The window asks the host to warm a Local OCR worker when Local OCR is picked and when a file is attached to it. */
import { describe, expect, it, vi } from 'vitest';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { fakeBridge, provider } from './fake-bridge.ts';

const ocr: ProviderView = { ...provider('ocr', 'Local OCR'), catalogId: 'local-ocr', model: 'eng+chi_sim', hasKey: false };

function setup() {
  const warmed: string[] = [];
  const bridge = fakeBridge({
    listProviders: async () => [provider('p1', 'Z.AI'), ocr],
    warmLocalOcr: async (langs) => {
      warmed.push(langs);
    },
    putAttachment: async (u) =>
      ({ id: `id-${u.name}`, name: u.name, mime: u.mime, size: u.bytes.byteLength, kind: 'image' }) as never,
  });
  const store = createAppStore(bridge);
  return { store, warmed };
}

describe('warming Local OCR', () => {
  it('warms when Local OCR is picked and when a file is attached, never for another provider', async () => {
    const { store, warmed } = setup();
    await store.getState().loadProviders();
    expect(store.getState().providerId).toBe('p1');
    await store.getState().addFiles([new File([new Uint8Array([1])], 'a.png', { type: 'image/png' })]);
    expect(warmed).toEqual([]);
    store.getState().selectProvider('ocr');
    await vi.waitFor(() => expect(warmed).toEqual(['eng+chi_sim']));
    await store.getState().addFiles([new File([new Uint8Array([1])], 'b.png', { type: 'image/png' })]);
    await vi.waitFor(() => expect(warmed).toEqual(['eng+chi_sim', 'eng+chi_sim']));
    store.getState().selectProvider('p1');
    await store.getState().addFiles([new File([new Uint8Array([1])], 'c.png', { type: 'image/png' })]);
    await Promise.resolve();
    expect(warmed).toHaveLength(2);
  });
});
