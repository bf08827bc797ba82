/**
 * Grounded answers and OCR output in the browser shell, against the fake provider's `boxes`, `ocr`, `receipt`
 * and `hostile` answers (tests/fixtures/grounding-scripts.ts): boxes drawn on the right pixels of the right image,
 * page or frame; chips and boxes highlighting each other; zoom and pan; move, hide, copy, crop; tables, code and
 * math; sanitising. Pixel checks read the screenshot PNG with sharp.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { boxColour } from '../../shared/grounding/palette.ts';
import { HOSTILE_ORIGIN } from '../fixtures/grounding-scripts.ts';
import { fixtureDir, makeClip, makePdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.shell.url });
});
test.afterEach(async () => app.close());

// Pixels are sampled from one screenshot of the image's stage, which must fit inside the scrolling conversation
// above the composer (with its parameters bar): a taller window than the default keeps the whole stage in view.
test.use({ viewport: { width: 1200, height: 1000 } });

// Screenshots to look at (test-results/ is wiped when any run starts; GLIMPSE_SHOTS keeps them elsewhere).
const shots = process.env.GLIMPSE_SHOTS ?? 'test-results/grounding';
const SQUARE = '#202020';

/** 800x600 white with a dark square exactly where the fake model's box 1 says: [250,250,750,750] of 1000. */
async function squareImage(name: string, background = '#ffffff'): Promise<string> {
  mkdirSync(fixtureDir, { recursive: true });
  const square = await sharp({ create: { width: 400, height: 300, channels: 3, background: SQUARE } })
    .png()
    .toBuffer();
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background } })
    .composite([{ input: square, left: 200, top: 150 }])
    .png()
    .toBuffer();
  const file = join(fixtureDir, name);
  writeFileSync(file, png);
  return file;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** Colours at page points (CSS pixels) of one screenshot. */
async function coloursAt(page: Page, points: [number, number][]): Promise<number[][]> {
  const { data, info } = await sharp(await page.screenshot())
    .raw()
    .toBuffer({ resolveWithObject: true });
  return points.map(([x, y]) => {
    const i = (Math.round(y) * info.width + Math.round(x)) * info.channels;
    return [data[i], data[i + 1], data[i + 2]];
  });
}

function expectColour(actual: number[], hex: string) {
  const want = rgb(hex);
  for (let c = 0; c < 3; c++) expect(Math.abs(actual[c] - want[c]), `${actual} vs ${hex}`).toBeLessThanOrEqual(24);
}

async function rect(l: Locator) {
  const r = await l.boundingBox();
  if (!r) throw new Error('not laid out');
  return r;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('boxes land on their pixels; chip and box highlight each other; copy, hide, crop, attach', async ({ page }) => {
  await app.addProvider({ name: 'Grounding', path: 'zai/boxes', kind: 'Custom server' });
  await app.attachViaDialog(await squareImage('square.png'));
  await app.ask('Locate the dark square');
  await app.waitForAnswerDone();
  const answer = app.answer();

  // The text: a chip where each inline box was, no special token anywhere.
  const text = answer.getByTestId('answer');
  await expect(text).toContainText('The red square is at');
  await expect(text).not.toContainText('<|');
  await expect(text).not.toContainText('[[250,250,750,750]]');
  for (const n of [1, 2, 3]) await expect(text.getByRole('button', { name: `Box ${n}`, exact: true })).toBeVisible();

  // Hide the JSON duplicate of the square (box 4, drawn on top of box 1) so box 1's own border is what shows.
  const figure = answer.getByRole('figure', { name: 'Image 1 with boxes' });
  await answer.getByRole('button', { name: 'Hide box 4' }).click();
  await expect(figure.getByRole('img', { name: 'Box 4: square' })).toHaveCount(0);
  await expect(answer.getByRole('button', { name: 'Hide box 4' })).toHaveAttribute('aria-pressed', 'true');

  await figure.getByRole('img', { name: 'square.png' }).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0); // nothing hovered: a hovered box dims the rest of its image
  await page.screenshot({ path: `${shots}/boxes.png` });
  // One screenshot of the image's stage (the image and its box layer), sampled in the stage's own coordinates:
  // measuring the page and then taking a page screenshot raced the conversation's scroll on a loaded machine.
  const stage = await sharp(await figure.locator('.grounded-stage').first().screenshot())
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width: w, height: h, channels } = stage.info;
  const px = (x: number, y: number) => {
    const i = (Math.round(y) * w + Math.round(x)) * channels;
    return [stage.data[i], stage.data[i + 1], stage.data[i + 2]];
  };
  const at = (fx: number, fy: number) => px(fx * w, fy * h);
  expectColour(px(0.25 * w + 1, 0.5 * h), boxColour(1)); // box 1's left edge
  expectColour(px(0.5 * w, 0.25 * h + 1), boxColour(1)); // its top edge
  expectColour(at(0.3, 0.6), SQUARE); // inside it, the image itself
  expectColour(px(0.25 * w - 3, 0.5 * h), '#ffffff'); // just outside it
  expectColour(px(0.1 * w - 1, 0.05 * h), boxColour(2)); // box 2 in the corner
  expectColour(at(0.65, 0.65), SQUARE);

  // Hovering a chip highlights its box; hovering a box highlights its chip.
  const box1 = figure.getByRole('img', { name: 'Box 1', exact: true });
  await text.getByRole('button', { name: 'Box 1', exact: true }).hover();
  await expect(box1).toHaveAttribute('data-active', 'true');
  await figure.getByRole('img', { name: 'Box 2', exact: true }).hover({ position: { x: 30, y: 20 } });
  await expect(text.getByRole('button', { name: 'Box 2', exact: true })).toHaveAttribute('data-active', 'true');
  await expect(box1).not.toHaveAttribute('data-active');

  // Copy: the whole answer without tokens; a box as JSON with pixel and normalised coordinates.
  await answer.getByRole('button', { name: 'Copy answer' }).click();
  const copied = await clipboard(page);
  expect(copied).toContain('The red square is at [[250,250,750,750]].');
  expect(copied).not.toMatch(/<\||\|>|\uE000/);
  await answer.getByRole('button', { name: 'Copy box 1 as JSON' }).click();
  expect(JSON.parse(await clipboard(page))).toMatchObject({
    n: 1,
    kind: 'box',
    image: 1,
    normalized: { x1: 0.25, y1: 0.25, x2: 0.75, y2: 0.75 },
    pixels: { x1: 200, y1: 150, x2: 600, y2: 450, image_width: 800, image_height: 600 },
    model: [250, 250, 750, 750],
  });

  // Crop: saved as a PNG of exactly the region, and attached to the next question.
  const download = page.waitForEvent('download');
  await answer.getByRole('button', { name: 'Save crop of box 1' }).click();
  const file = await (await download).path();
  const crop = await sharp(readFileSync(file)).raw().toBuffer({ resolveWithObject: true });
  expect([crop.info.width, crop.info.height]).toEqual([400, 300]);
  const mean = (await sharp(readFileSync(file)).stats()).channels.slice(0, 3).map((c) => Math.round(c.mean));
  expect(mean).toEqual(rgb(SQUARE));
  await answer.getByRole('button', { name: 'Attach crop of box 1' }).click();
  const strip = page.getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('img', { name: 'square-box1.png' })).toBeVisible();
});

test('zoom and pan keep boxes on their pixels; a box moves to another image', async ({ page }) => {
  await app.addProvider({ name: 'Grounding', path: 'zai/boxes', kind: 'Custom server' });
  await app.attachViaDialog(await squareImage('first.png', '#f4f4ff'), await squareImage('second.png'));
  await app.ask('Locate the dark square');
  await app.waitForAnswerDone();
  const answer = app.answer();
  // "In image 2 the red square": every box goes to the second image.
  await expect(answer.getByRole('figure', { name: 'Image 2 with boxes' })).toBeVisible();
  await expect(answer.getByRole('figure', { name: 'Image 1 with boxes' })).toHaveCount(0);

  await answer.getByRole('figure', { name: 'Image 2 with boxes' }).getByRole('button', { name: 'Zoom' }).click();
  const viewer = page.getByRole('dialog', { name: 'Image viewer' });
  await expect(viewer).toBeVisible();
  const viewport = viewer.getByTestId('viewer-viewport');
  const image = viewer.getByRole('img', { name: 'second.png' });
  const box = viewer.getByRole('img', { name: 'Box 1', exact: true });
  const onPixels = async () => {
    const i = await rect(image);
    const b = await rect(box);
    expect(Math.abs(b.x - (i.x + 0.25 * i.width))).toBeLessThan(1.5);
    expect(Math.abs(b.y - (i.y + 0.25 * i.height))).toBeLessThan(1.5);
    expect(Math.abs(b.width - 0.5 * i.width)).toBeLessThan(1.5);
    return i;
  };
  const fitted = await onPixels();
  const v = await rect(viewport);
  await page.mouse.move(v.x + v.width / 2, v.y + v.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await rect(image)).width).toBeGreaterThan(fitted.width * 1.3);
  const zoomed = await onPixels();
  await page.mouse.down();
  await page.mouse.move(v.x + v.width / 2 + 60, v.y + v.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  const panned = await onPixels();
  expect(Math.round(panned.x - zoomed.x)).toBe(60);
  expect(Math.round(panned.y - zoomed.y)).toBe(40);
  // At this zoom the border is still 2 px on screen, on the square's edge: check the pixels too.
  const b = await rect(box);
  const [edge, inside] = await coloursAt(page, [
    [b.x + 1, b.y + b.height / 2],
    [b.x + 12, b.y + b.height / 3],
  ]);
  expectColour(edge, boxColour(4));
  expectColour(inside, SQUARE);
  await page.screenshot({ path: `${shots}/viewer-zoomed.png` });
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await answer.getByRole('combobox', { name: 'Image of box 1' }).selectOption({ label: 'Image 1' });
  const first = answer.getByRole('figure', { name: 'Image 1 with boxes' });
  await expect(first.getByRole('img', { name: 'Box 1', exact: true })).toBeVisible();
  await expect(
    answer.getByRole('figure', { name: 'Image 2 with boxes' }).getByRole('img', { name: 'Box 1', exact: true }),
  ).toHaveCount(0);
  await page.setViewportSize({ width: 420, height: 820 });
  await page.screenshot({ path: `${shots}/boxes-narrow.png`, fullPage: true });
});

test('a PDF page and a video frame: the box goes to the page or frame the answer names', async ({ page }) => {
  await app.addProvider({ name: 'Grounding', path: 'zai/boxes', kind: 'Custom server' });
  await app.attachViaDialog(await makePdf('grounding.pdf', 3));
  await expect(page.getByRole('listitem', { name: 'grounding.pdf' })).toContainText('All 3 pages');
  await app.ask('Locate the table');
  await app.waitForAnswerDone();
  // The pages went as images labelled "page 1".."page 3"; the answer says "On page 2".
  await expect(app.answer().getByTestId('answer')).toContainText('On page 2 the red square');
  await expect(
    app.answer().getByRole('figure', { name: 'page 2 with boxes' }).getByRole('img', { name: 'Box 1', exact: true }),
  ).toBeVisible();

  const clip = makeClip('grounding.mp4', 'h264', { seconds: 3 });
  await app.attachViaDialog(clip);
  const card = page.getByRole('listitem', { name: 'grounding.mp4' });
  await card.getByRole('spinbutton', { name: 'Number of frames' }).fill('3');
  await card.getByRole('button', { name: 'Sample frames' }).click();
  await expect(card.getByRole('list', { name: 'Frames of grounding.mp4' }).getByRole('img')).toHaveCount(3);
  await app.ask('Where is the ball?');
  await app.waitForAnswerDone();
  await expect(app.answer().getByTestId('answer')).toContainText('On frame 2 the red square');
  const figure = app.answer().getByRole('figure', { name: /^frame 2 at .* with boxes$/ });
  await expect(figure.getByRole('img', { name: 'Box 1', exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/frame.png`, fullPage: true });
});

test('OCR output: tables copy as Markdown, CSV and TSV; code copies; math renders with local fonts', async ({ page }) => {
  const remote: string[] = [];
  page.on(
    'request',
    (r) =>
      !r.url().startsWith(app.shell.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && remote.push(r.url()),
  );
  await app.addProvider({ name: 'OCR', path: 'zai/ocr', kind: 'Custom server' });
  await app.ask('Extract the text');
  await app.waitForAnswerDone();
  const answer = app.answer();
  const md = answer.getByTestId('answer');
  await expect(md.getByRole('heading', { name: 'Invoice 2026-117' })).toBeVisible();
  await expect(md.getByRole('table')).toContainText('Widget, large');
  await expect(md).toContainText('Answer: 17.00');
  await expect(md).not.toContainText('<|');

  await md.getByRole('button', { name: 'Copy table as TSV for spreadsheets' }).click();
  expect(await clipboard(page)).toBe('Item\tQty\tPrice\nWidget, large\t2\t3.50\nGadget\t1\t10.00');
  await md.getByRole('button', { name: 'Copy table as CSV' }).click();
  expect(await clipboard(page)).toBe('Item,Qty,Price\n"Widget, large",2,3.50\nGadget,1,10.00');
  await md.getByRole('button', { name: 'Copy table as Markdown' }).click();
  expect(await clipboard(page)).toContain('| Widget, large | 2 | 3.50 |');
  // Highlighted once the code plugin has loaded (it is fetched only because this answer has code): tokens coloured.
  await expect(md.locator('pre code span[style*="--sdm-c"]').first()).toBeVisible();
  // The tokens first show in the text colour while the worker highlights them: wait for the colours.
  await expect
    .poll(() =>
      md
        .locator('pre code span[style*="--sdm-c"]')
        .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size),
    )
    .toBeGreaterThan(1);
  await md.getByRole('button', { name: 'Copy code' }).click();
  expect(await clipboard(page)).toBe('total = 2 * 3.50 + 10.00');

  // Math: KaTeX output for both the inline \( \) and the display $$ formulas, with its fonts from our origin.
  await expect(md.locator('.katex')).toHaveCount(2);
  await expect(md.locator('.katex-display')).toHaveCount(1);
  await expect(md.locator('.katex-display')).toContainText('b');
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length;
  });
  expect(fontsLoaded).toBeGreaterThan(0);
  expect(remote).toEqual([]);
  await page.screenshot({ path: `${shots}/ocr.png`, fullPage: true });
});

test('presets: Locate writes a grounding prompt for the current image; the receipt preset checks the JSON', async ({ page }) => {
  await app.addProvider({ name: 'Receipts', path: 'zai/receipt', kind: 'Custom server' });
  await app.attachViaDialog(await squareImage('receipt.png'));
  const prompt = page.getByRole('textbox', { name: 'Prompt' });
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('menu', { name: 'Presets' }).getByRole('menuitem', { name: 'Locate…' }).click();
  await expect(prompt).toHaveValue(/^Locate the object in the image and give its bounding box as \[\[x1,y1,x2,y2\]\]/);
  // The thing to look for is selected, so typing replaces it.
  expect(await prompt.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(
    'the object',
  );

  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('menuitem', { name: 'Receipt/invoice to JSON' }).click();
  await expect(prompt).toHaveValue(/^Read this receipt or invoice and return only JSON/);
  await page.getByRole('button', { name: 'Send' }).click();
  await app.waitForAnswerDone();
  const receipt = app.answer().getByRole('region', { name: 'Receipt' });
  await expect(receipt).toContainText('Valid receipt JSON');
  await expect(receipt.getByRole('row', { name: /Almond croissant/ })).toContainText('3.50');
  await expect(receipt.getByRole('row').last()).toContainText('7.70');

  await app.addProvider({ name: 'Bad receipts', path: 'zai/receipt-bad', kind: 'Custom server' });
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('menuitem', { name: 'Receipt/invoice to JSON' }).click();
  // Nothing attached now: the preset attaches the previous question's image again.
  await expect(page.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'receipt.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await app.waitForAnswerDone();
  const bad = app.answer().getByRole('alert').filter({ hasText: 'receipt JSON' });
  await expect(bad).toContainText('does not match the expected shape');
  await expect(bad).toContainText('items.1.unit_price');
  await page.screenshot({ path: `${shots}/receipt.png`, fullPage: true });
});

test('hostile answers are inert: no script, no handler, no javascript: link, no remote request', async ({ page }) => {
  const remote: string[] = [];
  const cspViolations: string[] = [];
  page.on(
    'request',
    (r) =>
      !r.url().startsWith(app.shell.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && remote.push(r.url()),
  );
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
  await app.addProvider({ name: 'Hostile', path: 'zai/hostile', kind: 'Custom server' });
  await app.ask('Say something nasty');
  await app.waitForAnswerDone();
  const md = app.answer().getByTestId('answer');
  await expect(md).toContainText('The end.');
  await expect(md).toContainText('hover here');
  await expect(md.locator('script, iframe, object, embed')).toHaveCount(0);
  await expect(md.locator('img')).toHaveCount(0);
  await expect(md.locator('[onerror], [onmouseover], [onclick], [style*="url("]')).toHaveCount(0);
  await expect(md.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await md.getByText('hover here').hover();
  await md.getByText('click me').click();
  await md.getByText('raw link').click();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // The sanitiser, not only the CSP, stopped it all: the browser never even had to refuse anything.
  expect(remote.filter((u) => u.startsWith(HOSTILE_ORIGIN))).toEqual([]);
  expect(remote).toEqual([]);
  expect(cspViolations).toEqual([]);
  await page.screenshot({ path: `${shots}/hostile.png`, fullPage: true });
});
