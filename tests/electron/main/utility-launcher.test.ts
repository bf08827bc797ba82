import { fork } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { DecodePool } from '../../../electron/host/media/decode-pool.ts';
import { SchemaGuard } from '../../../electron/host/params/schema-guard.ts';
import { utilityLauncher, type UtilityProcessApi } from '../../../electron/main/utility-launcher.ts';

const shim = join(import.meta.dirname, 'parent-port-shim.mjs');
const forked: string[] = [];

/** Electron's utilityProcess, stood in by a Node child that talks only through `process.parentPort`. */
const fakeUtility: UtilityProcessApi = {
  fork(modulePath, _args, options) {
    forked.push(`${options?.serviceName}: ${modulePath} ${options?.execArgv?.join(' ')}`);
    const child = fork(modulePath, [], {
      execArgv: ['--experimental-strip-types', '--no-warnings', '--import', shim],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return {
      get pid() {
        return child.pid;
      },
      postMessage: (m: unknown) => void child.send(m as never),
      on: (event: 'message' | 'exit', listener: (x: unknown) => void) =>
        event === 'message'
          ? child.on('message', (m) => listener(m))
          : child.on('exit', (code, signal) => listener(code ?? (signal ? 1 : 0))),
      kill: () => child.kill(),
    } as ReturnType<UtilityProcessApi['fork']>;
  },
};

let pool: DecodePool;
let guard: SchemaGuard;
afterEach(async () => {
  pool?.close();
  await guard?.close();
  forked.length = 0;
});

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#3b6fd8' } })
    .png()
    .toBuffer();

it('decodes in a utility process that speaks through parentPort, and replaces it when it dies', async () => {
  pool = new DecodePool({ launcher: utilityLauncher(fakeUtility) });
  expect(await pool.probe(new Uint8Array(await png(640, 480)))).toMatchObject({ width: 640, height: 480 });
  expect(forked).toEqual([
    `Glimpse image decoder: ${join(process.cwd(), 'electron/host/media/decode-child.ts')} --max-semi-space-size=4`,
  ]);

  // A native crash in the decoder ends only the utility process: the job in flight fails, the next one gets a new child.
  // The signal goes first, in the same tick as the job: the pool cannot have seen the exit yet, so the job is
  // in flight on a dying child. Sent the other way round, a quiet machine's child answered a header probe
  // before the signal landed, and the test raced.
  const pid = pool.pid!;
  const big = new Uint8Array(await png(4000, 3000));
  process.kill(pid, 'SIGSEGV');
  const pending = pool.probe(big);
  await expect(pending).rejects.toThrow(/crash/);
  expect(await pool.probe(new Uint8Array(await png(32, 8)))).toMatchObject({ width: 32, height: 8 });
  expect(pool.spawned).toBe(2);
});

it('checks JSON Schemas in a utility process with its heap limit', async () => {
  guard = new SchemaGuard({ launcher: utilityLauncher(fakeUtility) });
  const schema = { type: 'object', required: ['total'], properties: { total: { type: 'number' } } };
  expect(await guard.validate(schema, '{"total": 10.5}')).toEqual({ valid: true, errors: [], value: { total: 10.5 } });
  expect(await guard.validate(schema, '{}')).toEqual({
    valid: false,
    errors: ["(the whole answer) must have required property 'total'"],
    value: {},
  });
  expect(forked).toEqual([
    `Glimpse schema checker: ${join(process.cwd(), 'electron/host/params/schema-child.ts')} --max-old-space-size=256`,
  ]);
});
