import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';

/** Named presets (a system prompt plus parameters): pick, save the current ones under a name, export, import. */
export function PresetBar() {
  const names = useStore(useShallow((s) => s.presets.map((p) => p.name)));
  const error = useStore((s) => s.presetsError);
  const { applyPreset, savePreset, deletePreset, exportPresets, importPresets } = useStore(
    useShallow((s) => ({
      applyPreset: s.applyPreset,
      savePreset: s.savePreset,
      deletePreset: s.deletePreset,
      exportPresets: s.exportPresets,
      importPresets: s.importPresets,
    })),
  );
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="preset-bar">
      <select
        aria-label="Preset"
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value);
          if (e.target.value) applyPreset(e.target.value);
        }}
      >
        <option value="">Presets…</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {picked && (
        <button
          type="button"
          className="link"
          onClick={() => {
            deletePreset(picked);
            setPicked('');
          }}
        >
          Delete preset
        </button>
      )}
      <input aria-label="Preset name" placeholder="Name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        disabled={!name.trim()}
        onClick={() => {
          savePreset(name);
          setPicked(name.trim());
          setName('');
        }}
      >
        Save preset
      </button>
      <button type="button" className="link" disabled={names.length === 0} onClick={exportPresets}>
        Export
      </button>
      <button type="button" className="link" onClick={() => file.current?.click()}>
        Import
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Import presets file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importPresets(f);
          e.target.value = '';
        }}
      />
      {error && (
        <p className="param-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
