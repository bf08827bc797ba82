/**
 * Host media against real files: every image format (BMP through Skia), EXIF orientation, PDF pages on Node,
 * labels next to their images in the request, native video where the model takes it, and the estimate.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageSize, prepareImage } from '../../../../electron/host/media/image-prep.ts';
import { openPdf } from '../../../../electron/host/media/pdf-render.ts';
import { fitToBudget, imageTokens } from '../../../../shared/media/budget.ts';
import { pageFit } from '../../../../shared/media/pages.ts';
import { useTestHosts } from '../test-host.ts';
import {
  makeClip,
  makeCorruptPdf,
  makeEncryptedPdf,
  makeImageAs,
  makePdf,
  makePhoto,
} from '../../../fixtures/media/make-media.ts';

describe('image preparation', () => {
  for (const format of ['png', 'jpeg', 'webp', 'gif', 'bmp'] as const) {
    it(`reads ${format} and sends a JPEG at the budget size`, async () => {
      const bytes = readFileSync(await makeImageAs(`host.${format}`, format));
      expect(await imageSize(bytes)).toEqual({ width: 640, height: 480, damaged: null });
      const out = await prepareImage(bytes, 256);
      const fit = fitToBudget(640, 480, 256);
      expect([out.width, out.height, out.tokens]).toEqual([fit.width, fit.height, fit.tokens]);
      const meta = await sharp(Buffer.from(out.dataUrl.split(',')[1], 'base64')).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', fit.width, fit.height]);
    });
  }

  it('takes the first frame of a GIF (the second frame has a yellow square top-left)', async () => {
    const out = await prepareImage(readFileSync(await makeImageAs('host-first.gif', 'gif')), 2560);
    const px = await sharp(Buffer.from(out.dataUrl.split(',')[1], 'base64'))
      .extract({ left: 10, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect(px[2]).toBeGreaterThan(px[0]); // blue background, not yellow
  });

  it('turns a 24-megapixel photo upright from EXIF and makes it at least 10x smaller', async () => {
    const bytes = readFileSync(await makePhoto('host-photo.jpg', 6048, 4024, 6));
    expect(await imageSize(bytes)).toEqual({ width: 4024, height: 6048, damaged: null });
    const out = await prepareImage(bytes, 2560);
    expect(out.height).toBeGreaterThan(out.width);
    expect(out.bytes * 10).toBeLessThan(bytes.length);
  });
});

describe('PDF pages on Node', () => {
  it('renders a page at the budget size and reads its text layer, table included', async () => {
    const pdf = await openPdf(readFileSync(await makePdf('host-report.pdf', 3)));
    const page = await pdf.renderPage(2, { budget: 1024 });
    const fit = pageFit(595, 842, 1024);
    expect([page.width, page.height]).toEqual([fit.width, fit.height]);
    const meta = await sharp(page.png).metadata();
    expect([meta.width, meta.height]).toEqual([fit.width, fit.height]);
    // Not blank: the bar chart and the text put dark and coloured pixels on the page.
    const stats = await sharp(page.png).stats();
    expect(stats.channels[0].min).toBeLessThan(80);
    expect(await pdf.pageText(2)).toContain('North 120 135 150');
    await pdf.close();
  });
  it('says which is wrong: damaged, password needed, password wrong', async () => {
    await expect(openPdf(readFileSync(await makeCorruptPdf('host-corrupt.pdf')), { name: 'x.pdf' })).rejects.toThrow(
      'x.pdf is damaged or not a PDF',
    );
    const locked = readFileSync(await makeEncryptedPdf('host-locked.pdf', 'pw'));
    await expect(openPdf(locked, { name: 'l.pdf' })).rejects.toThrow('l.pdf is encrypted: give its password');
    await expect(openPdf(locked, { name: 'l.pdf', password: 'no' })).rejects.toThrow('that password is wrong');
    expect((await openPdf(locked, { password: 'pw' })).pageCount).toBe(3);
  });
});

describe('prepare() through the chat service', () => {
  const hosts = useTestHosts('glimpse-media-');
  const newHost = () => hosts.newHost();

  it('puts each label just before its image and the text after it, and estimates exactly what it sends', async () => {
    const h = newHost();
    const p = h.providers.save({
      catalogId: 'zai',
      name: 'Fake',
      baseUrl: `${hosts.fake.url}/zai`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const a = await h.attachments.put({ name: 'a.png', mime: '', bytes: readFileSync(await makeImageAs('prep-a.png', 'png')) });
    const b = await h.attachments.put({
      name: 'b.webp',
      mime: '',
      bytes: readFileSync(await makeImageAs('prep-b.webp', 'webp')),
    });
    const req = {
      providerId: p.id,
      thinking: false,
      prompt: 'Compare',
      history: [],
      budget: 1024,
      attachments: [
        { id: a.id, label: 'frame 1 at 00:00.5', source: { attachmentId: a.id, timeMs: 500 } },
        { id: b.id, label: 'page 2', text: 'Hello table' },
      ],
    };
    const prepared = await h.chat.prepare(req);
    const fit = fitToBudget(640, 480, 1024);
    const user = prepared.messages.at(-1)!.content as { type: string; text?: string }[];
    expect(user.map((x) => x.type)).toEqual(['text', 'image_url', 'text', 'image_url', 'text', 'text']);
    expect(user[0].text).toBe('frame 1 at 00:00.5');
    expect(user[2].text).toBe('page 2');
    expect(user[4].text).toBe('Text layer of page 2:\nHello table');
    // 2 images + "frame 1 at 00:00.5"(5) + "page 2"(2) + the text layer(9) + "Compare"(2), ~4 chars a token.
    expect(prepared.estimate.prompt_tokens).toBe(2 * imageTokens(fit.width, fit.height) + 5 + 2 + 9 + 2);
    expect(prepared.estimate.usd).toBeCloseTo((prepared.estimate.prompt_tokens * 0.6) / 1e6, 12);
  });

  it('sends an MP4 as video_url where the model takes video, and refuses it (bad-input, nothing sent) where not', async () => {
    const h = newHost();
    const clip = await h.attachments.put({
      name: 'c.mp4',
      mime: '',
      bytes: readFileSync(makeClip('prep-clip.mp4', 'h264', { seconds: 2 })),
    });
    const zai = h.providers.save({
      catalogId: 'zai',
      name: 'Z',
      baseUrl: `${hosts.fake.url}/zai`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const r = await h.chat.run(
      { providerId: zai.id, thinking: false, prompt: 'What happens?', history: [], attachments: [{ id: clip.id }] },
      new AbortController(),
      () => {},
    );
    expect(r.error).toBeNull();
    expect(hosts.fake.requests.at(-1)!.videos).toEqual([{ mime: 'video/mp4', bytes: clip.size }]);

    const count = hosts.fake.requests.length;
    const or = h.providers.save({
      catalogId: 'openrouter',
      name: 'OR',
      baseUrl: `${hosts.fake.url}/openrouter`,
      model: 'z-ai/glm-4.5v',
      apiKey: 'k',
    });
    const refused = await h.chat.run(
      { providerId: or.id, thinking: false, prompt: 'What happens?', history: [], attachments: [{ id: clip.id }] },
      new AbortController(),
      () => {},
    );
    expect(refused.error).toMatchObject({ kind: 'bad-input', message: expect.stringContaining('images only') });
    expect(hosts.fake.requests.length).toBe(count);
  });
});
