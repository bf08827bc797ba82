/**
 * `npm run bench:ocr`: Glimpse's Local OCR (tesseract.js workers in the host, electron/host/ocr) side by side with
 * the native `tesseract` command (Debian's tesseract-ocr), in one run, on the same 300 dpi page images of a
 * 20-page scanned PDF and of a single page, with the same number of cores: Glimpse's pool has cores - 1
 * workers, and as many `tesseract` processes run at once, each on one thread (OMP_THREAD_LIMIT=1).
 * Goals: >= 0.8x native pages per second; peak memory of the process doing Glimpse's OCR < 600 MB.
 * Prints wall and CPU time, pages/s, the ratio, peak memory and each side's character error rate against the
 * drawn text. Glimpse's side runs twice: with a cold pool (the clock starts before its worker does) and with a
 * warm one (started when Local OCR was picked, as the window asks for, before the clock starts).
 *
 * Then the first page's latency from attach-and-send (the image prepared by the decode child, then read), in a
 * fresh process each: before (cold pool), after with the worker warmed at the same moment the file is attached
 * and sent, and after with Local OCR picked beforehand (worker ready); next to one native `tesseract` run.
 * Needs tesseract-ocr and GNU time (apt-get install tesseract-ocr time). Exits 0 either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decoder } from '../../electron/host/media/decode-pool.ts';
import { imageForOcr } from '../../electron/host/media/image-prep.ts';
import { openPdf } from '../../electron/host/media/pdf-render.ts';
import { defaultPoolSize, OcrPool } from '../../electron/host/ocr/ocr-pool.ts';
import { recognizeImage } from '../../electron/host/ocr/recognize.ts';
import { OCR_DPI } from '../../electron/host/ocr/ocr-request.ts';
import { characterErrorRate } from '../../shared/ocr/ocr-metrics.ts';
import { plainText } from '../../shared/ocr/ocr-result.ts';
import { makeScanPdf } from '../fixtures/ocr/scan-pdf.ts';

const self = new URL(import.meta.url).pathname;
const nodeArgs = ['--experimental-strip-types', '--no-warnings'];
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

interface Side {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  texts: string[];
}

/**
 * Child mode: Glimpse's OCR of every PNG in `dir` through a pool of `workers`, alone in its process. `warm`: one
 * worker is started and ready before the clock starts (Local OCR picked earlier), as the window arranges.
 */
async function glimpseChild(dir: string, workers: number, warm: boolean): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const data = mkdtempSync(join(tmpdir(), 'glimpse-bench-ocr-data-'));
  const pool = new OcrPool({ dataDir: data, size: workers });
  if (warm) {
    pool.warm('eng');
    await pool.run('eng', async () => {});
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const texts = await Promise.all(
    files.map(async (f, i) => {
      const png = readFileSync(join(dir, f));
      const size = pngSize(png);
      const page = await pool.run('eng', (w) => recognizeImage(w, { png, ...size }, { image: i, label: null }));
      return plainText(page);
    }),
  );
  const wallMs = performance.now() - t0;
  await pool.close();
  const cpu = process.cpuUsage(cpu0);
  rmSync(data, { recursive: true, force: true });
  const out: Side = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, texts };
  console.log(JSON.stringify(out));
}

/** Width and height from a PNG's IHDR. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

type FirstMode = 'cold' | 'attach' | 'picked';

/**
 * Child mode: one page attached and sent, timed from the send to its text, as ocr-request.ts does it (the image
 * prepared by the decode child, then read by the pool). `cold`: nothing warmed (before). `attach`: the worker is
 * warmed when the file is attached, i.e. at the same moment. `picked`: Local OCR was picked earlier, its worker
 * is ready.
 */
async function firstPageChild(png: string, mode: FirstMode): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'glimpse-bench-ocr-data-'));
  const pool = new OcrPool({ dataDir: data, size: 1 });
  // The decode child is started by the attachment's upload (its probe), before the send.
  await imageForOcr({ path: png });
  if (mode === 'picked') {
    pool.warm('eng');
    await pool.run('eng', async () => {});
  }
  const t0 = performance.now();
  if (mode === 'attach') pool.warm('eng');
  const image = await imageForOcr({ path: png });
  const page = await pool.run('eng', (w) => recognizeImage(w, image, { image: 0, label: null }));
  const ms = performance.now() - t0;
  await pool.close();
  decoder.close();
  rmSync(data, { recursive: true, force: true });
  console.log(JSON.stringify({ ms, text: plainText(page) }));
}

function runFirstPage(png: string, mode: FirstMode): { ms: number; text: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, self, '--first', png, mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Glimpse's OCR failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; text: string };
}

function runGlimpse(dir: string, workers: number, warm: boolean): Side {
  const r = spawnSync(process.execPath, [...nodeArgs, self, '--glimpse', dir, String(workers), warm ? 'warm' : 'cold'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`Glimpse's OCR failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Side;
}

/** One `tesseract` run under GNU time: its text, CPU seconds and max RSS. */
function tesseractOne(file: string): Promise<{ text: string; cpuMs: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', 'tesseract', file, 'stdout', '-l', 'eng'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`tesseract failed: ${err}`));
      const [u, s, kb] = err.trim().split('\n').at(-1)!.split(' ').map(Number);
      resolve({ text: out, cpuMs: ((u ?? 0) + (s ?? 0)) * 1000, maxRssMb: (kb ?? 0) / 1024 });
    });
  });
}

/** The native side: `workers` tesseract processes at a time over the pages. */
async function runNative(dir: string, workers: number): Promise<Side> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const texts: string[] = [];
  let cpuMs = 0;
  let maxRssMb = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(workers, files.length) }, async () => {
      while (next < files.length) {
        const i = next++;
        const r = await tesseractOne(join(dir, files[i]!));
        texts[i] = r.text;
        cpuMs += r.cpuMs;
        maxRssMb = Math.max(maxRssMb, r.maxRssMb);
      }
    }),
  );
  // Processes run side by side: their memory adds up.
  return { wallMs: performance.now() - t0, cpuMs, maxRssMb: maxRssMb * Math.min(workers, files.length), texts };
}

/** Draws the PDF's pages at 300 dpi into `dir` as PNG: the one set of images both sides read. */
async function pageImages(bytes: Uint8Array, dir: string): Promise<void> {
  const pdf = await openPdf(bytes);
  for (let n = 1; n <= pdf.pageCount; n++) {
    const page = await pdf.renderPage(n, { dpi: OCR_DPI });
    writeFileSync(join(dir, `page-${String(n).padStart(3, '0')}.png`), page.png);
  }
  await pdf.close();
}

async function bench(pages: number, workers: number): Promise<void> {
  const { bytes, truth } = await makeScanPdf(pages);
  const dir = mkdtempSync(join(tmpdir(), 'glimpse-bench-ocr-'));
  try {
    await pageImages(bytes, dir);
    const cer = (texts: string[]) =>
      texts.reduce((sum, t, i) => sum + characterErrorRate((truth[i] ?? []).map((l) => l.text).join('\n'), t), 0) / texts.length;
    const native = await runNative(dir, workers);
    const cold = runGlimpse(dir, workers, false);
    const warm = runGlimpse(dir, workers, true);
    const pps = (s: Side) => pages / (s.wallMs / 1000);
    const row = (name: string, s: Side) =>
      `   ${name.padEnd(30)} ${(s.wallMs / 1000).toFixed(2).padStart(7)} s wall  ${(s.cpuMs / 1000).toFixed(2).padStart(7)} s CPU  ${pps(s).toFixed(3).padStart(7)} pages/s  ${(pps(s) / pps(native)).toFixed(2).padStart(5)}x  ${s.maxRssMb.toFixed(0).padStart(5)} MB peak  CER ${(cer(s.texts) * 100).toFixed(2)}%`;
    console.log(`\n${pages === 1 ? 'One page' : `${pages}-page scanned PDF`}, A4 at ${OCR_DPI} dpi, eng, ${workers} at a time`);
    console.log(row('native tesseract', native));
    console.log(row('Glimpse, cold pool (before)', cold));
    console.log(row('Glimpse, warmed pool (after)', warm));
    const ratio = pps(warm) / pps(native);
    const peak = Math.max(cold.maxRssMb, warm.maxRssMb);
    console.log(`   throughput ${ratio.toFixed(2)}x native with the worker warmed (goal >= 0.8x): ${verdict(ratio >= 0.8)}`);
    console.log(`   CPU per page ${(native.cpuMs / warm.cpuMs).toFixed(2)}x native's efficiency (native CPU / Glimpse CPU)`);
    console.log(`   peak memory ${peak.toFixed(0)} MB (goal < 600 MB): ${verdict(peak < 600)}`);
    if (pages === 1) {
      const png = join(dir, readdirSync(dir).find((f) => f.endsWith('.png'))!);
      const t0 = performance.now();
      await tesseractOne(png);
      const nativeMs = performance.now() - t0;
      const modes: [FirstMode, string][] = [
        ['cold', 'cold pool (before)'],
        ['attach', 'warmed at attach (after)'],
        ['picked', 'warmed at pick (after)'],
      ];
      console.log('\nFirst page from attach-and-send to its text (one worker, fresh process each)');
      console.log(`   ${'native tesseract (one run)'.padEnd(30)} ${(nativeMs / 1000).toFixed(2).padStart(7)} s`);
      for (const [mode, name] of modes) {
        const r = runFirstPage(png, mode);
        console.log(
          `   ${`Glimpse, ${name}`.padEnd(30)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${(nativeMs / r.ms).toFixed(2)}x native`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--glimpse') {
  await glimpseChild(process.argv[3]!, Number(process.argv[4]), process.argv[5] === 'warm');
} else if (process.argv[2] === '--first') {
  await firstPageChild(process.argv[3]!, process.argv[4] as FirstMode);
} else {
  if (spawnSync('tesseract', ['--version']).status !== 0) {
    console.log('The native `tesseract` command is missing: apt-get install tesseract-ocr (and time).');
    process.exit(0);
  }
  const workers = defaultPoolSize();
  console.log(`Local OCR vs native tesseract; ${workers} worker(s) = cores - 1 on both sides.`);
  console.log(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} on ${availableParallelism()} cores.`,
  );
  await bench(20, workers);
  await bench(1, workers);
  console.log(
    `\nLoad average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
  );
}
