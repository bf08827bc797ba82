import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BadInputError } from '../../../electron/host/bad-input.ts';
import { vetAnswerSchema, compileAnswerSchema } from '../../../electron/host/batch/answer-schema.ts';
import { SchemaGuard } from '../../../electron/host/params/schema-guard.ts';
import { MAX_SCHEMA_DEPTH } from '../../../electron/host/params/schema-safety.ts';
import { hostText } from '../../../renderer/i18n/host-text.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

const guard = new SchemaGuard();
afterAll(() => guard.close());

/**
 * Runs `fn` and counts how often the main thread got to run a timer meanwhile (a blocked host counts ~0), and the
 * processor time this thread spent: wall time on a loaded machine measures the scheduler, not the code.
 */
async function whileResponsive<T>(fn: () => Promise<T>): Promise<{ value: T; ticks: number; ms: number; cpuMs: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const c0 = process.threadCpuUsage();
  const t0 = Date.now();
  try {
    const value = await fn();
    const c = process.threadCpuUsage(c0);
    return { value, ticks, ms: Date.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

describe('a hostile JSON Schema cannot hang the host', () => {
  it('refuses a 10 MB schema before compiling it, naming its size', async () => {
    const big = { type: 'object', description: 'x'.repeat(10 * 1024 * 1024) };
    const { value, cpuMs } = await whileResponsive(() => guard.problems(big));
    // A message code the window words in its language; the CLI reads its English.
    expect(value).toEqual([hostMessage('schema.too-big', { kb: 10241, max: 256 })]);
    expect(hostText(value[0], 'en')).toBe('The schema is 10241 KB; at most 256 KB is accepted.');
    expect(hostText(value[0], 'zh-CN')).toBe('此 schema 大小为 10241 KB；最多接受 256 KB。');
    expect(cpuMs).toBeLessThan(2_000);
  });

  it('refuses a schema nested far too deep, without overflowing the stack', async () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'object', properties: { a: deep } };
    const tooDeep = hostMessage('schema.too-deep', { max: MAX_SCHEMA_DEPTH });
    expect(await guard.problems(deep)).toEqual([tooDeep]);
    expect(tooDeep.message).toBe(`The schema nests more than ${MAX_SCHEMA_DEPTH} levels deep; that is the most accepted.`);
    const answer = await guard.validate(deep, '{}');
    expect(answer).toEqual({ valid: false, errors: [tooDeep] });
  });

  it('matches a catastrophic pattern against a long answer in linear time (RE2), with the right verdict', async () => {
    const schema = { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } };
    const answer = JSON.stringify({ s: `${'a'.repeat(50_000)}!` });
    const { value, ticks } = await whileResponsive(() => guard.validate(schema, answer));
    expect(value.valid).toBe(false);
    expect(value.errors).toEqual(['/s must match pattern "^(a+)+$"']);
    expect(ticks).toBeGreaterThan(0);
    expect((await guard.validate(schema, JSON.stringify({ s: 'a'.repeat(50_000) }))).valid).toBe(true);
  });

  it('compiles a chain of $refs without inlining them, and stops one whose check doubles at every link', async () => {
    const chain = (links: number) => {
      const defs: Record<string, unknown> = { [`d${links}`]: { type: 'string' } };
      for (let i = 0; i < links; i++)
        defs[`d${i}`] = { allOf: [{ $ref: `#/definitions/d${i + 1}` }, { $ref: `#/definitions/d${i + 1}` }] };
      return { definitions: defs, $ref: '#/definitions/d0' };
    };
    // Inlined, 10 links would be 1,024 copies of the leaf; referenced, it is 11 small functions.
    expect(await guard.validate(chain(10), '"fine"')).toEqual({ valid: true, errors: [], value: 'fine' });
    // 40 links: 2^40 checks of one string. Stopped at the deadline, or, on a machine fast enough to grow the
    // checker's heap past 256 MB first, by V8 ending the checker's process; either way the host ran its timers
    // all along and lives.
    const { value, ticks } = await whileResponsive(() => guard.validate(chain(40), '"fine"'));
    expect(value.valid).toBe(false);
    const slow = hostMessage('schema.too-slow', { seconds: 3 });
    const big = hostMessage('schema.too-much-memory', { mb: 256 });
    expect([[slow], [big]]).toContainEqual(value.errors);
    expect(hostText(value.errors[0], 'zh-CN')).toMatch(/^按此 schema 检查超过 3 秒|256 MB/);
    expect(ticks).toBeGreaterThan(20);
    const tree = {
      definitions: { node: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/definitions/node' } } } } },
      $ref: '#/definitions/node',
    };
    let data: unknown = { kids: [] };
    for (let i = 0; i < 50; i++) data = { kids: [data] };
    // The guard started a fresh checker after the last one ended.
    expect((await guard.validate(tree, JSON.stringify(data))).valid).toBe(true);
  });

  it('refuses a pattern RE2 cannot run (lookaround), naming it', async () => {
    const [problem] = await guard.problems({ type: 'string', pattern: '^(?=a)a+$' });
    expect(problem).toMatch(/the pattern "\^\(\?=a\)a\+\$" cannot be matched safely/);
  });

  it('stops a check that runs past its deadline, says so, and keeps the host responsive', async () => {
    const stuck = new SchemaGuard({
      deadlineMs: 500,
      entry: {
        file: fileURLToPath(new URL('../../fixtures/stuck-schema-child.mjs', import.meta.url)),
        execArgv: [],
        name: 'stuck',
      },
    });
    try {
      const { value, ticks, ms } = await whileResponsive(() => stuck.problems({ type: 'string' }));
      expect(value).toEqual([hostMessage('schema.too-slow', { seconds: 0.5 })]);
      expect(ms).toBeGreaterThanOrEqual(450);
      expect(ticks).toBeGreaterThan(10);
      // The next job gets a fresh worker (stuck again here) and its own deadline, not the dead one.
      const again = await stuck.validate({ type: 'string' }, '"x"');
      expect(again.valid).toBe(false);
      expect(again.errors).toEqual([hostMessage('schema.too-slow', { seconds: 0.5 })]);
    } finally {
      await stuck.close();
    }
  });

  it('says a check ran out of memory when it reaches its heap limit, and the host lives on', async () => {
    const hungry = new SchemaGuard({
      entry: {
        file: fileURLToPath(new URL('../../fixtures/hungry-schema-child.mjs', import.meta.url)),
        execArgv: ['--max-old-space-size=48'],
        name: 'hungry',
        quiet: true,
      },
    });
    try {
      const { value, ticks } = await whileResponsive(() => hungry.validate({ type: 'string' }, '"x"'));
      // V8 ended the checker's process, not this one; its message names the guard's own limit.
      expect(value).toEqual({ valid: false, errors: [hostMessage('schema.too-much-memory', { mb: 256 })] });
      expect(ticks).toBeGreaterThan(0);
    } finally {
      await hungry.close();
    }
  });

  it('vets a batch schema the way the batch compiles it (2020-12, formats) and refuses a hostile one', async () => {
    const ok = JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { date: { type: 'string', format: 'date' } },
    });
    await expect(vetAnswerSchema('receipt.schema.json', ok)).resolves.toBeUndefined();
    expect(compileAnswerSchema('receipt.schema.json', ok).check('{"date":"2026-11-30"}').valid).toBe(true);
    await expect(vetAnswerSchema('evil.json', JSON.stringify({ pattern: '(?<=a)b' }))).rejects.toThrow(
      /evil\.json is not a valid JSON Schema: .*cannot be matched safely/,
    );
    const huge = vetAnswerSchema('huge.json', JSON.stringify({ description: 'x'.repeat(300_000) }));
    await expect(huge).rejects.toThrow('huge.json is refused: the schema is 293 KB; at most 256 KB is accepted.');
    // Said in the window's language too: a code naming the file, not an English sentence around one.
    const refusal = await huge.then(
      () => null,
      (e: BadInputError) => e.text,
    );
    expect(hostText(refusal, 'zh-CN')).toBe('huge.json 被拒绝：此 schema 大小为 293 KB；最多接受 256 KB。');
    const defs: Record<string, unknown> = { d40: { type: 'string' } };
    for (let i = 0; i < 40; i++) defs[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
    // Compiles in milliseconds, but checking any answer would not end: refused before the batch starts.
    await expect(vetAnswerSchema('chain.json', JSON.stringify({ $defs: defs, $ref: '#/$defs/d0' }))).rejects.toThrow(
      // Stopped at the deadline, or at the checker's heap limit if its error list fills that first.
      /took longer than 3 s and was stopped|needed more than 256 MB of memory and was stopped/,
    );
    const slow = compileAnswerSchema('p.json', JSON.stringify({ type: 'string', pattern: '^(a+)+$' }));
    expect(slow.check(JSON.stringify(`${'a'.repeat(30_000)}!`)).valid).toBe(false);
  });
});
