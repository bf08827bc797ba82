/**
 * `npm run bench:batch`: `glimpse batch` (the built CLI, as a person runs it) against the fake batch provider
 * with 200 ms latency and a limit of 20 requests/s enforced with 429s.
 *   1. 2,000 generated images: wall time against the ideal (2,000 / 20 = 100 s), whole run and request phase;
 *      goal <= 1.10x.
 *   2. Peak memory at 200 files and at 2,000: growth < 100 MB. Counted as a person sees it: the whole process
 *      tree (the CLI and its decode child, sampled from /proc every 100 ms), with each process's own peak and the
 *      CLI's V8 heap at the end beside it, so the growth can be told apart (heap sizing, native memory, the child).
 *   3. SIGKILL at half way, then the same command again: files requested twice <= --concurrency, and no finished
 *      file lost.
 * Prints PASS/MISS per goal and exits 0 either way: it is a benchmark.
 *
 * `--against DIR` (a built checkout of another commit, e.g. a worktree of main) runs steps 1-2 for that checkout's
 * CLI and this one's in turn, `--rounds N` times (base, this, base, this...), on the same images and the same fake
 * provider, and prints the two side by side: on a shared machine only such alternating pairs compare fairly.
 * `--no-kill` leaves out step 3.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { startFakeBatchProvider } from '../fixtures/fake-batch-provider.ts';

const FILES = 2000;
const SMALL = 200;
const RATE = 20;
const LATENCY = 200;
const CONCURRENCY = 16;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? null) : null;
};
const AGAINST = flag('--against');
const ROUNDS = Math.max(1, Number(flag('--rounds') ?? 1));
const KILL = !argv.includes('--no-kill');

async function makeImages(dir: string, n: number, from = 0): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < from + n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, from + n - i) }, (_, k) => {
        const j = i + k;
        // Each image differs (its colour and size), so each has its own content hash, as real scans do.
        return sharp({
          create: {
            width: 64 + (j % 97),
            height: 48 + (j % 53),
            channels: 3,
            background: { r: j % 256, g: (j >> 8) % 256, b: 128 },
          },
        })
          .png()
          .toFile(join(dir, `scan-${String(j).padStart(5, '0')}.png`));
      }),
    );
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  firstStartMs: number | null;
  lastEndMs: number | null;
  peakRssMb: number | null;
  /** The CLI's memory at the end, from its summary (MB). */
  memoryMb: Record<string, number> | null;
  /** Peak of the summed RSS of the CLI and all its descendants, sampled (MB); null without /proc. */
  treePeakMb: number | null;
  /** Each descendant's own peak RSS (VmHWM, MB): the decode children. */
  childPeaksMb: number[];
  ends: number;
}

const kb = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);

/** Samples the RSS of `pid` and its descendants from /proc (Linux): the peak sum and each process's own peak. */
function treeSampler(pid: number) {
  const hwm = new Map<number, number>();
  let peak = 0;
  const sample = () => {
    const children = new Map<number, number[]>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
      } catch {
        // Gone between the listing and the read.
      }
    }
    let sum = 0;
    const todo = [pid];
    while (todo.length) {
      const p = todo.pop() as number;
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        sum += kb(status, 'VmRSS');
        hwm.set(p, Math.max(hwm.get(p) ?? 0, kb(status, 'VmHWM')));
      } catch {
        // Exited.
      }
      todo.push(...(children.get(p) ?? []));
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        treePeakMb: Math.round(peak / 1024),
        childPeaksMb: [...hwm].filter(([p]) => p !== pid).map(([, v]) => Math.round(v / 1024)),
      };
    },
  };
}

/** Runs the CLI with --json; `killAfter` SIGKILLs it once that many files have ended. */
function runCli(args: string[], dataDir: string, killAfter: number | null = null, cliDir = '.'): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(cliDir, 'bin/glimpse.js'), 'batch', ...args], {
      env: { PATH: process.env.PATH, HOME: dataDir, GLIMPSE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = {
      code: null,
      signal: null,
      wallMs: 0,
      firstStartMs: null,
      lastEndMs: null,
      peakRssMb: null,
      memoryMb: null,
      treePeakMb: null,
      childPeaksMb: [],
      ends: 0,
    };
    const sampler = existsSync('/proc/self/status') && child.pid ? treeSampler(child.pid) : null;
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
        if (!line.startsWith('{')) continue;
        const e = JSON.parse(line) as { type: string; peak_rss_mb?: number; memory_mb?: Record<string, number> };
        if (e.type === 'file-start') run.firstStartMs ??= performance.now() - t0;
        if (e.type === 'file-end') {
          run.ends++;
          run.lastEndMs = performance.now() - t0;
          if (killAfter !== null && run.ends === killAfter) child.kill('SIGKILL');
        }
        if (e.type === 'summary') {
          run.peakRssMb = e.peak_rss_mb ?? null;
          run.memoryMb = e.memory_mb ?? null;
        }
      }
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code, signal) => {
      if (sampler) Object.assign(run, sampler.stop());
      run.code = code;
      run.signal = signal;
      run.wallMs = performance.now() - t0;
      if (code !== 0 && signal !== 'SIGKILL') console.error(err.slice(-2000));
      resolve(run);
    });
  });
}

interface Figures {
  small: Run;
  big: Run;
  whole: number;
  phase: number;
}

/** The alternating runs of `--against`, as one table: each figure per run, base beside this. */
function sideBySide(figures: Record<string, Figures[]>): void {
  const rows: [string, (f: Figures) => number | null | undefined][] = [
    ['tree peak RSS growth 200->2,000 (MB)', (f) => (f.big.treePeakMb ?? 0) - (f.small.treePeakMb ?? 0)],
    ['tree peak RSS at 200 (MB)', (f) => f.small.treePeakMb],
    ['tree peak RSS at 2,000 (MB)', (f) => f.big.treePeakMb],
    ['CLI peak RSS at 200 (MB)', (f) => f.small.peakRssMb],
    ['CLI peak RSS at 2,000 (MB)', (f) => f.big.peakRssMb],
    ['child peak RSS at 200 (MB)', (f) => Math.max(0, ...f.small.childPeaksMb)],
    ['child peak RSS at 2,000 (MB)', (f) => Math.max(0, ...f.big.childPeaksMb)],
    ['heap used/sized at 200 end (MB)', (f) => f.small.memoryMb?.heap_used],
    ['  sized', (f) => f.small.memoryMb?.heap_total],
    ['heap used/sized at 2,000 end (MB)', (f) => f.big.memoryMb?.heap_used],
    ['  sized', (f) => f.big.memoryMb?.heap_total],
    ['wall / ideal, whole run', (f) => Number(f.whole.toFixed(3))],
  ];
  const cell = (fs: Figures[] | undefined, get: (f: Figures) => number | null | undefined) =>
    (fs ?? []).map((f) => String(get(f) ?? '-')).join(' / ');
  console.log('\n   side by side (each run in order):');
  console.log(`   ${''.padEnd(38)}${'base'.padEnd(26)}this`);
  for (const [name, get] of rows)
    console.log(`   ${name.padEnd(38)}${cell(figures.base, get).padEnd(26)}${cell(figures.this, get)}`);
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'glimpse-batch-bench-'));
  try {
    const big = join(root, 'scans');
    const small = join(root, 'scans-200');
    console.log(`Generating ${FILES} images...`);
    await makeImages(big, FILES);
    await makeImages(small, SMALL);
    const fake = await startFakeBatchProvider({ latencyMs: LATENCY, ratePerS: RATE });
    const common = (input: string, out: string) => [
      '--in',
      input,
      '--prompt',
      'Transcribe this scan.',
      '--out',
      out,
      '--provider',
      'custom',
      '--base-url',
      fake.url,
      '--model',
      'glm-4.5v',
      '--api-key',
      'bench-key',
      '--thinking',
      'off',
      '--concurrency',
      String(CONCURRENCY),
      '--yes',
      '--json',
    ];

    console.log(
      `\n1-2. ${SMALL} files, then ${FILES} files, ${LATENCY} ms latency, ${RATE} requests/s limit, concurrency ${CONCURRENCY}`,
    );
    /** Steps 1-2 for the CLI in `cliDir`: 200 files, then 2,000, each on a fresh data and out folder. */
    const measure = async (cliDir: string, n: number): Promise<Figures> => {
      const a = await runCli(common(small, join(root, `out-200-${n}`)), join(root, `data-200-${n}`), null, cliDir);
      const before = { ...fake.stats };
      const b = await runCli(common(big, join(root, `out-2000-${n}`)), join(root, `data-2000-${n}`), null, cliDir);
      const ideal = (FILES / RATE) * 1000;
      const whole = b.wallMs / ideal;
      const phase = ((b.lastEndMs ?? 0) - (b.firstStartMs ?? 0)) / ideal;
      const limited = fake.stats.limited - before.limited;
      const outputs = readdirSync(join(root, `out-2000-${n}`)).filter((f) => f.endsWith('.md')).length;
      console.log(`   200 files: ${(a.wallMs / 1000).toFixed(1)} s, peak RSS ${a.peakRssMb} MB (exit ${a.code})`);
      console.log(
        `   2,000 files: ${(b.wallMs / 1000).toFixed(1)} s (exit ${b.code}), ${outputs} outputs, ${limited} answered 429`,
      );
      console.log(
        `   wall / ideal (${ideal / 1000} s): whole run ${whole.toFixed(3)}x, first request to last answer ${phase.toFixed(3)}x   goal <= 1.10x  ${verdict(whole <= 1.1)}`,
      );
      const heap = (r: Run) =>
        r.memoryMb
          ? `heap ${r.memoryMb.heap_used}/${r.memoryMb.heap_total} MB used/sized, external ${r.memoryMb.external} MB, array buffers ${r.memoryMb.array_buffers} MB`
          : 'no memory figures';
      const cliGrowth = (b.peakRssMb ?? 0) - (a.peakRssMb ?? 0);
      console.log(
        `   CLI peak RSS: ${a.peakRssMb} MB at 200 -> ${b.peakRssMb} MB at 2,000: growth ${cliGrowth} MB (at the end: 200: ${heap(a)}; 2,000: ${heap(b)})`,
      );
      console.log(
        `   decode child peak RSS: ${a.childPeaksMb.join(', ') || '-'} MB at 200 -> ${b.childPeaksMb.join(', ') || '-'} MB at 2,000`,
      );
      if (a.treePeakMb !== null && b.treePeakMb !== null) {
        const growth = b.treePeakMb - a.treePeakMb;
        console.log(
          `   whole process tree peak RSS: ${a.treePeakMb} MB at 200 -> ${b.treePeakMb} MB at 2,000: growth ${growth} MB   goal < 100 MB  ${verdict(growth < 100)}`,
        );
      } else {
        console.log(`   (no /proc: the CLI's own peak only)   goal < 100 MB  ${verdict(cliGrowth < 100)}`);
      }
      rmSync(join(root, `out-2000-${n}`), { recursive: true, force: true });
      return { small: a, big: b, whole, phase };
    };
    const trees = AGAINST
      ? [
          { label: 'base', dir: resolve(AGAINST) },
          { label: 'this', dir: '.' },
        ]
      : [{ label: 'this', dir: '.' }];
    const figures: Record<string, Figures[]> = {};
    let n = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const t of trees) {
        if (AGAINST) console.log(`\n   [${t.label}, round ${round + 1}: ${t.dir}]`);
        const f = await measure(t.dir, n++);
        (figures[t.label] ??= []).push(f);
      }
    if (AGAINST) sideBySide(figures);

    const acceptedBefore = fake.stats.accepted;
    if (!KILL) {
      await fake.close();
      return;
    }
    console.log(`\n3. SIGKILL at ${FILES / 2} files, then the same command again`);
    const killed = await runCli(common(big, join(root, 'out-kill')), join(root, 'data-kill'), FILES / 2);
    const db = new DatabaseSync(join(root, 'data-kill', 'glimpse.db'), { readOnly: true });
    const left = db.prepare(`SELECT status, COUNT(*) AS n FROM batch_items GROUP BY status`).all() as {
      status: string;
      n: number;
    }[];
    db.close();
    const resumed = await runCli(common(big, join(root, 'out-kill')), join(root, 'data-kill'));
    const requested = fake.stats.accepted - acceptedBefore;
    const redone = requested - FILES;
    const done = readdirSync(join(root, 'out-kill')).filter((f) => f.endsWith('.md')).length;
    console.log(
      `   killed by ${killed.signal} after ${killed.ends} file-end events; rows then: ${left.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    );
    console.log(`   resumed: exit ${resumed.code}, ${resumed.ends} files sent, ${done} outputs in all`);
    console.log(
      `   files requested twice: ${redone} (concurrency ${CONCURRENCY})   goal <= ${CONCURRENCY}  ${verdict(redone <= CONCURRENCY && done === FILES)}`,
    );
    await fake.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
