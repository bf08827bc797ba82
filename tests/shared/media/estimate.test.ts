import { describe, expect, it } from 'vitest';
import { contextFit, estimatePrompt, overContextMessage, pagesThatFit, refTexts } from '../../../shared/media/estimate.ts';
import { nativeVideoRefusal, MAX_NATIVE_VIDEO_BYTES } from '../../../shared/media/video.ts';

const price = { prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' };

describe('estimatePrompt', () => {
  it('counts one token per 28x28 patch of each sent image plus the text', () => {
    const e = estimatePrompt(
      {
        images: [
          { width: 1708, height: 1148 },
          { width: 28, height: 28 },
        ],
        texts: ['abcd'.repeat(10)],
      },
      price,
    );
    expect(e.prompt_tokens).toBe(61 * 41 + 1 + 10);
    expect(e.usd).toBeCloseTo((e.prompt_tokens * 0.6) / 1e6, 12);
  });
  it('gives a null cost, never 0, when the price is unknown', () => {
    expect(estimatePrompt({ images: [], texts: ['hi'] }, null)).toEqual({ prompt_tokens: 1, usd: null });
  });
});

describe('refTexts', () => {
  it('puts the label before the image and the text layer after, introduced by the label', () => {
    expect(refTexts({ label: 'page 3', text: 'Hello' })).toEqual({ before: 'page 3', after: 'Text layer of page 3:\nHello' });
    expect(refTexts({})).toEqual({ before: null, after: null });
    expect(refTexts({ label: '  ', text: ' ' })).toEqual({ before: null, after: null });
  });
});

describe('nativeVideoRefusal', () => {
  it('allows an MP4 within 200 MB where the model takes video, and says why otherwise', () => {
    expect(nativeVideoRefusal({ name: 'a.mp4', modelTakesVideo: true, mime: 'video/mp4', size: 1000 })).toBeNull();
    expect(nativeVideoRefusal({ name: 'a.mp4', modelTakesVideo: false, mime: 'video/mp4', size: 1000 })?.message).toContain(
      'images only',
    );
    expect(nativeVideoRefusal({ name: 'a.mp4', modelTakesVideo: true, mime: 'video/webm', size: 1000 })?.message).toContain(
      'MP4, MOV or MKV',
    );
    expect(
      nativeVideoRefusal({ name: 'a.mp4', modelTakesVideo: true, mime: 'video/mp4', size: MAX_NATIVE_VIDEO_BYTES + 1 })?.message,
    ).toContain('at most 200 MB');
  });
});

describe('context fit', () => {
  it('counts pages in order until the window is full, labels included', () => {
    // "page N" is 2 tokens by the text estimate: 3 pages of 1,000 = 3,006 fit in 3,010, a fourth does not.
    expect(pagesThatFit([1000, 1000, 1000, 1000], 3010)).toBe(3);
    expect(pagesThatFit([1000, 1000], 1_000_000)).toBe(2);
    expect(pagesThatFit([5000], 4000)).toBe(0);
    expect(pagesThatFit([1000, 1000], 2100, 200)).toBe(1);
  });

  it('says over only past the window, and never for an unknown one', () => {
    expect(contextFit(65_537, 65_536)).toEqual({ kind: 'over', context: 65_536 });
    expect(contextFit(65_536, 65_536)).toEqual({ kind: 'near', context: 65_536 });
    expect(contextFit(5_000_000, null)).toEqual({ kind: 'fits' });
    expect(overContextMessage(1_250_000, 65_536)).toBe(
      "This request is about 1,250,000 tokens, past the model's 65,536-token context, so it was not sent. Pick fewer pages or frames, or lower the tokens per image.",
    );
  });
});
