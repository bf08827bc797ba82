import {
  CUSTOM_THINKING,
  type CustomThinking,
  DEFAULT_THINKING,
  SERVER_KINDS,
  type ServerKind,
  THINKING_NAMES,
} from '../../../shared/params/dialect.ts';
import { DIALECT_NAMES } from '../../../shared/params/catalog.ts';

/**
 * A custom server's kind (which parameters it takes) and thinking switch. Blank means "guess": from the base URL's
 * port (Ollama 11434, LM Studio 1234, SGLang 30000, vLLM 8000), else vLLM; the switch follows the kind.
 */
export function ServerDialect({
  server,
  thinking,
  guess,
  onChange,
}: {
  server: ServerKind | undefined;
  thinking: CustomThinking | undefined;
  guess: ServerKind | null;
  onChange: (v: { server: ServerKind | undefined; thinking: CustomThinking | undefined }) => void;
}) {
  const kind = server ?? guess ?? 'vllm';
  return (
    <>
      <label>
        Server
        <select
          value={server ?? ''}
          onChange={(e) => onChange({ server: (e.target.value || undefined) as ServerKind | undefined, thinking })}
        >
          <option value="">{`guess (${DIALECT_NAMES[guess ?? 'vllm']})`}</option>
          {SERVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {DIALECT_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Thinking switch
        <select
          value={thinking ?? ''}
          onChange={(e) => onChange({ server, thinking: (e.target.value || undefined) as CustomThinking | undefined })}
        >
          <option value="">{`as the server kind (${THINKING_NAMES[DEFAULT_THINKING[kind]]})`}</option>
          {CUSTOM_THINKING.map((t) => (
            <option key={t} value={t}>
              {THINKING_NAMES[t]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
