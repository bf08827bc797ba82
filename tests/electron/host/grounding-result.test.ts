/**
 * The host fills `result.boxes` from the answer (the app, the ledger and `glimpse ask --json` all get them), and
 * assigns each box among the images sent, by the labels the pages carry. `result.answer` stays the model's
 * verbatim text: every shell shows and copies it through shared/grounding, which drops the special tokens.
 */
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { answerText } from '../../../shared/grounding/parse-answer.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-grounding-');

it('boxes go to the page the answer names; the answer keeps the model’s tokens for the record', async () => {
  const host = hosts.newHost();
  const p = host.providers.save({
    catalogId: 'custom',
    name: 'Fake',
    baseUrl: `${hosts.fake.url}/zai/boxes`,
    model: 'glm-4.5v',
    apiKey: '',
  });
  const attachments = [];
  for (const n of [4, 7, 9]) {
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const { id } = await host.attachments.put({ name: `doc p${n}.png`, mime: 'image/png', bytes: new Uint8Array(png) });
    attachments.push({ id, label: `page ${n}` });
  }
  const result = await host.chat.run(
    { providerId: p.id, thinking: false, prompt: 'Locate the square', attachments, history: [] },
    new AbortController(),
    () => {},
  );
  expect(result.error).toBeNull();
  // The script names the second label it was sent, "page 7": the second image.
  expect(result.answer).toContain('On page 7 the red square is at <|begin_of_box|>[[250,250,750,750]]<|end_of_box|>');
  expect(result.boxes).toHaveLength(4);
  expect(result.boxes.map((b) => b.image)).toEqual([1, 1, 1, 1]);
  expect(result.boxes[0]).toEqual({ x1: 0.25, y1: 0.25, x2: 0.75, y2: 0.75, label: null, image: 1, kind: 'box' });
  expect(answerText(result.answer)).toContain('On page 7 the red square is at [[250,250,750,750]].');
});
