/**
 * The parameters panel (issue #10): the system prompt and sampling parameters the next request is sent with,
 * remembered as the last used (a new session starts from them) and taken from a reopened session's last exchange;
 * and named presets, kept in the window's storage and exported or imported as JSON.
 */
import type { StateCreator } from 'zustand';
import { failureText } from '../model/failure.ts';
import { cleanParams, type ParamPreset, PresetsFileError, parsePresets, presetsJson } from '../model/presets.ts';
import { downloadFile } from '../platform/download.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import type { StoreDeps } from './deps.ts';
import type { ParamsSlice, State } from './state.ts';

const LAST = 'glimpse.params';
const PRESETS = 'glimpse.presets';

function readJson(storage: StoreDeps['storage'], key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** Drops keys set to undefined (back to the provider default) and empty stop lists. */
function tidy(p: SamplingParams): SamplingParams {
  const out = { ...p };
  for (const k of Object.keys(out) as (keyof SamplingParams)[]) if (out[k] === undefined) delete out[k];
  if (out.stop && out.stop.length === 0) delete out.stop;
  if (out.system !== undefined && !out.system.trim()) delete out.system;
  return out;
}

export const createParamsSlice =
  ({ bridge, storage }: StoreDeps): StateCreator<State, [], [], ParamsSlice> =>
  (set, get) => {
    const storedPresets = readJson(storage, PRESETS);
    let presets: ParamPreset[] = [];
    try {
      presets = parsePresets(JSON.stringify(storedPresets), 'the saved presets');
    } catch {
      // Nothing saved yet, or storage from another version: start with none.
    }
    const remember = (params: SamplingParams) => storage.setItem(LAST, JSON.stringify(params));
    return {
      params: cleanParams(readJson(storage, LAST)),
      presets,
      presetsError: null,
      paramErrors: {},
      setParamError(field, message) {
        const { [field]: _, ...rest } = get().paramErrors;
        if (message === null && !(field in get().paramErrors)) return;
        set({ paramErrors: message === null ? rest : { ...rest, [field]: message } });
      },
      setParams(patch) {
        const params = tidy({ ...get().params, ...patch });
        set({ params });
        remember(params);
      },
      replaceParams(params) {
        set({ params: tidy(params) });
        remember(get().params);
      },
      savePreset(name) {
        const clean = name.trim().slice(0, 80);
        if (!clean) return;
        const list = [...get().presets.filter((p) => p.name !== clean), { name: clean, params: get().params }];
        set({ presets: list, presetsError: null });
        storage.setItem(PRESETS, presetsJson(list));
      },
      applyPreset(name) {
        const p = get().presets.find((x) => x.name === name);
        if (p) get().replaceParams(p.params);
      },
      deletePreset(name) {
        const list = get().presets.filter((p) => p.name !== name);
        set({ presets: list });
        storage.setItem(PRESETS, presetsJson(list));
      },
      exportPresets() {
        downloadFile('glimpse-presets.json', 'application/json', new TextEncoder().encode(presetsJson(get().presets)));
      },
      async importPresets(file) {
        try {
          const incoming = parsePresets(await file.text(), file.name);
          const names = new Set(incoming.map((p) => p.name));
          const list = [...get().presets.filter((p) => !names.has(p.name)), ...incoming];
          set({ presets: list, presetsError: null });
          storage.setItem(PRESETS, presetsJson(list));
        } catch (e) {
          set({
            presetsError:
              e instanceof PresetsFileError
                ? e.problem
                : { code: 'unreadable', file: file.name, message: e instanceof Error ? e.message : String(e) },
          });
        }
      },
      async checkSchema(schema) {
        try {
          return (await bridge.checkJsonSchema(schema)).problems;
        } catch (e) {
          return [failureText(e)];
        }
      },
    };
  };
