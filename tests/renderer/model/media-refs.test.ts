import { expect, it } from 'vitest';
import { clipFrame, clipRefusal, joinMedia, pdfRefusal, plainImage, wholeClip } from '../../../renderer/model/media-refs.ts';
import { imagesSeen } from '../../../renderer/model/turn.ts';
import { hostText } from '../../../renderer/i18n/host-text.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

const px = { previewUrl: 'blob:x', width: 320, height: 240 };

it('a frame goes labelled with its number and moment, pointing back at its clip; a clip sent whole is no image', () => {
  const frame = clipFrame({ id: 'clip', name: 'walk.mp4' }, 1, 1.25, 'f2', px);
  expect(frame.refs).toEqual([{ id: 'f2', label: 'frame 2 at 00:01.3', source: { attachmentId: 'clip', timeMs: 1250 } }]);
  expect(frame.images[0]).toMatchObject({
    name: 'walk.mp4 · frame 2 at 00:01.3',
    kind: 'frame',
    label: 'frame 2 at 00:01.3',
    attachmentId: 'f2',
  });

  const whole = wholeClip({ id: 'clip', name: 'walk.mp4' }, px);
  expect(whole.refs).toEqual([{ id: 'clip' }]);
  expect(whole.images[0]).toMatchObject({ name: 'walk.mp4 (clip)', kind: 'video', attachmentId: 'clip' });
  expect(wholeClip({ id: 'clip', name: 'walk.mp4' }, null).images).toEqual([]);

  const all = joinMedia([plainImage('a', 'a.png', px), whole, frame]);
  expect(all.refs.map((r) => r.id)).toEqual(['a', 'clip', 'f2']);
  expect(imagesSeen(all.images).map((im) => im.attachmentId)).toEqual(['a', 'f2']);
});

it("says why a PDF or a clip cannot be sent as set up, in the window's language", () => {
  const zh = (m: Parameters<typeof hostText>[0]) => hostText(m, 'zh-CN');
  const en = (m: Parameters<typeof hostText>[0]) => hostText(m, 'en');
  expect(en(pdfRefusal('a.pdf', { locked: 'password', pages: [1] }))).toBe('“a.pdf” needs its password before it can be sent.');
  expect(zh(pdfRefusal('a.pdf', { locked: 'password', pages: [1] }))).toBe('“a.pdf”需要先输入密码才能发送。');
  expect(zh(pdfRefusal('a.pdf', { locked: null, pages: [] }))).toBe('“a.pdf”没有选中任何页面：请选择页面，或将其移除。');
  expect(pdfRefusal('a.pdf', { locked: null, pages: [2] })).toBeNull();
  const clip = { name: 'c.webm', mime: 'video/webm', size: 1000 };
  const frames = { send: 'frames' as const, sampling: null, error: null, frames: [{}] };
  expect(clipRefusal(clip, frames, false)).toBeNull();
  expect(en(clipRefusal(clip, { ...frames, frames: [] }, false))).toBe(
    '“c.webm” has no sampled frames yet: press Sample frames.',
  );
  expect(zh(clipRefusal(clip, { ...frames, frames: [] }, false))).toBe('“c.webm”还没有采样帧：请点击“采样帧”。');
  expect(zh(clipRefusal(clip, { ...frames, sampling: { done: 1, total: 4 } }, false))).toBe(
    '“c.webm”的帧仍在采样中；请稍后再发送。',
  );
  expect(en(clipRefusal(clip, { ...frames, send: 'native' }, true))).toBe(
    '“c.webm”: The provider takes MP4, MOV or MKV clips; send sampled frames instead.',
  );
  // A clip this window cannot decode: the sampler's reason, said in the window's language.
  const undecodable = { ...frames, frames: [], error: hostMessage('clip.unsupported', { name: 'c.webm' }) };
  expect(zh(clipRefusal(clip, undecodable, false))).toBe(
    '此窗口无法播放“c.webm”：不支持其编码或容器格式。请转换为 H.264 MP4 或 VP9 WebM（例如 ffmpeg -i in.mov -c:v libx264 out.mp4）。',
  );
  expect(zh(hostMessage('clip.sampling-stopped', { reason: 'disk full' }))).toBe('采样已停止：disk full');
});
