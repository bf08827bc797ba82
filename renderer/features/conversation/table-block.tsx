import { useRef, type ComponentProps } from 'react';
import { defaultComponents, extractTableDataFromElement, tableDataToCSV, tableDataToMarkdown, tableDataToTSV } from 'streamdown';
import { useTranslation } from '../../i18n/i18n.ts';
import { CopyButton } from './copy-button.tsx';

type Format = 'markdown' | 'csv' | 'tsv';

const DefaultTable = defaultComponents.table;

/**
 * A Markdown table with copy buttons: as Markdown, as CSV, and as TSV (what spreadsheets take on paste).
 * The cells are read from the rendered table (Streamdown's own extractor), so what is copied is what is shown.
 */
export function TableBlock(props: ComponentProps<typeof DefaultTable>) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  const copy = (format: Format) => () => {
    const table = ref.current?.querySelector('table');
    if (!table) return '';
    const data = extractTableDataFromElement(table);
    return format === 'markdown'
      ? tableDataToMarkdown(data)
      : format === 'csv'
        ? tableDataToCSV(data, ',')
        : tableDataToTSV(data);
  };
  return (
    <div className="table-block" ref={ref}>
      <div className="block-actions" role="group" aria-label={t('table.copy')}>
        <CopyButton label={t('table.copyMd')} text={copy('markdown')}>
          {t('table.md')}
        </CopyButton>
        <CopyButton label={t('table.copyCsv')} text={copy('csv')}>
          {t('table.csv')}
        </CopyButton>
        <CopyButton label={t('table.copyTsv')} text={copy('tsv')}>
          {t('table.tsv')}
        </CopyButton>
      </div>
      <DefaultTable {...props} />
    </div>
  );
}
