import { expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/store/index.ts';
import type { LocalOcrInfo } from '../../../shared/bridge/local-ocr.ts';
import { fakeBridge } from './fake-bridge.ts';

const english = { code: 'eng', name: 'English' };
const info = (guideDone: boolean): LocalOcrInfo => ({ languages: [english], workers: 1, guideDone });

it('a first run opens the guide; a later one does not', async () => {
  const first = createAppStore(fakeBridge({ getLocalOcrInfo: async () => info(false) }));
  await first.getState().loadGuide();
  expect(first.getState().guideOpen).toBe(true);
  const later = createAppStore(fakeBridge({ getLocalOcrInfo: async () => info(true) }));
  await later.getState().loadGuide();
  expect(later.getState().guideOpen).toBe(false);
});

it('the Guide button pressed while the startup read is on its way keeps the guide open', async () => {
  let answer: (v: LocalOcrInfo) => void = () => {};
  const bridge = fakeBridge({ getLocalOcrInfo: () => new Promise<LocalOcrInfo>((resolve) => (answer = resolve)) });
  const store = createAppStore(bridge);
  const loading = store.getState().loadGuide();
  store.getState().openGuide();
  answer(info(true));
  await loading;
  expect(store.getState().guideOpen).toBe(true);
  expect(store.getState().ocrLanguages).toEqual([english]);
});
