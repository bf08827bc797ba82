/** The playground's bridge methods (shared/bridge/playground.ts), implemented over the host's services. */
import type { PlaygroundApi } from '../../../shared/bridge/playground.ts';
import type { ChatService } from '../chat-service.ts';
import { identifyServerAt } from '../local-servers.ts';
import type { SessionStore } from '../sessions/session-store.ts';

export function playgroundMethodsFor(deps: {
  sessions: SessionStore;
  chat: ChatService;
  /** The host's fetch (the app's goes through the system proxy). */
  fetch?: typeof fetch;
}): PlaygroundApi {
  // ajv is loaded on the first schema, in the guard's child process, not at start-up.
  const guard = () => import('./schema-guard.ts').then((m) => m.schemaGuard());
  return {
    deleteTurn: async ({ sessionId, requestId }) => deps.sessions.deleteTurn(sessionId, requestId),
    checkJsonSchema: async (schema) => ({ problems: await (await guard()).problems(schema) }),
    validateAnswer: async ({ schema, answer }) => (await guard()).validate(schema, answer),
    requestCode: (request) => deps.chat.requestBody(request),
    identifyServer: ({ baseUrl }) => identifyServerAt(baseUrl, { fetch: deps.fetch }),
  };
}
