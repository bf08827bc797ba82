/** Parses `glimpse compare`: ask's options (without --thinking) plus repeatable `--lane "key=value,..."`. */
import { MAX_LANES, MIN_LANES } from '../../shared/compare/lanes.ts';
import { MAX_BUDGET, MIN_BUDGET } from '../../shared/media/budget.ts';
import { HelpRequested, parseAsk, UsageError, type AskArgs, type ParseContext } from './args.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { laneParam } from './param-args.ts';

export const COMPARE_USAGE = `  glimpse compare [ask's options, without --thinking] [--lane "provider=ID,model=ID,thinking=on|off,budget=N,base-url=URL,temperature=N,..."]...
                  [--json] PROMPT`;

export const COMPARE_HELP = `Usage:
${COMPARE_USAGE}

Runs the same question in two to four lanes at once and says how they differ: time, tokens, cost, whether the
answers agree (else a word diff) and how their boxes overlap (IoU). Each lane is its own ledger row, all tied by
one compare group.

Lanes: without --lane, two lanes of the chosen provider and model: thinking on, then off. Each --lane adds one
lane (give ${MIN_LANES} to ${MAX_LANES}); its keys default to the run's options: provider, model, base-url, budget,
thinking (default on), and any parameter (temperature, top-p, top-k, max-tokens, seed, stop as a|b, system,
response-format) over the run's. A lane that names another provider does not take the run's --model, --base-url or
--api-key (those belong to the run's provider).

  --json   Print {"lanes": [ask's JSON plus "thinking", "provider", "model"], "verdict": {...}, "compare_group"}.

Exit status: 0 when every lane answered, 1 when any failed, 2 on a usage error, 130 when interrupted.`;

/** One lane as given on the command line; absent keys take the run's options. */
export interface LaneArg {
  provider?: string;
  model?: string;
  baseUrl?: string;
  thinking: boolean;
  budget?: number;
  /** Parameters this lane sets over the run's (`temperature=0`, `system=…`, `response-format=json`). */
  params?: SamplingParams;
}

export interface CompareArgs extends Omit<AskArgs, 'thinking' | 'boxesOut'> {
  /** Empty: the default pair (thinking on vs off). */
  lanes: LaneArg[];
}

const LANE_KEYS = ['provider', 'model', 'thinking', 'budget', 'base-url'];

/** Parses one `--lane` value: comma-separated key=value pairs. */
export function parseLane(spec: string): LaneArg {
  const lane: LaneArg = { thinking: true };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    const param = LANE_KEYS.includes(key) ? null : value ? laneParam(key, value) : null;
    if (param) {
      lane.params = { ...(lane.params ?? {}), ...param };
      continue;
    }
    if (!LANE_KEYS.includes(key))
      throw new UsageError(
        `--lane: unknown key “${key}” (use ${LANE_KEYS.join(', ')}, or a parameter: temperature, top-p, top-k, max-tokens, seed, stop, system, response-format).`,
      );
    if (!value) throw new UsageError(`--lane: ${key} needs a value, e.g. ${key}=…`);
    if (key === 'provider') lane.provider = value;
    else if (key === 'model') lane.model = value;
    else if (key === 'base-url') {
      const url = value.replace(/\/+$/, '');
      if (!/^https?:\/\/\S+$/i.test(url)) throw new UsageError('--lane: base-url must start with http:// or https://.');
      lane.baseUrl = url;
    } else if (key === 'thinking') {
      if (value !== 'on' && value !== 'off') throw new UsageError('--lane: thinking takes on or off.');
      lane.thinking = value === 'on';
    } else {
      const n = Number(value);
      if (!Number.isFinite(n) || n < MIN_BUDGET || n > MAX_BUDGET)
        throw new UsageError(`--lane: budget takes ${MIN_BUDGET} to ${MAX_BUDGET} visual tokens per image.`);
      lane.budget = n;
    }
  }
  return lane;
}

export function parseCompare(argv: string[], ctx?: ParseContext): CompareArgs {
  const lanes: LaneArg[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lane') {
      if (i + 1 >= argv.length) throw new UsageError('--lane needs a value, e.g. --lane "provider=openrouter,thinking=off".');
      lanes.push(parseLane(argv[++i]));
    } else if (a.startsWith('--lane=')) lanes.push(parseLane(a.slice(7)));
    else if (a === '--thinking' || a.startsWith('--thinking='))
      throw new UsageError('compare sets thinking per lane: use --lane "thinking=off" (default: one lane on, one off).');
    else if (a === '--boxes-out' || a.startsWith('--boxes-out='))
      throw new UsageError('--boxes-out belongs to ask; compare reports box overlap in its verdict.');
    else if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    } else rest.push(a);
  }
  if (lanes.length > 0 && (lanes.length < MIN_LANES || lanes.length > MAX_LANES)) {
    throw new UsageError(`Give ${MIN_LANES} to ${MAX_LANES} --lane options (or none, for thinking on vs off).`);
  }
  let ask: AskArgs;
  try {
    ask = parseAsk(rest, ctx);
  } catch (e) {
    if (e instanceof HelpRequested) throw new HelpRequested(COMPARE_HELP);
    throw e;
  }
  if (ask.printRequest) throw new UsageError('--print-request belongs to ask (one request); compare sends one per lane.');
  const { thinking: _t, boxesOut: _b, ...base } = ask;
  return { ...base, lanes };
}
