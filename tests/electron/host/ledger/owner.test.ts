/**
 * Start-up recovery must see through a zombie: a process that died but was never reaped still answers
 * `kill(pid, 0)`, yet it streams nothing. Its rows must become `incomplete` at the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestMeta } from '../../../../electron/host/chat-service.ts';
import { isOwnerAlive, ownStart, processState } from '../../../../electron/host/ledger/owner.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-owner-');
const parents: ChildProcess[] = [];
afterEach(() => {
  // Ending the non-reaping parent hands the zombie to init, which reaps it.
  for (const p of parents.splice(0)) p.kill('SIGKILL');
});

/** Resolves once `check` holds, re-checking on each turn of the event loop (no fixed sleep). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setImmediate(r));
}

/**
 * A zombie: `sh` starts a child in the background, prints its pid and becomes `sleep` (exec), which never waits
 * for children; killing the child leaves it unreaped. Returns its pid and the start time it had while alive.
 */
async function makeZombie(): Promise<{ pid: number; started: string }> {
  const parent = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600'], { stdio: ['ignore', 'pipe', 'ignore'] });
  parents.push(parent);
  const pid = await new Promise<number>((resolve) => {
    let out = '';
    parent.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
  });
  const started = processState(pid)!.started;
  // Kill the child only once `sh` has become `sleep`: until then `sh` itself may reap it, and no zombie is left
  // (on a loaded machine the exec can come well after the echo).
  await until(() => readFileSync(`/proc/${parent.pid}/comm`, 'utf8').trim() === 'sleep');
  process.kill(pid, 'SIGKILL');
  await until(() => processState(pid)?.state === 'Z');
  return { pid, started };
}

describe.runIf(process.platform === 'linux')('owner liveness', () => {
  it('says this process is alive, a zombie is not, and a reused pid (another start time) is not', async () => {
    expect(isOwnerAlive(process.pid, ownStart())).toBe(true);
    expect(isOwnerAlive(process.pid, `${ownStart()}0`)).toBe(false);
    const zombie = await makeZombie();
    // What the old check relied on: the zombie still answers signal 0.
    expect(() => process.kill(zombie.pid, 0)).not.toThrow();
    expect(isOwnerAlive(zombie.pid, zombie.started)).toBe(false);
  });

  it('marks the ledger row and the session message of a zombie owner incomplete at the next start', async () => {
    let h = hosts.newHost();
    const meta: RequestMeta = {
      requestId: 'req-zombie',
      request: { providerId: 'zai', thinking: true, prompt: 'Read this', attachments: [], history: [], sessionId: 'S-zombie' },
      providerId: 'zai',
      catalogId: 'zai',
      model: 'glm-4.5v',
    };
    for (const o of h.records.observers) {
      o.onEvent(meta, {
        type: 'start',
        provider: 'zai',
        model: 'glm-4.5v',
        thinking: true,
        startedAt: Date.now(),
        estimate: { prompt_tokens: 100, usd: null },
        price: null,
      });
    }
    const zombie = await makeZombie();
    // As if the zombie had written these rows while it was alive.
    h.db
      .prepare('UPDATE ledger SET owner_pid = ?, owner_started = ? WHERE request_id = ?')
      .run(zombie.pid, zombie.started, 'req-zombie');

    h = hosts.reopen();
    expect(h.records.recovered.ledgerRows).toHaveLength(1);
    expect(h.records.recovered.messages).toHaveLength(1);
    const tally = await h.methods.getTally({ sessionId: 'S-zombie' });
    expect(tally.last).toMatchObject({ request_id: 'req-zombie', status: 'incomplete' });
    const session = await h.methods.getSession('S-zombie');
    expect(session.turns[0].status).toBe('incomplete');
  });

  it('leaves the rows of a live owner streaming', async () => {
    let h = hosts.newHost();
    const meta: RequestMeta = {
      requestId: 'req-live',
      request: { providerId: 'zai', thinking: false, prompt: 'x', attachments: [], history: [], sessionId: 'S-live' },
      providerId: 'zai',
      catalogId: 'zai',
      model: 'glm-4.5v',
    };
    for (const o of h.records.observers)
      o.onEvent(meta, {
        type: 'start',
        provider: 'zai',
        model: 'glm-4.5v',
        thinking: false,
        startedAt: Date.now(),
        estimate: { prompt_tokens: 1, usd: null },
        price: null,
      });
    const live = parents[parents.push(spawn('sleep', ['600'], { stdio: 'ignore' })) - 1];
    await until(() => processState(live.pid!) !== null);
    h.db
      .prepare('UPDATE ledger SET owner_pid = ?, owner_started = ? WHERE request_id = ?')
      .run(live.pid!, processState(live.pid!)!.started, 'req-live');
    h = hosts.reopen();
    expect(h.records.recovered.ledgerRows).toEqual([]);
    expect((await h.methods.getTally({ sessionId: 'S-live' })).last?.status).toBe('streaming');
  });
});
