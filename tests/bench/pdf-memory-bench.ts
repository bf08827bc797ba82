/**
 * `npm run bench:pdf-memory`: peak memory of sending every page of a 500-page PDF from the command line's path
 * (electron/host/media/pdf-attach.ts: each page rendered at the default budget, encoded, stored, released),
 * measured as this process's max RSS. Goal: < 600 MB. Prints the figure and PASS/MISS; exits 0 either way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost } from '../../electron/host/host.ts';
import { FileKeyStore } from '../../electron/host/key-store.ts';
import { attachPdfPages } from '../../electron/host/media/pdf-attach.ts';
import { DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { makePdf } from '../fixtures/media/make-media.ts';

const PAGES = 500;
const GOAL_MB = 600;

const bytes = readFileSync(await makePdf(`bench-${PAGES}.pdf`, PAGES));
const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-pdf-memory-'));
const host = createHost({ dataDir, keys: new FileKeyStore(dataDir), shell: 'browser', env: {} });
try {
  const started = Date.now();
  const refs = await attachPdfPages(host.attachments, bytes, {
    name: 'bench.pdf',
    pages: 'all',
    password: null,
    budget: DEFAULT_BUDGET,
    withText: false,
  });
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `${refs.length} pages rendered and stored in ${((Date.now() - started) / 1000).toFixed(1)} s; peak RSS ${peakMb} MB (goal < ${GOAL_MB} MB): ${peakMb < GOAL_MB ? 'PASS' : 'MISS'}`,
  );
} finally {
  host.close();
  rmSync(dataDir, { recursive: true, force: true });
}
