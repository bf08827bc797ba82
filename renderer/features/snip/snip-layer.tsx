/**
 * Snip and ask, the window's half: shows the overlay for a captured picture, crops what the person selected,
 * attaches it to the composer and gives the prompt the focus, or runs the preset chosen in Settings at once.
 */
import { bridge } from '../../bridge/bridge.ts';
import { failureMessage } from '../../model/failure.ts';
import type { SnipRect } from '../../model/snip-rect.ts';
import { cropPicture } from '../../platform/screen-capture.ts';
import { useStoreApi } from '../../store/index.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { PRESETS, presetPrompt, presetTarget } from '../composer/presets.ts';
import { SnipOverlay } from './snip-overlay.tsx';
import { snipsOnHost, useSnip } from './snip-state.ts';
import './snip.css';

/** A name that sorts by time and says what it is: snip-2026-11-30-091512.png. */
function snipName(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `snip-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}.png`;
}

/** The composer's prompt box, found by its accessible name so the composer needs no handle for it. */
const promptBox = () => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]');

export function SnipLayer() {
  const picture = useSnip((s) => s.picture);
  const error = useSnip((s) => s.error);
  const store = useStoreApi();
  const { t } = useTranslation();

  const finish = () => {
    useSnip.getState().close();
    // The desktop app made its window full screen for the overlay: give it its size back.
    if (snipsOnHost()) void bridge.endSnip().catch(() => {});
  };

  const onCrop = async (rect: SnipRect) => {
    if (!picture) return;
    try {
      const png = await cropPicture(picture.blob, rect);
      finish();
      await store.getState().addFiles([new File([png], snipName(), { type: 'image/png' })]);
      const { snipPreset } = await bridge.getDesktopSettings();
      const preset = PRESETS.find((p) => p.id === snipPreset);
      if (preset) {
        store.getState().setPrompt(presetPrompt(t, preset, presetTarget(t, 1)));
        await store.getState().send();
      } else {
        promptBox()?.focus();
      }
    } catch (e) {
      finish();
      useSnip.getState().fail(t('snip.failed', { reason: failureMessage(e) }));
    }
  };

  return (
    <>
      {picture && <SnipOverlay picture={picture} onCrop={(r) => void onCrop(r)} onCancel={finish} />}
      {error && (
        <div className="snip-error" role="alert">
          <span>{error}</span>
          <button type="button" className="ghost" onClick={() => useSnip.getState().dismissError()}>
            {t('snip.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
