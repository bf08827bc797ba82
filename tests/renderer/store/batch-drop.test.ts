/**
 * Dropped files in the Batch view's slice: the desktop app adds them by path (the preload's pathForFile), the
 * browser shell uploads them one at a time, stages them in as few calls as the host's limit allows, and lists the
 * files it could not upload by name.
 */
import { expect, it } from 'vitest';
import type { BridgeMethods } from '../../../shared/bridge/contract.ts';
import { MAX_STAGED, type StageBatchFilesInput } from '../../../shared/bridge/batch-files.ts';
import { BridgeError } from '../../../renderer/bridge/bridge-error.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { fakeBridge } from './fake-bridge.ts';

const file = (name: string, text = name) => new File([text], name, { type: 'image/png' });

it('adds dropped files by their paths on disk when the desktop preload knows them, and only then', () => {
  const paths = new Map<File, string>();
  const bridge = { ...fakeBridge(), pathForFile: (f: object) => paths.get(f as File) ?? null };
  const store = createAppStore(bridge);
  const a = file('scans');
  const b = file('b.png');
  paths.set(a, '/home/ana/scans');
  paths.set(b, '/home/ana/b.png');
  store.getState().setBatchDraft({ inputs: '/typed' });
  const got = store.getState().localPathsOf([a, b]);
  expect(got).toEqual(['/home/ana/scans', '/home/ana/b.png']);
  store.getState().addBatchInputs(got!);
  store.getState().addBatchInputs(['/home/ana/scans']);
  expect(store.getState().batchDraft.inputs).toBe('/typed\n/home/ana/scans\n/home/ana/b.png');
  // One file without a path (dragged from a browser page): the drop is uploaded instead.
  expect(store.getState().localPathsOf([a, file('from-the-web.png')])).toBeNull();
  // The browser shell has no pathForFile at all.
  expect(createAppStore(fakeBridge()).getState().localPathsOf([a])).toBeNull();
});

it('uploads dropped files, stages them under their paths in chunks, and names the ones refused', async () => {
  const stages: StageBatchFilesInput[] = [];
  let n = 0;
  const overrides: Partial<BridgeMethods> = {
    putAttachment: async (u) => {
      if (u.name.endsWith('.txt')) throw new BridgeError('bad-input', `“${u.name}” is not an image`);
      n++;
      return { id: String(n).padStart(64, '0'), name: u.name, mime: 'image/png', kind: 'image', size: 1, width: 1, height: 1 };
    },
    stageBatchFiles: async (input) => {
      stages.push(input);
      return { dir: `/data/batch-drops/${stages.length}`, files: input.files.length };
    },
  };
  const store = createAppStore(fakeBridge(overrides));
  const many = Array.from({ length: MAX_STAGED + 2 }, (_, i) => ({ file: file(`p${i}.png`), path: `scans/p${i}.png` }));
  await store.getState().uploadBatchFiles([...many, { file: file('notes.txt'), path: 'scans/notes.txt' }]);
  expect(stages.map((s) => s.files.length)).toEqual([MAX_STAGED, 2]);
  expect(stages[0]!.files[0]).toEqual({ attachmentId: '1'.padStart(64, '0'), path: 'scans/p0.png' });
  expect(store.getState().batchDraft.inputs).toBe('/data/batch-drops/1\n/data/batch-drops/2');
  expect(store.getState().batchDropProblems).toEqual([{ path: 'scans/notes.txt', reason: '“notes.txt” is not an image' }]);
  expect(store.getState().batchUpload).toBeNull();
});

it('Choose folder opens the system dialog in the desktop app and adds what was picked; the browser keeps its picker', async () => {
  const answers: (string | null)[] = ['/home/ana/Receipts', null];
  const titles: string[] = [];
  const desktop = createAppStore({
    ...fakeBridge({
      chooseFolder: async ({ title }) => {
        titles.push(title);
        return { path: answers.shift() ?? null };
      },
    }),
    pathForFile: () => null,
  });
  desktop.getState().setBatchDraft({ inputs: '/typed' });
  expect(await desktop.getState().chooseBatchFolder('Choose a folder for the batch')).toBe(true);
  // Cancelled: shown, nothing added, no error.
  expect(await desktop.getState().chooseBatchFolder('Choose a folder for the batch')).toBe(true);
  expect(desktop.getState().batchDraft.inputs).toBe('/typed\n/home/ana/Receipts');
  expect(desktop.getState().batchError).toBeNull();
  expect(titles).toEqual(['Choose a folder for the batch', 'Choose a folder for the batch']);

  let asked = false;
  const browser = createAppStore(
    fakeBridge({
      chooseFolder: async () => {
        asked = true;
        return { path: '/nowhere' };
      },
    }),
  );
  expect(await browser.getState().chooseBatchFolder('Choose a folder for the batch')).toBe(false);
  expect([asked, browser.getState().batchDraft.inputs]).toEqual([false, '']);
});
