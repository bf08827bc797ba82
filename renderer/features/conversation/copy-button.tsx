import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';

/**
 * A button that copies text to the clipboard and says so. Its accessible name stays `label` while the visible
 * text briefly turns to "Copied" (announced politely), so it can be found the same way before and after.
 */
export function CopyButton({
  label,
  text,
  children,
  className = 'copy-button',
}: {
  label: string;
  text: () => string | Promise<string>;
  children?: ReactNode;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { t } = useTranslation();
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={label}
      data-state={state}
      onClick={async (e) => {
        e.stopPropagation();
        try {
          await navigator.clipboard.writeText(await text());
          setState('copied');
        } catch {
          setState('failed');
        }
      }}
    >
      {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : (children ?? t('copy.copy'))}
      <span className="sr-only" role="status">
        {state === 'copied' ? t('copy.copiedStatus') : state === 'failed' ? t('copy.refused') : ''}
      </span>
    </button>
  );
}
