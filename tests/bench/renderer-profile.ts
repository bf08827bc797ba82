/**
 * Where a renderer or host spends its CPU time: a V8 CPU profile summarised as its functions with the most self
 * and inclusive time. `profileRendererRun` profiles one streamed answer in a second browser shell serving an
 * unminified renderer build (built into a temp dir; dist/ is untouched), so the names are readable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startShell } from '../e2e/harness.ts';
import { fms } from './bench-stats.ts';
import { pageProbe } from './page-probe.ts';

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * One answer from `providerUrl` (an OpenAI-compatible base URL), sent once its page is ready, with the renderer's
 * CPU profiled over CDP until the answer's turn has settled. The profile is saved to `savePath` (for DevTools:
 * Performance panel > Load profile); returns the summary lines.
 */
export async function profileRendererRun(opts: {
  browser: Browser;
  providerUrl: string;
  timeoutMs: number;
  savePath: string;
  what: string;
}): Promise<string[]> {
  const staticDir = mkdtempSync(join(tmpdir(), 'glimpse-bench-renderer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-bench-prof-'));
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { minify: false, outDir: staticDir, emptyOutDir: true } });
  const shell = await startShell(dataDir, {}, ['--static-dir', staticDir]);
  const page = await opts.browser.newPage({ viewport: { width: 1200, height: 820 } });
  try {
    await page.addInitScript(pageProbe);
    await page.goto(shell.launchUrl);
    await page.getByRole('combobox', { name: 'Provider' }).waitFor();
    const id = await page.evaluate(async (baseUrl) => {
      const r = await fetch('/api/call/saveProvider', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ arg: { catalogId: 'custom', name: 'Profiled', baseUrl, model: 'glm-4.5v' } }),
      });
      return ((await r.json()) as { result: { id: string } }).result.id;
    }, opts.providerUrl);
    await page.evaluate((id) => localStorage.setItem('glimpse.prefs', JSON.stringify({ providerId: id, thinking: false })), id);
    await page.reload();
    await page.waitForFunction(() => (window as any).__bench?.isReady());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.evaluate(() => (window as any).__bench.arm({ target: null, keepFrames: false, keepSse: false }));
    const started = Date.now();
    await page.getByRole('textbox', { name: 'Prompt' }).fill('Profiled');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.evaluate((t) => (window as any).__bench.result(t), opts.timeoutMs);
    const wall = Date.now() - started;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();
    writeFileSync(opts.savePath, JSON.stringify(profile));
    return [...summariseProfile(profile, wall, opts.what), `Profile saved to ${opts.savePath} (renderer built unminified).`];
  } finally {
    await page.close();
    const exited = new Promise((r) => shell.child.once('exit', r));
    shell.child.kill('SIGTERM');
    await exited;
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The functions with the most self and inclusive time in `p`, over `wallMs` of wall time. */
export function summariseProfile(p: CpuProfile, wallMs: number, what: string): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    const file = n.callFrame.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js');
    return `${name}${file ? ` (${file}:${n.callFrame.lineNumber + 1})` : ''}`;
  };
  const selfMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  let busy = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(p.samples[i])!;
    if (['(idle)', '(program)', '(root)'].includes(leaf.callFrame.functionName)) continue;
    busy += ms;
    selfMs.set(keyOf(leaf.id), (selfMs.get(keyOf(leaf.id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(id);
      if (k.startsWith('(root)') || seen.has(k)) continue;
      seen.add(k);
      totalMs.set(k, (totalMs.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${fms(ms).padStart(10)}  ${k}`);
  return [
    `CPU profile of ${what} (${fms(wallMs)} of wall time; JS busy ${fms(busy)}).`,
    'Top self time:',
    ...top(selfMs, 15),
    'Top inclusive time (time with the function on the stack):',
    ...top(totalMs, 25),
  ];
}
