/**
 * The browser shell's process (`npm run serve`) stopped by Ctrl+C or SIGTERM in the middle of an answer: the
 * request is cancelled and its ledger row written (status cancelled, usage so far) before the process ends, not
 * left 'streaming' for crash recovery at the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCancelledRow } from '../../fixtures/cancelled-row.ts';
import { type FakeProvider, startFakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleServe, removeBundle, startServe } from '../../fixtures/serve-process.ts';

let root: string;
let bundle: string;
let fake: FakeProvider;
/** Called with each piece the fake provider writes (to send the signal mid-answer). */
let onPiece: (index: number) => void = () => {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'glimpse-serve-signal-'));
  bundle = await bundleServe('serve-signal');
  fake = await startFakeProvider(0, { onPiece: (e) => onPiece(e.index) });
});

afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
  removeBundle(bundle);
});

describe('browser shell: stopped mid-answer', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s stores the running request as cancelled before the process ends',
    async (signal) => {
      const dir = join(root, signal);
      const serve = await startServe(bundle, dir);
      try {
        const provider = await serve.call('saveProvider', {
          catalogId: 'zai',
          name: 'Slow',
          baseUrl: `${fake.url}/zai/slow`,
          model: 'glm-4.5v',
          apiKey: 'sk-serve-signal',
        });
        // The signal goes once the provider has written a few pieces: an answer is on its way, not finished.
        onPiece = (i) => i === 3 && serve.proc.kill(signal);
        const started = await serve.call('startChat', {
          providerId: provider.json.result?.id,
          thinking: false,
          prompt: 'Tell me slowly',
          attachments: [],
          history: [],
        });
        const id = started.json.result?.requestId ?? '';
        expect(await serve.exited).toBe(0);
        expectCancelledRow(join(dir, 'data', 'glimpse.db'), id);
        expect(serve.stderr()).not.toMatch(/Unhandled|TypeError/);
      } finally {
        onPiece = () => {};
        if (serve.proc.exitCode === null) serve.proc.kill('SIGKILL');
      }
    },
  );
});
