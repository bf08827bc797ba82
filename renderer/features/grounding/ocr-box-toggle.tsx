import { useId } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';

export type OcrBoxMode = 'lines' | 'words';

/**
 * "Lines / Words" over a Local OCR answer's images: two radio buttons in a group, so Tab reaches the group and the
 * arrow keys switch, as for any native radio group.
 */
export function OcrBoxToggle({ mode, onChange }: { mode: OcrBoxMode; onChange: (m: OcrBoxMode) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="ocr-box-toggle">
      <legend>{t('ocrBoxes.show')}</legend>
      {(['lines', 'words'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name={name} value={m} checked={mode === m} onChange={() => onChange(m)} />
          {t(m === 'lines' ? 'ocrBoxes.lines' : 'ocrBoxes.words')}
        </label>
      ))}
    </fieldset>
  );
}
