/**
 * `glimpse compare`: one question in two to four lanes at once (default: thinking on vs off), through the same
 * host services as the app. Each lane is its own request and ledger row, tied by one compare group; lanes are
 * independent (one failing does not stop the others). Prints each lane's answer and the verdict, or one JSON object.
 */
import { randomUUID } from 'node:crypto';
import { laneLabels, type LaneSpec } from '../../shared/compare/lanes.ts';
import { computeVerdict } from '../../shared/compare/verdict.ts';
import { makeError } from '../../shared/engine/errors.ts';
import type { ChatResult } from '../../shared/engine/types.ts';
import { emptyFailedResult } from '../../shared/engine/result.ts';
import { BadInputError } from '../host/bad-input.ts';
import { startHost } from '../host/startup.ts';
import type { Io } from './ask.ts';
import { addCliProvider, catalogIdOf, collectAttachments, type CliProvider } from './cli-inputs.ts';
import type { CompareArgs, LaneArg } from './compare-args.ts';
import { cliJson, summaryLine } from './json-result.ts';
import { paramChips } from '../../shared/params/chips.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';
import { checkCliParams } from './param-args.ts';

/** A lane's parameters over the run's; a lane key set to undefined (response-format=text) drops the run's. */
function mergeParams(run: SamplingParams, lane: SamplingParams = {}): SamplingParams {
  const out: SamplingParams = { ...run, ...lane };
  for (const k of Object.keys(out) as (keyof SamplingParams)[]) if (out[k] === undefined) delete out[k];
  return out;
}

const badInput = (message: string): ChatResult => emptyFailedResult(makeError('bad-input', message));

/** A lane's provider choice: the run's options, unless the lane names another provider (then only its own). */
function choiceFor(args: CompareArgs, lane: LaneArg) {
  const own = lane.provider !== undefined && lane.provider !== (args.provider ?? (args.baseUrl ? 'custom' : 'zai'));
  return {
    provider: lane.provider ?? args.provider,
    baseUrl: lane.baseUrl ?? (own ? null : args.baseUrl),
    model: lane.model ?? (own ? null : args.model),
    apiKey: own ? null : args.apiKey,
  };
}

export async function compare(
  args: CompareArgs,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal,
): Promise<number> {
  const laneArgs: LaneArg[] = args.lanes.length ? args.lanes : [{ thinking: true }, { thinking: false }];
  for (const l of laneArgs) catalogIdOf(choiceFor(args, l));
  const { host, keys } = startHost({ shell: 'cli', door: null, dataDir: args.dataDir, idleTimeoutS: args.idleTimeoutS, env });
  try {
    const providers: CliProvider[] = laneArgs.map((l, i) => addCliProvider(host, keys, choiceFor(args, l), `-lane${i + 1}`));
    const specs: LaneSpec[] = laneArgs.map((l, i) => ({
      providerId: `${providers[i].catalogId}|${choiceFor(args, l).baseUrl ?? ''}`,
      providerName: providers[i].name,
      model: providers[i].model,
      thinking: l.thinking,
      budget: l.budget ?? args.budget ?? undefined,
    }));
    const labels = laneLabels(specs);
    // Each lane's parameters: the run's, with the lane's own on top; checked for its provider before anything runs.
    const laneParams = laneArgs.map((l) => mergeParams(args.params, l.params));
    for (const [i, p] of laneParams.entries()) checkCliParams(catalogEntry(providers[i].catalogId).params, providers[i].model, p);
    const differs = laneParams.map((p) => paramChips(p).filter((c) => !laneParams.every((q) => paramChips(q).includes(c))));
    const compareGroup = randomUUID();
    let results: ChatResult[];
    try {
      const attachments = await collectAttachments(host, args);
      // Every lane at once, each with its own controller: Ctrl+C stops all, a failing lane stops only itself.
      results = await Promise.all(
        laneArgs.map((l, i) => {
          const ctrl = new AbortController();
          signal?.addEventListener('abort', () => ctrl.abort(), { once: true });
          return host.chat.run(
            {
              providerId: providers[i].providerId,
              model: providers[i].model,
              thinking: l.thinking,
              prompt: args.prompt,
              attachments,
              history: [],
              budget: specs[i].budget,
              compareGroup,
              ...(Object.keys(laneParams[i]).length > 0 ? { params: laneParams[i] } : {}),
            },
            ctrl,
            () => {},
          );
        }),
      );
    } catch (e) {
      if (!(e instanceof BadInputError)) throw e;
      results = laneArgs.map(() => badInput(e.message));
    }
    const verdict = computeVerdict(results.map((result, i) => ({ label: labels[i], result })));
    if (args.json) {
      const lanes = results.map((r, i) => ({
        ...cliJson(r),
        thinking: laneArgs[i].thinking,
        provider: providers[i].catalogId,
        model: providers[i].model,
        label: labels[i],
        params: laneParams[i],
      }));
      io.out(`${JSON.stringify({ compare_group: compareGroup, lanes, verdict })}\n`, 'json');
    } else {
      results.forEach((r, i) => {
        io.out(
          `== Lane ${i + 1}: ${labels[i]} (${providers[i].name} · ${providers[i].model} · ${laneArgs[i].thinking ? 'thinking' : 'fast'}${differs[i].length ? ` · ${differs[i].join(' · ')}` : ''}) ==\n`,
        );
        if (r.answer) io.out(`${cliJson(r).answer.trim()}\n`);
        if (r.error) io.err(`lane ${i + 1} error (${r.error.kind}): ${r.error.message}\n`);
        io.err(`lane ${i + 1}: ${summaryLine(r)}\n`);
        io.out('\n');
      });
      io.out(
        `== Verdict ==\n${verdict.summary.length ? verdict.summary.map((s) => `- ${s}`).join('\n') : '- Fewer than two lanes answered: nothing to compare.'}\n`,
      );
    }
    if (results.some((r) => r.error?.kind === 'cancelled')) return 130;
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    host.close();
  }
}
