/**
 * Settings › Snip and ask: the global shortcut (desktop app only; says so when the OS refuses it) and a preset to
 * run at once on every snip (off by default).
 */
import { useEffect, useState } from 'react';
import type { DesktopSettings, SnipPreset } from '../../../shared/bridge/desktop.ts';
import { bridge } from '../../bridge/bridge.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { PRESETS } from '../composer/presets.ts';

const SNIP_PRESETS: SnipPreset[] = ['extract', 'table', 'formula', 'receipt'];

export function SnipSettings() {
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();

  useEffect(() => {
    bridge.getDesktopSettings().then(
      (s) => {
        setSettings(s);
        setShortcut(s.snipShortcut);
      },
      (e: unknown) => setError(hostText(failureText(e))),
    );
  }, []);

  const save = async (input: Parameters<typeof bridge.setDesktopSettings>[0]) => {
    try {
      const s = await bridge.setDesktopSettings(input);
      setSettings(s);
      setError(null);
    } catch (e) {
      setError(hostText(failureText(e)));
    }
  };

  if (!settings) return error ? <p role="alert">{error}</p> : null;
  return (
    <section className="snip-settings" aria-label={t('snip.settings.title')}>
      <h3>{t('snip.settings.title')}</h3>
      {settings.globalShortcuts && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save({ snipShortcut: shortcut.trim() });
          }}
        >
          <label>
            {t('snip.settings.shortcut')}
            <input
              value={shortcut}
              onChange={(e) => setShortcut(e.target.value)}
              placeholder="Alt+Shift+S" /* i18n-exempt: keys, as the OS names them */
            />
          </label>
          <button type="submit">{t('snip.settings.setShortcut')}</button>
        </form>
      )}
      {settings.shortcutError && <p role="alert">{settings.shortcutError}</p>}
      <label>
        {t('snip.settings.after')}
        <select
          value={settings.snipPreset ?? ''}
          onChange={(e) => void save({ snipPreset: (e.target.value || null) as SnipPreset | null })}
        >
          <option value="">{t('snip.settings.wait')}</option>
          {SNIP_PRESETS.map((id) => (
            <option key={id} value={id}>
              {t('snip.settings.run', { preset: t(PRESETS.find((p) => p.id === id)?.labelKey ?? '') })}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
