import { expect, it } from 'vitest';
import type { MessageAttachment, StoredTurn } from '../../../shared/bridge/sessions.ts';
import { turnFromStored } from '../../../renderer/model/stored-turn.ts';
import { imagesSeen } from '../../../renderer/model/turn.ts';
import { result } from './turns.ts';

const att = (id: string, patch: Partial<MessageAttachment>): MessageAttachment => ({
  id,
  name: `${id}.png`,
  mime: 'image/png',
  kind: 'image',
  size: 1,
  width: 40,
  height: 30,
  label: null,
  sentAs: null,
  ...patch,
});
const stored = (attachments: MessageAttachment[], patch: Partial<StoredTurn> = {}): StoredTurn => ({
  id: 'u1',
  requestId: 'r1',
  prompt: 'Where?',
  attachments,
  providerName: 'Z.AI',
  model: 'glm-4.5v',
  thinking: true,
  status: 'done',
  reasoning: 'r',
  answer: 'There',
  boxes: [],
  result: result('There'),
  createdAt: 1,
  parentId: null,
  params: null,
  ...patch,
});

it('rebuilds images with the kind, label and stored id they were sent with', () => {
  const t = turnFromStored(
    stored([
      att('a', { sentAs: 'image' }),
      att('p', { label: 'page 3', sentAs: 'page' }),
      att('v', { name: 'clip.mp4', kind: 'video', sentAs: 'video' }),
    ]),
    's1',
    null,
  );
  expect(t.images.map((im) => [im.attachmentId, im.kind, im.label, im.name])).toEqual([
    ['a', 'image', null, 'a.png'],
    ['p', 'page', 'page 3', 'page 3'],
    ['v', 'video', null, 'clip.mp4'],
  ]);
  // The clip sent whole is no image to the model: box indices skip it.
  expect(imagesSeen(t.images).map((im) => im.attachmentId)).toEqual(['a', 'p']);
});

it('reads messages stored before kinds were recorded by label and file kind', () => {
  const t = turnFromStored(
    stored([att('p', { label: 'page 2' }), att('f', { label: 'frame 1 at 00:00.0' }), att('v', { kind: 'video' }), att('i', {})]),
    's1',
    null,
  );
  expect(t.images.map((im) => [im.kind, im.label])).toEqual([
    ['page', 'page 2'],
    ['frame', 'frame 1 at 00:00.0'],
    ['video', null],
    ['image', null],
  ]);
});

it('shows a request another window is still answering as incomplete, and keeps the stored boxes when the result has none', () => {
  const box = { x1: 0.1, y1: 0.1, x2: 0.2, y2: 0.2, label: 'cat', image: 0 };
  const t = turnFromStored(stored([], { status: 'streaming', boxes: [box] }), 's1', 'prev');
  expect(t).toMatchObject({ id: 's1', parentId: 'prev', requestId: 'r1', status: 'incomplete', answer: 'There', error: null });
  expect(t.result?.boxes).toEqual([box]);
});
