/**
 * A compare through the host (two lanes started with ChatService.start, one compare group), then the person's
 * mark: stored on the group's ledger rows, read back for a reopened session, and counted per mode in the report.
 */
import { describe, expect, it } from 'vitest';
import type { ChatEventEnvelope } from '../../../../shared/bridge/chat.ts';
import type { Host } from '../../../../electron/host/host.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-compare-');
let host: Host;

/** Starts lanes the way the renderer does and resolves when every one has ended. */
async function runCompare(group: string, lanes: { path: string; thinking: boolean }[]) {
  const ended = new Map<string, ChatEventEnvelope>();
  const ids: string[] = [];
  const done = new Promise<void>((resolve) => {
    host.subscribe((e) => {
      if (e.channel !== 'chat' || e.event.type !== 'end') return;
      ended.set(e.requestId, e);
      if (ids.length === lanes.length && ids.every((id) => ended.has(id))) resolve();
    });
  });
  for (const l of lanes) {
    const p = host.providers.save({
      catalogId: 'custom',
      name: `Fake ${l.path}`,
      baseUrl: `${hosts.fake.url}/${l.path}`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const { requestId } = await host.methods.startChat({
      providerId: p.id,
      thinking: l.thinking,
      prompt: 'Which?',
      attachments: [],
      history: [],
      compareGroup: group,
      sessionId: 'sess-1',
    });
    ids.push(requestId);
  }
  await done;
  return ids;
}

describe('compare marks', () => {
  it('stores the better lane on the group, reads it back, and counts it per mode', async () => {
    host = hosts.newHost();
    const [thinking, fast] = await runCompare('g1', [
      { path: 'zai', thinking: true },
      { path: 'zai', thinking: false },
    ]);
    const [, broken] = await runCompare('g2', [
      { path: 'zai', thinking: true },
      { path: 'zai/500', thinking: false },
    ]);
    const rows = () =>
      host.db.prepare('SELECT request_id, compare_group, preferred, status FROM ledger ORDER BY started_at').all() as {
        request_id: string;
        compare_group: string;
        preferred: number | null;
        status: string;
      }[];
    expect(rows().map((r) => r.compare_group)).toEqual(['g1', 'g1', 'g2', 'g2']);
    expect(rows().find((r) => r.request_id === broken)!.status).toBe('error');

    await host.methods.markPreferred({ compareGroup: 'g1', requestId: fast });
    expect(
      rows()
        .filter((r) => r.compare_group === 'g1')
        .map((r) => [r.request_id, r.preferred]),
    ).toEqual(
      expect.arrayContaining([
        [thinking, 0],
        [fast, 1],
      ]),
    );
    expect(
      rows()
        .filter((r) => r.compare_group === 'g2')
        .every((r) => r.preferred === null),
    ).toBe(true);
    // The rollup the usage view reads is untouched by a mark (the update trigger subtracts and adds the same row).
    expect((await host.methods.getUsage({})).totals.requests).toBe(4);

    let report = await host.methods.getUsage({});
    expect(report.modes.map((m) => [m.mode, m.preferred, m.marked_compares])).toEqual([
      ['thinking', 0, 1],
      ['fast', 1, 1],
    ]);
    await host.methods.markPreferred({ compareGroup: 'g1', requestId: thinking });
    report = await host.methods.getUsage({});
    expect(report.modes.map((m) => m.preferred)).toEqual([1, 0]);

    const info = await host.methods.getCompareInfo([thinking, fast, broken, 'not-a-request']);
    expect(info.groupOf).toEqual({ [thinking]: 'g1', [fast]: 'g1', [broken]: 'g2' });
    expect(info.preferred).toEqual({ g1: thinking });

    await host.methods.markPreferred({ compareGroup: 'g1', requestId: null });
    expect(
      rows()
        .filter((r) => r.compare_group === 'g1')
        .every((r) => r.preferred === null),
    ).toBe(true);
    expect((await host.methods.getUsage({})).modes.map((m) => m.marked_compares)).toEqual([0, 0]);
  });

  it('refuses a mark for an unknown group or a request outside it, with a message', async () => {
    host = hosts.newHost();
    await expect(host.methods.markPreferred({ compareGroup: 'nope', requestId: null })).rejects.toThrow('not in the ledger');
    await runCompare('g1', [
      { path: 'zai', thinking: true },
      { path: 'zai', thinking: false },
    ]);
    await expect(host.methods.markPreferred({ compareGroup: 'g1', requestId: 'someone-else' })).rejects.toThrow(
      'not part of this compare',
    );
  });
});
