import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { planSend, startTurns, type SendState } from '../../../renderer/model/send-plan.ts';
import { plainImage, pdfPage } from '../../../renderer/model/media-refs.ts';
import { turn } from './turns.ts';

const provider = (id: string, name: string): ProviderView => ({
  id,
  catalogId: 'zai',
  name,
  baseUrl: 'http://x',
  model: 'glm-4.5v',
  models: [],
  hasKey: true,
  upstream: [],
});
const state = (patch: Partial<SendState> = {}): SendState => ({
  providers: [provider('p1', 'Z.AI'), provider('p2', 'OpenRouter')],
  prompt: 'What is this?',
  attachments: [],
  turns: [],
  comparePreferred: {},
  budget: 2048,
  ...patch,
});
const one = [{ providerId: 'p1', model: 'glm-4.5v', thinking: true, budget: null }];
const pair = [
  { providerId: 'p1', model: 'glm-4.5v', thinking: true, budget: null },
  { providerId: 'p1', model: 'glm-4.5v', thinking: false, budget: 1024 },
];

describe('planSend refuses', () => {
  it.each([
    ['no provider chosen', state(), [], { compare: false }, { reason: 'no-provider', notice: null }],
    [
      'a lane whose provider was deleted, naming it',
      state(),
      [pair[0], { ...pair[1], providerId: 'gone' }],
      { compare: true },
      {
        reason: 'no-provider',
        notice: {
          code: 'lanes.provider-gone',
          params: { lane: 2 },
          message: 'Lane 2’s provider no longer exists: pick another in Lanes.',
        },
      },
    ],
    ['a compare of one lane', state(), one, { compare: true }, { reason: 'too-few-lanes', notice: null }],
    [
      'while a file uploads',
      state({ attachments: [{ status: 'uploading', info: null }] }),
      one,
      { compare: false },
      { reason: 'uploading', notice: null },
    ],
    ['nothing to send', state({ prompt: '   ' }), one, { compare: false }, { reason: 'empty', notice: null }],
    [
      'while a turn runs',
      state({ turns: [turn('a', { status: 'streaming' })] }),
      one,
      { compare: false },
      { reason: 'running', notice: null },
    ],
  ] as const)('%s', (_, s, lanes, opts, refusal) => {
    expect(planSend(s, lanes, opts)).toEqual({ ok: false, refusal });
  });

  it('sends files without a prompt', () => {
    expect(planSend(state({ prompt: '', attachments: [{ status: 'ready', info: {} }] }), one, { compare: false }).ok).toBe(true);
  });
});

describe('a send', () => {
  const ids = () => {
    let n = 0;
    return { turnId: () => `t${++n}`, requestId: () => `req${n}`, compareGroup: () => 'group-1' };
  };
  const earlier = [turn('a', { prompt: 'Hi', answer: 'Hello' })];
  const media = {
    refs: [{ id: 'img' }],
    images: plainImage('img', 'cat.png', { previewUrl: 'blob:1', width: 10, height: 10 }).images,
  };

  it('with one lane is a single ask: the composer budget, the history, after the last turn, no compare group', () => {
    const d = planSend(state({ turns: earlier }), one, { compare: false });
    if (!d.ok) throw new Error('refused');
    const { turns, requests } = startTurns(d.plan, media, ids(), 'S');
    expect(requests).toEqual([
      {
        requestId: 'req1',
        providerId: 'p1',
        model: 'glm-4.5v',
        thinking: true,
        prompt: 'What is this?',
        attachments: [{ id: 'img' }],
        history: [
          { role: 'user', text: 'Hi' },
          { role: 'assistant', text: 'Hello' },
        ],
        budget: 2048,
        sessionId: 'S',
        // The host links the stored exchange to the one it follows.
        parentRequestId: 'r-a',
      },
    ]);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ id: 't1', parentId: 'a', status: 'sending', providerName: 'Z.AI', images: media.images });
    expect(turns[0].compareGroup).toBeUndefined();
  });

  it('with two lanes is a compare: one group, labels by what differs, each lane its own budget', () => {
    const d = planSend(state({ turns: earlier }), pair, { compare: true });
    if (!d.ok) throw new Error('refused');
    const { turns, requests } = startTurns(d.plan, media, ids(), 'S');
    expect(requests.map((r) => [r.requestId, r.thinking, r.budget, r.compareGroup])).toEqual([
      ['req1', true, 2048, 'group-1'],
      ['req2', false, 1024, 'group-1'],
    ]);
    expect(turns.map((t) => [t.laneLabel, t.parentId, t.compareGroup])).toEqual([
      [
        {
          parts: [
            { kind: 'mode', thinking: true },
            { kind: 'budget', tokens: null },
          ],
        },
        'a',
        'group-1',
      ],
      [
        {
          parts: [
            { kind: 'mode', thinking: false },
            { kind: 'budget', tokens: 1024 },
          ],
        },
        'a',
        'group-1',
      ],
    ]);
  });
});

it("a PDF page goes as a labelled ref pointing back at its PDF, and the turn's image says it is that page", () => {
  const m = pdfPage({ id: 'pdf', name: 'report.pdf' }, 3, 'p3', { previewUrl: 'blob:p3', width: 100, height: 140 }, 'Total 12');
  expect(m.refs).toEqual([{ id: 'p3', label: 'page 3', source: { attachmentId: 'pdf', page: 3 }, text: 'Total 12' }]);
  expect(m.images).toEqual([
    {
      name: 'report.pdf · page 3',
      previewUrl: 'blob:p3',
      width: 100,
      height: 140,
      attachmentId: 'p3',
      label: 'page 3',
      kind: 'page',
    },
  ]);
});
