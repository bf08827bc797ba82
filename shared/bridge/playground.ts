/**
 * The playground on the bridge (issue #10): deleting one exchange of a session's tree, checking a JSON schema and
 * an answer against it (ajv runs in the host: the renderer's CSP allows no generated code), and the exact request
 * an exchange sends, for "View code".
 */
import type { IdentifiedServer } from '../params/server-kind.ts';
import type { HostMessage } from '../messages/messages.ts';
import type { ChatRequest } from './chat.ts';

/**
 * One problem of a schema or an answer: Glimpse's own words as a message code (a limit, the checker's deadline),
 * or ajv's line ("/age must be number"), which names JSON paths and keywords and is passed on as it is.
 */
export type SchemaProblem = HostMessage | string;

export interface SchemaCheck {
  /** Empty when the schema is valid JSON Schema. */
  problems: SchemaProblem[];
}

export interface AnswerValidation {
  /** False when the answer is not JSON or does not follow the schema. */
  valid: boolean;
  /** One line per problem: "/path message", or why the answer is not JSON. */
  errors: SchemaProblem[];
  /** The parsed answer, when it parsed (shown as a table or tree). */
  value?: unknown;
}

/** The request an exchange sends, as it goes on the wire, without the key. */
export interface RequestCode {
  /** The full URL posted to. */
  url: string;
  /** The JSON body, images as complete data URLs. */
  body: Record<string, unknown>;
  /** The environment variable the snippets read the key from. */
  keyEnv: string;
}

export interface PlaygroundApi {
  /** Deletes one exchange; the ones that followed it now follow its parent. */
  deleteTurn(input: { sessionId: string; requestId: string }): Promise<void>;
  checkJsonSchema(schema: Record<string, unknown>): Promise<SchemaCheck>;
  validateAnswer(input: { schema: Record<string, unknown>; answer: string }): Promise<AnswerValidation>;
  /** Builds the request exactly as `startChat` would send it, and sends nothing. */
  requestCode(request: ChatRequest): Promise<RequestCode>;
  /** Which server answers at a base URL (vLLM, SGLang, Ollama, LM Studio, llama.cpp), from what it says; null when nothing tells. */
  identifyServer(input: { baseUrl: string }): Promise<IdentifiedServer | null>;
}

export const playgroundMethods = ['deleteTurn', 'checkJsonSchema', 'validateAnswer', 'requestCode', 'identifyServer'] as const;
