/**
 * Named presets (a system prompt plus parameters), saved, picked, exported and imported as JSON. Import reads
 * untrusted text: only the known fields of each preset survive, each checked for its type.
 */
import { NUMERIC_KEYS, type SamplingParams } from '../../shared/params/types.ts';

export interface ParamPreset {
  name: string;
  params: SamplingParams;
}

export const PRESETS_FORMAT = 'glimpse-presets';

export function presetsJson(presets: readonly ParamPreset[]): string {
  return JSON.stringify({ format: PRESETS_FORMAT, version: 1, presets }, null, 2);
}

/** What is wrong with a presets file, as data: the window words it in its own language, naming the file. */
export type PresetsProblem =
  | { code: 'not-json' | 'not-presets'; file: string }
  | { code: 'no-name'; file: string; n: number }
  | { code: 'unreadable'; file: string; message: string };

/** A presets file refused; `message` is the English, `problem` the same as data. */
export class PresetsFileError extends Error {
  readonly problem: PresetsProblem;
  constructor(message: string, problem: PresetsProblem) {
    super(message);
    this.problem = problem;
    this.name = 'PresetsFileError';
  }
}

/** Presets from an exported file; throws a PresetsFileError saying what is wrong, naming the file. */
export function parsePresets(text: string, fileName: string): ParamPreset[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PresetsFileError(`${fileName} is not JSON.`, { code: 'not-json', file: fileName });
  }
  const list = (data as { presets?: unknown })?.presets;
  if ((data as { format?: unknown })?.format !== PRESETS_FORMAT || !Array.isArray(list))
    throw new PresetsFileError(`${fileName} is not a Glimpse presets file.`, { code: 'not-presets', file: fileName });
  return list.map((p: unknown, i) => {
    const o = (p ?? {}) as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name.trim().slice(0, 80) : '';
    if (!name)
      throw new PresetsFileError(`${fileName}: preset ${i + 1} has no name.`, { code: 'no-name', file: fileName, n: i + 1 });
    return { name, params: cleanParams(o.params) };
  });
}

/** The known parameter fields of an untrusted object, each of the right type; the rest is dropped. */
export function cleanParams(raw: unknown): SamplingParams {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: SamplingParams = {};
  if (typeof o.system === 'string') out.system = o.system;
  for (const k of NUMERIC_KEYS) if (typeof o[k] === 'number' && Number.isFinite(o[k])) out[k] = o[k] as number;
  if (Array.isArray(o.stop)) out.stop = o.stop.filter((s): s is string => typeof s === 'string').slice(0, 4);
  if (typeof o.do_sample === 'boolean') out.do_sample = o.do_sample;
  if (o.reasoning_effort === 'low' || o.reasoning_effort === 'medium' || o.reasoning_effort === 'high')
    out.reasoning_effort = o.reasoning_effort;
  const f = o.response_format as Record<string, unknown> | undefined;
  if (f?.type === 'json_object' || f?.type === 'text') out.response_format = { type: f.type };
  if (f?.type === 'json_schema' && f.schema && typeof f.schema === 'object' && !Array.isArray(f.schema))
    out.response_format = {
      type: 'json_schema',
      name: typeof f.name === 'string' && f.name ? f.name.slice(0, 64) : 'answer',
      schema: f.schema as Record<string, unknown>,
    };
  return out;
}
