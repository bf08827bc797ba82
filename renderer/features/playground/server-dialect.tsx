import {
  CUSTOM_THINKING,
  type CustomThinking,
  DEFAULT_THINKING,
  SERVER_KINDS,
  type ServerKind,
} from '../../../shared/params/dialect.ts';
import { DIALECT_NAMES } from '../../../shared/params/catalog.ts';
import type { IdentifiedServer } from '../../../shared/params/server-kind.ts';
import { useTranslation } from '../../i18n/i18n.ts';

/**
 * A custom server's kind (which parameters it takes) and thinking switch. Blank means "as identified": from what
 * the server says of itself (`useServerKind`), else its port, else vLLM; the switch follows the kind.
 */
export function ServerDialect({
  server,
  thinking,
  guess,
  onChange,
}: {
  server: ServerKind | undefined;
  thinking: CustomThinking | undefined;
  guess: IdentifiedServer | null;
  onChange: (v: { server: ServerKind | undefined; thinking: CustomThinking | undefined }) => void;
}) {
  const { t } = useTranslation();
  const kind = server ?? guess?.kind ?? 'vllm';
  return (
    <>
      <label>
        {t('playground.server.kind')}
        <select
          value={server ?? ''}
          onChange={(e) => onChange({ server: (e.target.value || undefined) as ServerKind | undefined, thinking })}
        >
          <option value="">
            {guess
              ? t(guess.by === 'port' ? 'playground.server.byPort' : 'playground.server.bySays', {
                  name: DIALECT_NAMES[guess.kind],
                })
              : t('playground.server.guess', { name: DIALECT_NAMES.vllm })}
          </option>
          {SERVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {DIALECT_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('playground.server.thinking')}
        <select
          value={thinking ?? ''}
          onChange={(e) => onChange({ server, thinking: (e.target.value || undefined) as CustomThinking | undefined })}
        >
          <option value="">{t('playground.server.asKind', { name: t(`playground.thinking.${DEFAULT_THINKING[kind]}`) })}</option>
          {CUSTOM_THINKING.map((k) => (
            <option key={k} value={k}>
              {t(`playground.thinking.${k}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
