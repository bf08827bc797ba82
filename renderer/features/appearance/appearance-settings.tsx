import { useEffect, useRef, useState } from 'react';
import { type Appearance, LANGUAGE_CHOICES, THEME_CHOICES } from '../../../shared/bridge/appearance.ts';
import { bridge } from '../../bridge/bridge.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
import { applyAppearance, currentAppearance } from './apply-appearance.ts';
import { inOrder } from './in-order.ts';

const LANGUAGE_KEYS: Record<Appearance['language'], string> = {
  system: 'appearance.language.system',
  en: 'appearance.language.en',
  'zh-CN': 'appearance.language.zhCN',
};
const THEME_KEYS: Record<Appearance['theme'], string> = {
  system: 'appearance.theme.system',
  light: 'appearance.theme.light',
  dark: 'appearance.theme.dark',
};

/** Stored by the host one after another: the last pick is the one kept. */
const store = inOrder((a: Appearance) => bridge.setAppearance(a));

/** Language and theme in Settings: applied at once, stored by the host so the next start (and window) uses them. */
export function AppearanceSettings() {
  const { t } = useTranslation();
  const [value, setValue] = useState<Appearance>(currentAppearance);
  const [error, setError] = useState<string | null>(null);
  // Set once the person picks something: the stored value, if it arrives after that, must not undo the pick (it
  // did on a busy machine: dark was chosen, the late answer put back "system", and the next pick stored that).
  const picked = useRef(false);
  useEffect(() => {
    void bridge.getAppearance().then(
      (stored) => picked.current || setValue(stored),
      (e: unknown) => setError(hostText(failureText(e))),
    );
  }, []);
  const change = async (next: Appearance) => {
    picked.current = true;
    setValue(next);
    applyAppearance(next);
    setError(null);
    try {
      await store(next);
    } catch (e) {
      setError(hostText(failureText(e)));
    }
  };
  return (
    <section className="appearance-settings" aria-labelledby="appearance-heading">
      <h3 id="appearance-heading">{t('appearance.title')}</h3>
      <div className="appearance-fields">
        <label>
          {t('appearance.language.label')}
          <select
            value={value.language}
            onChange={(e) => void change({ ...value, language: e.target.value as Appearance['language'] })}
          >
            {LANGUAGE_CHOICES.map((l) => (
              <option key={l} value={l} lang={l === 'system' ? undefined : l}>
                {t(LANGUAGE_KEYS[l])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('appearance.theme.label')}
          <select value={value.theme} onChange={(e) => void change({ ...value, theme: e.target.value as Appearance['theme'] })}>
            {THEME_CHOICES.map((th) => (
              <option key={th} value={th}>
                {t(THEME_KEYS[th])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
