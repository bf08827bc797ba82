import { useRef, type ComponentProps } from 'react';
import { defaultComponents, extractTableDataFromElement, tableDataToCSV, tableDataToMarkdown, tableDataToTSV } from 'streamdown';
import { CopyButton } from './copy-button.tsx';

type Format = 'markdown' | 'csv' | 'tsv';

const DefaultTable = defaultComponents.table;

/**
 * A Markdown table with copy buttons: as Markdown, as CSV, and as TSV (what spreadsheets take on paste).
 * The cells are read from the rendered table (Streamdown's own extractor), so what is copied is what is shown.
 */
export function TableBlock(props: ComponentProps<typeof DefaultTable>) {
  const ref = useRef<HTMLDivElement>(null);
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
      <div className="block-actions" role="group" aria-label="Copy table">
        <CopyButton label="Copy table as Markdown" text={copy('markdown')}>
          Markdown
        </CopyButton>
        <CopyButton label="Copy table as CSV" text={copy('csv')}>
          CSV
        </CopyButton>
        <CopyButton label="Copy table as TSV for spreadsheets" text={copy('tsv')}>
          TSV
        </CopyButton>
      </div>
      <DefaultTable {...props} />
    </div>
  );
}
