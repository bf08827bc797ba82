import { useEffect, useState } from 'react';
import type { AnswerValidation } from '../../../shared/bridge/playground.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
import { useStoreApi } from '../../store/index.ts';

/** A structured answer checked against its schema: valid or the errors listed, and the value as a table or tree. */
export function SchemaResult({ id }: { id: string }) {
  const api = useStoreApi();
  const { t } = useTranslation();
  const [check, setCheck] = useState<AnswerValidation | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getState()
      .validateAnswer(id)
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setError(hostText(failureText(e))));
    return () => {
      live = false;
    };
  }, [api, id]);
  if (error) return <p className="param-error">{t('playground.schema.couldNotCheck', { error })}</p>;
  if (!check) return null;
  return (
    <section className="schema-result" aria-label={t('playground.schema.check')}>
      {check.valid ? (
        <p className="schema-ok">{t('playground.schema.matches')}</p>
      ) : (
        <>
          <p className="param-error">{t('playground.schema.noMatch')}</p>
          <ul aria-label={t('playground.schema.errors')}>
            {check.errors.map((e) => (
              <li key={typeof e === 'string' ? e : e.message}>{hostText(e)}</li>
            ))}
          </ul>
        </>
      )}
      {check.value !== undefined && <JsonView value={check.value} depth={0} />}
    </section>
  );
}

/** A JSON value as data (text nodes only): rows of objects as a table, an object as key/value rows, nested within. */
function JsonView({ value, depth }: { value: unknown; depth: number }) {
  if (depth > 8) return <span>…</span>;
  if (value === null || typeof value !== 'object') return <span>{JSON.stringify(value)}</span>;
  if (Array.isArray(value)) {
    const rows = value.slice(0, 200);
    const objects = rows.every((r) => r && typeof r === 'object' && !Array.isArray(r));
    if (objects && rows.length > 0) {
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r as object)))].slice(0, 30);
      return (
        <table>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of an answer have no identity but their place
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c}>
                    <JsonView value={(r as Record<string, unknown>)[c]} depth={depth + 1} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return (
      <ol>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items of an answer have no identity but their place
          <li key={i}>
            <JsonView value={r} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <table>
      <tbody>
        {Object.entries(value as Record<string, unknown>)
          .slice(0, 200)
          .map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>
                <JsonView value={v} depth={depth + 1} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
