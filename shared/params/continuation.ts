/**
 * How each provider kind lets an answer cut off at its token limit go on (issue #10's Continue), as data: the
 * chat service builds the request from it and the window says what happened from it. Sources, read 2026-11-30
 * (details in docs/providers.md, "Continuing an answer"):
 * - vLLM and SGLang: the chat request's `continue_final_message` (with `add_generation_prompt` off) leaves the last
 *   message open, so a trailing assistant message is carried on rather than answered.
 * - OpenRouter: a trailing assistant message is an "assistant prefill" the model completes.
 * - Z.AI, BigModel, Novita, Ollama's OpenAI endpoint, LM Studio and llama.cpp document no prefill: Continue sends
 *   the answer as history and asks, in a new user message, for the rest.
 */
import type { CatalogEntry } from '../providers/catalog.ts';
import type { ParamDialect } from './catalog.ts';
import { type CustomServerOptions, dialectsOf } from './dialect.ts';

/**
 * - `continue-final-message`: the partial answer is the last message and the body asks the server to extend it.
 * - `prefill`: the partial answer is the last message; the provider extends it by itself.
 * - `new-message`: the partial answer is history, followed by {@link CONTINUE_PROMPT} (a second turn to the model).
 */
export type ContinueMode = 'continue-final-message' | 'prefill' | 'new-message';

export const CONTINUE_CATALOG: Readonly<Record<ParamDialect, ContinueMode>> = {
  vllm: 'continue-final-message',
  sglang: 'continue-final-message',
  openrouter: 'prefill',
  zai: 'new-message',
  novita: 'new-message',
  ollama: 'new-message',
  lmstudio: 'new-message',
  llamacpp: 'new-message',
  'local-ocr': 'new-message',
};

/** The request sent after the cut-off answer where a provider cannot extend it in place. */
export const CONTINUE_PROMPT = 'Continue exactly where your previous answer stopped, without repeating anything.';

/** Whether the provider carries the answer on in place (the text reads as one), or answers a new message. */
export const extendsInPlace = (mode: ContinueMode): boolean => mode !== 'new-message';

/** How a configured provider continues an answer: by the parameter family of its kind (a custom server's own). */
export function continueModeOf(entry: CatalogEntry, provider: CustomServerOptions): ContinueMode {
  return CONTINUE_CATALOG[dialectsOf(entry, provider).params];
}
