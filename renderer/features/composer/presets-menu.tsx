import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';
import { imageAsFile } from '../grounding/image-size.ts';
import './composer-presets.css';
import { presetOffReason } from '../../model/local-ocr.ts';
import { locatePlaceholder, PRESETS, type Preset, presetPrompt, presetTarget } from './presets.ts';

/**
 * A menu of prompt presets next to the prompt. The prompt names the current image: the last one attached, or,
 * with nothing attached, the last image of the previous question, which is attached again so the model sees it.
 */
export function PresetsMenu({ onPick }: { onPick: (text: string, select?: [number, number]) => void }) {
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const attached = useStore((s) => s.attachments.length);
  const addFiles = useStore((s) => s.addFiles);
  const catalogId = useStore((s) => s.providers.find((p) => p.id === s.providerId)?.catalogId ?? null);
  const { t } = useTranslation();

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const pick = async (p: Preset) => {
    setOpen(false);
    let count = attached;
    if (count === 0) {
      const last = store
        .getState()
        .turns.findLast((t) => t.images.length > 0)
        ?.images.at(-1);
      if (last) {
        try {
          await addFiles([await imageAsFile(last.previewUrl, last.name)]);
          count = 1;
        } catch {
          // The earlier image is gone (its preview was released): the prompt still helps once one is attached.
        }
      }
    }
    const text = presetPrompt(t, p, presetTarget(t, count));
    const object = locatePlaceholder(t);
    const at = p.id === 'locate' ? text.indexOf(object) : -1;
    onPick(text, at >= 0 ? [at, at + object.length] : undefined);
  };

  return (
    <div className="presets" ref={root}>
      <button
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('presets.button')}
        title={t('presets.title')}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M4 5h16v2H4zm0 6h10v2H4zm0 6h16v2H4zm14-7 3 2-3 2z" />
        </svg>
      </button>
      {open && (
        <div
          className="presets-menu"
          role="menu"
          aria-label={t('presets.button')}
          onKeyDown={(e) => {
            const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const i = items.indexOf(document.activeElement as HTMLElement);
            if (e.key === 'Escape') setOpen(false);
            else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
            else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
            else return;
            e.preventDefault();
          }}
        >
          {PRESETS.map((p) => {
            // Off, not hidden, with the reason: a person looking for "Receipt to JSON" learns why it is not there.
            const offKey = presetOffReason(p.id, catalogId);
            const off = offKey ? t(offKey) : null;
            return (
              <button
                key={p.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={off ? true : undefined}
                title={off ?? undefined}
                onClick={() => off || void pick(p)}
              >
                {t(p.labelKey)}
                {off && <span className="preset-off">{off}</span>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
