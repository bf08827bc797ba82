import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../../i18n/i18n.ts';
import type { PresetsProblem } from '../../model/presets.ts';
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
  const { t } = useTranslation();
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="preset-bar">
      <select
        aria-label={t('playground.preset.label')}
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value);
          if (e.target.value) applyPreset(e.target.value);
        }}
      >
        <option value="">{t('playground.preset.pick')}</option>
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
          {t('playground.preset.delete')}
        </button>
      )}
      <input
        aria-label={t('playground.preset.name')}
        placeholder={t('playground.preset.namePlaceholder')}
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="button"
        disabled={!name.trim()}
        onClick={() => {
          savePreset(name);
          setPicked(name.trim());
          setName('');
        }}
      >
        {t('playground.preset.save')}
      </button>
      <button type="button" className="link" disabled={names.length === 0} onClick={exportPresets}>
        {t('playground.preset.export')}
      </button>
      <button type="button" className="link" onClick={() => file.current?.click()}>
        {t('playground.preset.import')}
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('playground.preset.importFile')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importPresets(f);
          e.target.value = '';
        }}
      />
      {error && (
        <p className="param-error" role="alert">
          {problemText(t, error)}
        </p>
      )}
    </div>
  );
}

/** A refused presets file, worded in the window's language (the store keeps it as data). */
function problemText(t: ReturnType<typeof useTranslation>['t'], p: PresetsProblem): string {
  switch (p.code) {
    case 'not-json':
      return t('playground.preset.notJson', { file: p.file });
    case 'not-presets':
      return t('playground.preset.notPresets', { file: p.file });
    case 'no-name':
      return t('playground.preset.noName', { file: p.file, n: p.n });
    case 'unreadable':
      return t('playground.preset.unreadable', { file: p.file, message: p.message });
  }
}
