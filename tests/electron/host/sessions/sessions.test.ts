import { existsSync } from 'node:fs';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../../electron/host/host.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-sessions-');
const IDLE = { idleTimeoutMs: 2000 };

async function png(colour: string): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 300, height: 200, channels: 3, background: colour } })
      .png()
      .toBuffer(),
  );
}

async function ask(h: Host, sessionId: string, prompt: string, attachments: string[] = [], path = 'zai') {
  const p =
    h.providers.list().find((x) => x.name === 'Fake') ??
    h.providers.save({
      catalogId: 'zai',
      name: 'Fake',
      baseUrl: `${hosts.fake.url}/${path}`,
      model: 'glm-4.5v',
      apiKey: 'secret-key-123',
    });
  return h.chat.run(
    { providerId: p.id, thinking: true, prompt, attachments: attachments.map((id) => ({ id })), history: [], sessionId },
    new AbortController(),
    () => {},
  );
}

describe('sessions', () => {
  it('stores each exchange with its reasoning, attachments and result, and reopens it after a restart', async () => {
    let h = hosts.newHost(IDLE);
    const img = await h.attachments.put({ name: 'blue.png', mime: 'image/png', bytes: await png('#3366cc') });
    const first = await ask(h, 'S1', 'What colour is this?\nSecond line', [img.id]);
    await ask(h, 'S1', 'And now?');
    h = hosts.reopen(IDLE); // a new host on the same data dir: as after a restart

    const [summary] = await h.methods.listSessions();
    expect(summary).toMatchObject({ id: 'S1', title: 'What colour is this?', turns: 2 });
    const d = await h.methods.getSession('S1');
    expect(d.turns).toHaveLength(2);
    expect(d.turns[0]).toMatchObject({
      prompt: 'What colour is this?\nSecond line',
      status: 'done',
      providerName: 'Fake',
      model: 'glm-4.5v',
      thinking: true,
      answer: first.answer,
      reasoning: first.reasoning,
    });
    expect(d.turns[0].attachments).toMatchObject([{ id: img.id, name: 'blue.png', width: 300, height: 200 }]);
    expect(d.turns[0].result?.usage.prompt_tokens).toBe(first.usage.prompt_tokens);
    expect(d.turns[1].prompt).toBe('And now?');
    // The ledger rows carry the session too.
    const tally = await h.methods.getTally({ sessionId: 'S1' });
    expect(tally.session?.requests).toBe(2);
    expect(tally.last?.session_id).toBe('S1');
  });

  it('stores what each image was to the model (image, page, frame) and reads older rows without it as unknown', async () => {
    let h = hosts.newHost(IDLE);
    const [photo, page, frame] = await Promise.all(
      ['#112233', '#445566', '#778899'].map(async (c, i) =>
        h.attachments.put({ name: `f${i}.png`, mime: 'image/png', bytes: await png(c) }),
      ),
    );
    const p = h.providers.save({
      catalogId: 'zai',
      name: 'Fake',
      baseUrl: `${hosts.fake.url}/zai`,
      model: 'glm-4.5v',
      apiKey: 'secret-key-123',
    });
    const attachments = [
      { id: photo.id },
      { id: page.id, label: 'page 3', source: { attachmentId: photo.id, page: 3 } },
      { id: frame.id, label: 'frame 2 at 00:01.0', source: { attachmentId: photo.id, timeMs: 1000 } },
    ];
    await h.chat.run(
      { providerId: p.id, thinking: false, prompt: 'Where?', attachments, history: [], sessionId: 'K' },
      new AbortController(),
      () => {},
    );
    h = hosts.reopen(IDLE);
    const stored = (await h.methods.getSession('K')).turns[0].attachments;
    expect(stored.map((a) => [a.id, a.label, a.sentAs])).toEqual([
      [photo.id, null, 'image'],
      [page.id, 'page 3', 'page'],
      [frame.id, 'frame 2 at 00:01.0', 'frame'],
    ]);
    // A message stored before v4 has no kind: the renderer reads it by label and file kind.
    h.db.prepare('UPDATE message_attachments SET sent_as = NULL').run();
    expect((await h.methods.getSession('K')).turns[0].attachments.map((a) => a.sentAs)).toEqual([null, null, null]);
  });

  it('renames, searches by text, and refuses an empty name', async () => {
    const h = hosts.newHost(IDLE);
    await ask(h, 'A', 'Read the receipt');
    await ask(h, 'B', 'Count the cats');
    expect((await h.methods.renameSession({ id: 'A', title: '  Groceries   receipt ' })).title).toBe('Groceries receipt');
    await expect(h.methods.renameSession({ id: 'A', title: '   ' })).rejects.toThrow('needs a name');
    expect((await h.methods.listSessions({ search: 'groceries' })).map((s) => s.id)).toEqual(['A']);
    const cats = await h.methods.listSessions({ search: 'CATS' });
    expect(cats.map((s) => s.id)).toEqual(['B']);
    expect(cats[0].snippet).toContain('Count the cats');
    // Answers are searched too, and LIKE wildcards are taken literally.
    expect((await h.methods.listSessions({ search: 'thinking mode' })).map((s) => s.id).sort()).toEqual(['A', 'B']);
    expect(await h.methods.listSessions({ search: '%' })).toEqual([]);
  });

  it('deleting a session removes the attachments nothing else uses, keeps shared ones and the ledger', async () => {
    const h = hosts.newHost(IDLE);
    const only = await h.attachments.put({ name: 'only.png', mime: 'image/png', bytes: await png('#ff0000') });
    const shared = await h.attachments.put({ name: 'shared.png', mime: 'image/png', bytes: await png('#00ff00') });
    await ask(h, 'A', 'one', [only.id, shared.id]);
    await ask(h, 'B', 'two', [shared.id]);
    await h.methods.deleteSession('A');
    expect(existsSync(h.attachments.pathOf(only.id))).toBe(false);
    expect(h.attachments.info(only.id)).toBeNull();
    expect(existsSync(h.attachments.pathOf(shared.id))).toBe(true);
    expect((await h.methods.getSession('B')).turns[0].attachments[0].id).toBe(shared.id);
    await expect(h.methods.getSession('A')).rejects.toThrow('no longer exists');
    expect((await h.methods.getTally({})).all.requests).toBe(2);
    await expect(h.methods.deleteSession('A')).rejects.toThrow('no longer exists');
  });

  it('exports Markdown with the images beside it in a zip, and JSON, with no key in either', async () => {
    const h = hosts.newHost(IDLE);
    const img = await h.attachments.put({ name: 'photo.png', mime: 'image/png', bytes: await png('#123456') });
    await ask(h, 'S', 'Describe: a/b "quoted"', [img.id]);
    await h.methods.renameSession({ id: 'S', title: 'Trip / photos' });

    const md = await h.methods.exportSession({ id: 'S', format: 'markdown' });
    expect(md).toMatchObject({ fileName: 'Trip-photos.zip', mime: 'application/zip' });
    const files = unzipSync(md.bytes);
    expect(Object.keys(files).sort()).toEqual(['Trip-photos/Trip-photos.md', 'Trip-photos/images/01-1-photo.png']);
    const text = new TextDecoder().decode(files['Trip-photos/Trip-photos.md']);
    expect(text).toContain('# Trip / photos');
    expect(text).toContain('![photo.png](images/01-1-photo.png)');
    expect(text).toContain('<details><summary>Reasoning</summary>');
    expect(text).toContain('Answer in thinking mode');
    expect(Buffer.from(files['Trip-photos/images/01-1-photo.png']).equals(Buffer.from(h.attachments.read(img.id).bytes))).toBe(
      true,
    );

    const json = await h.methods.exportSession({ id: 'S', format: 'json' });
    const doc = JSON.parse(new TextDecoder().decode(json.bytes));
    expect(doc).toMatchObject({ format: 'glimpse-session', session: { title: 'Trip / photos' } });
    expect(doc.turns[0]).toMatchObject({
      prompt: 'Describe: a/b "quoted"',
      provider: 'Fake',
      mode: 'thinking',
      attachments: [{ name: 'photo.png', sha256: img.id }],
    });
    for (const bytes of [json.bytes, files['Trip-photos/Trip-photos.md']]) {
      const s = new TextDecoder().decode(bytes);
      expect(s).not.toContain('secret-key-123');
      expect(s).not.toContain(hosts.fake.url);
    }
    await expect(h.methods.exportSession({ id: 'S', format: 'pdf' as 'json' })).rejects.toThrow('markdown or json');
  });

  it('a request without a session writes a ledger row but no session', async () => {
    const h = hosts.newHost(IDLE);
    const p = h.providers.save({ catalogId: 'custom', name: 'Mine', baseUrl: `${hosts.fake.url}/vllm`, model: 'glm-4.5v' });
    await h.chat.run(
      { providerId: p.id, thinking: false, prompt: 'x', attachments: [], history: [] },
      new AbortController(),
      () => {},
    );
    expect(await h.methods.listSessions()).toEqual([]);
    const t = await h.methods.getTally({});
    expect(t.all).toMatchObject({ requests: 1, unknown_cost_requests: 1 });
    expect(t.last).toMatchObject({ provider: 'Mine', mode: 'fast', cost_usd: null, cost_source: 'unknown', session_id: null });
  });
});
