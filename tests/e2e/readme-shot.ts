/**
 * The README's pictures are taken by real e2e runs, but `npm test` must never rewrite tracked files: a picture
 * goes to test-results/screenshots always, and to docs/ only under `npm run screenshots` (GLIMPSE_README_SHOTS=1).
 */
import type { Page } from '@playwright/test';

export async function readmeShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}` });
  if (process.env.GLIMPSE_README_SHOTS === '1') await page.screenshot({ path: `docs/${name}` });
}
