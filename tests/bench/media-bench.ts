/**
 * `npm run bench:media`: the app's media paths side by side with the standard tools, in one run.
 *   1. 50 pages of a text-and-figure PDF at 150 dpi to PNG: the app's pdf.js path (electron/host/media/
 *      pdf-render.ts, pdf.js on Node drawing with Skia, as `glimpse ask --pdf` does) vs `pdftoppm -png -r 150`.
 *      Goal: >= 0.5x poppler's pages/s, peak memory < 600 MB (max RSS of a process doing only that).
 *   2. 16 frames evenly over a 60 s 1080p H.264 clip: the app's path (renderer/features/attachments/
 *      frame-sampler.ts: <video> seek + canvas + JPEG, in headless Debian chromium) vs ffmpeg seeking to the same
 *      timestamps (one `ffmpeg -ss t -i clip -frames:v 1` per frame, the fast way). Goal: <= 2x ffmpeg's time.
 *   3. bytes uploaded for a 24-megapixel photo at the default budget vs the original. Goal: >= 10x smaller.
 * Fixtures are generated into the temp folder (tests/fixtures/media/make-media.ts) and reused across runs.
 * Prints figures and PASS/MISS per goal; exits 0 either way: it is a benchmark, not a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { prepareImage } from '../../electron/host/media/image-prep.ts';
import { openPdf } from '../../electron/host/media/pdf-render.ts';
import { DEFAULT_BUDGET, fitToBudget, MAX_BUDGET } from '../../shared/media/budget.ts';
import { frameTimes } from '../../shared/media/frames.ts';
import { fixtureDir, makePdf, makePhoto } from '../fixtures/media/make-media.ts';

const PAGES = 50;
const DPI = 150;
const self = new URL(import.meta.url).pathname;
const nodeArgs = ['--experimental-strip-types', '--no-warnings'];
const ms = (t: number) => `${t.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** Child mode: render the PDF's pages with the app's path and print time and max RSS, alone in its process. */
async function renderPdfChild(file: string) {
  const t0 = performance.now();
  const pdf = await openPdf(readFileSync(file));
  let bytes = 0;
  for (let n = 1; n <= pdf.pageCount; n++) bytes += (await pdf.renderPage(n, { dpi: DPI })).png.length;
  await pdf.close();
  const t = performance.now() - t0;
  console.log(JSON.stringify({ ms: t, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** Max RSS (MB) and wall time of a command, via GNU time. */
function timed(cmd: string, args: string[]): { ms: number; maxRssMb: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms: wall, maxRssMb: kb / 1024, stdout: r.stdout };
}

async function benchPdf() {
  const file = await makePdf('bench-50.pdf', PAGES);
  console.log(`\n1. ${PAGES}-page text-and-figure PDF at ${DPI} dpi -> PNG`);
  const out = mkdtempSync(join(tmpdir(), 'glimpse-bench-pdf-'));
  try {
    const poppler = timed('pdftoppm', ['-png', '-r', String(DPI), file, join(out, 'p')]);
    const app = timed(process.execPath, [...nodeArgs, self, '--pdf-child', file]);
    const appRun = JSON.parse(app.stdout.trim().split('\n').at(-1)!);
    const appPps = PAGES / (appRun.ms / 1000);
    const popPps = PAGES / (poppler.ms / 1000);
    console.log(
      `   pdftoppm           ${ms(poppler.ms).padStart(9)}  ${popPps.toFixed(1).padStart(6)} pages/s  peak ${poppler.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `   app (pdf.js+Skia)  ${ms(appRun.ms).padStart(9)}  ${appPps.toFixed(1).padStart(6)} pages/s  peak ${app.maxRssMb.toFixed(0)} MB (whole process, incl. Node)`,
    );
    console.log(
      `   ratio ${(appPps / popPps).toFixed(2)}x poppler's pages/s (goal >= 0.5): ${verdict(appPps / popPps >= 0.5)};  peak < 600 MB: ${verdict(app.maxRssMb < 600)}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function makeBenchClip(): string {
  const file = join(fixtureDir, 'bench-60s-1080p.mp4');
  if (existsSync(file)) return file;
  mkdirSync(fixtureDir, { recursive: true });
  console.log('   (generating the 60 s 1080p H.264 clip once, ~20 s)');
  const tmp = `${file}.${process.pid}.mp4`;
  // A camera-like GOP (a keyframe every 2 s at 30 fps), so seeking costs what it does on real clips.
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=30:duration=60',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-g',
    '60',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    tmp,
  ]);
  execFileSync('mv', [tmp, file]);
  return file;
}

async function benchFrames() {
  console.log('\n2. 16 frames evenly over a 60 s 1080p H.264 clip');
  const clip = makeBenchClip();
  const times = frameTimes(60, { mode: 'count', count: 16 });
  const size = fitToBudget(1920, 1080, MAX_BUDGET);
  const out = mkdtempSync(join(tmpdir(), 'glimpse-bench-frames-'));
  try {
    // ffmpeg, input-seeking to each timestamp (keyframe + decode forward), scaled and encoded as the app does.
    const f0 = performance.now();
    times.forEach((t, i) => {
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-ss',
        String(t),
        '-i',
        clip,
        '-frames:v',
        '1',
        '-vf',
        `scale=${size.width}:${size.height}`,
        '-q:v',
        '3',
        join(out, `f${i}.jpg`),
      ]);
    });
    const ffmpegMs = performance.now() - f0;

    // The app's own sampler, bundled as is, in headless chromium, reading the clip from a blob as the app does.
    const bundle = await build({
      entryPoints: ['renderer/features/attachments/frame-sampler.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'sampler',
      logLevel: 'warning',
    });
    const js = bundle.outputFiles[0].text;
    const video = readFileSync(clip);
    const server = createServer((req, res) => {
      if (req.url === '/clip.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        return res.end(video);
      }
      if (req.url === '/sampler.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(js);
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script src="/sampler.js"></script>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const run = () =>
        page.evaluate(
          async ({ times, size }) => {
            const blob = await (await fetch('/clip.mp4')).blob();
            const url = URL.createObjectURL(blob);
            const t0 = performance.now();
            const frames = await (window as any).sampler.sampleFrames(url, 'clip.mp4', times, size);
            const t = performance.now() - t0;
            URL.revokeObjectURL(url);
            return { ms: t, count: frames.length, bytes: frames.reduce((n: number, f: { blob: Blob }) => n + f.blob.size, 0) };
          },
          { times, size },
        );
      await run(); // warm-up: the first run pays for loading the decoder
      const app = await run();
      console.log(`   ffmpeg (16 seeks)     ${ms(ffmpegMs).padStart(8)}`);
      console.log(
        `   app (<video>+canvas)  ${ms(app.ms).padStart(8)}  (${app.count} frames, ${size.width}x${size.height} JPEG, ${(app.bytes / 1024).toFixed(0)} KB, headless chromium, software decode)`,
      );
      console.log(`   ratio ${(app.ms / ffmpegMs).toFixed(2)}x ffmpeg's time (goal <= 2): ${verdict(app.ms / ffmpegMs <= 2)}`);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function benchPhoto() {
  console.log(`\n3. A 24-megapixel photo at the default budget (${DEFAULT_BUDGET.toLocaleString()} tokens)`);
  const file = await makePhoto('bench-24mp.jpg', 6000, 4000);
  const original = readFileSync(file);
  const t0 = performance.now();
  const sent = await prepareImage(original, DEFAULT_BUDGET);
  const t = performance.now() - t0;
  const ratio = original.length / sent.bytes;
  console.log(`   original  6000x4000  ${(original.length / 1024 / 1024).toFixed(2)} MB`);
  console.log(
    `   sent      ${sent.width}x${sent.height}  ${(sent.bytes / 1024).toFixed(0)} KB JPEG (${sent.tokens.toLocaleString()} tokens; prepared in ${ms(t)})`,
  );
  console.log(
    `   ${ratio.toFixed(1)}x smaller (goal >= 10; both travel base64, so the ratio is the same on the wire): ${verdict(ratio >= 10)}`,
  );
}

if (process.argv[2] === '--pdf-child') {
  await renderPdfChild(process.argv[3]);
} else {
  console.log(`Glimpse media benchmark · ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}) · Node ${process.version}`);
  await benchPdf();
  await benchFrames();
  await benchPhoto();
}
