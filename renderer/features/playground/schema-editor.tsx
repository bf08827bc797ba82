import { useEffect, useState } from 'react';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { MAX_SCHEMA_DEPTH, schemaDepth } from '../../../shared/params/schema-depth.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { hostText } from '../../i18n/host-text.ts';

/**
 * The JSON schema of a structured answer, checked as it is typed: first as JSON, then as JSON Schema (by the
 * host, with ajv). Only a valid schema is put in the parameters; what is typed stays in the box either way.
 */
export function SchemaEditor() {
  const format = useStore((s) => s.params.response_format);
  const setParams = useStore((s) => s.setParams);
  const checkSchema = useStore((s) => s.checkSchema);
  const setParamError = useStore((s) => s.setParamError);
  const { t } = useTranslation();
  const current = format?.type === 'json_schema' ? format : null;
  const [text, setText] = useState(() => (current ? JSON.stringify(current.schema, null, 2) : ''));
  const [name, setName] = useState(current?.name ?? 'answer');
  const [problems, setProblems] = useState<string[]>([]);
  // Typed but not yet checked by the host: the parameters still hold the last valid schema (or none), so a send
  // now would carry something other than what is on screen. The first check also starts the host's checker,
  // which takes seconds on a busy machine.
  const [checking, setChecking] = useState(false);
  // A schema being fixed or checked holds sends back, saying why; leaving the editor (another format) lets them go.
  useEffect(() => {
    setParamError(
      'json-schema',
      problems[0]
        ? t('playground.panel.fixFirst', { problem: t('playground.schema.problem', { problem: problems[0] }) })
        : checking
          ? t('playground.schema.checking')
          : null,
    );
  }, [problems, checking, setParamError, t]);
  useEffect(() => () => setParamError('json-schema', null), [setParamError]);
  useEffect(() => {
    if (!text.trim()) {
      setProblems([t('playground.schema.empty')]);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setProblems([t('playground.schema.notJson', { message: e instanceof Error ? e.message : String(e) })]);
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      setProblems([t('playground.schema.notObject')]);
      return;
    }
    // Said here, in the window's language: the bridge refuses an argument far deeper than this outright.
    if (schemaDepth(parsed) > MAX_SCHEMA_DEPTH) {
      setProblems([hostText(hostMessage('schema.too-deep', { max: MAX_SCHEMA_DEPTH }))]);
      return;
    }
    let live = true;
    setProblems([]);
    setChecking(true);
    // A short pause after typing, then the host's verdict.
    const timer = setTimeout(async () => {
      const found = await checkSchema(parsed as Record<string, unknown>);
      if (!live) return;
      setChecking(false);
      setProblems(found.map((p) => hostText(p)));
      if (found.length === 0)
        setParams({
          response_format: { type: 'json_schema', name: name.trim() || 'answer', schema: parsed as Record<string, unknown> },
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, name, checkSchema, setParams, t]);
  return (
    <div className="schema-editor">
      <label>
        {t('playground.schema.name')} <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
      </label>
      <label htmlFor="json-schema">{t('playground.schema.label')}</label>
      <textarea
        id="json-schema"
        spellCheck={false}
        rows={8}
        value={text}
        aria-invalid={problems.length > 0 || undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problems.length > 0 ? (
        <ul className="param-error" aria-label={t('playground.schema.problems')}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p className="muted" role="status">
          {checking ? t('playground.schema.checking') : t('playground.schema.valid')}
        </p>
      )}
    </div>
  );
}
