/** The messages between schema-guard.ts and its child process (schema-child.ts). */
import type { SchemaProblem } from '../../../shared/bridge/playground.ts';

export type SchemaJob =
  | { id: number; op: 'check'; schema: unknown }
  | { id: number; op: 'validate'; schema: Record<string, unknown>; answer: string }
  /** A batch's schema, compiled the way the batch will (draft-07 or 2020-12, formats). */
  | { id: number; op: 'batch'; name: string; text: string }
  /** One answer of a batch checked against its schema (compiled once per schema text, kept while it is the same). */
  | { id: number; op: 'batch-check'; name: string; text: string; answer: string };

export type SchemaReply =
  | { id: number; ok: true; problems: SchemaProblem[] }
  | { id: number; ok: true; valid: boolean; errors: SchemaProblem[]; value?: unknown }
  | { id: number; ok: false; error: SchemaProblem };
