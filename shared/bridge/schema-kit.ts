/**
 * Building blocks for the bridge's argument schemas (zod): the limits every domain shares, and a compile-time check
 * that a schema and the interface it guards describe the same shape, so neither can drift from the other.
 */
import { z } from 'zod';

/** Longest id the host accepts (provider, session, compare group, request): far above any UUID or slug. */
export const MAX_ID = 200;
/** Longest name or label (provider name, session title, model id). */
export const MAX_NAME = 300;
/** Longest base URL. */
export const MAX_URL = 2048;
/** Longest free text in one field (a prompt, a turn of history, a PDF page's text layer): 4 MB of text. */
export const MAX_TEXT = 4 * 1024 * 1024;
/** Most items in one list argument (attachments, history turns, request ids). */
export const MAX_ITEMS = 5000;

/** An identifier: a non-empty string of bounded length. */
export const idSchema = z.string().min(1).max(MAX_ID);

/** A stored attachment's id: the SHA-256 of its bytes, in hex. */
export const attachmentIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not an attachment id (64 hex digits)');

/** For methods without an argument: whatever arrives is ignored, so no caller can trip over it. */
export const noArgSchema = z.unknown().transform((): undefined => undefined);

/** A value that may be left out or sent as null; null becomes undefined, as the method's optional parameter. */
export const optionalArg = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/**
 * True when A and B are the same type, optional fields and nested objects included (mutual assignability alone
 * would let a schema forget an optional field).
 */
export type Agree<A, B> = (<T>() => T extends Same<A> ? 1 : 2) extends <T>() => T extends Same<B> ? 1 : 2 ? true : false;

/** Flattens interfaces and intersections to plain object types, recursively, so equal shapes compare equal. */
type Same<T> = T extends (infer U)[]
  ? Same<U>[]
  : T extends Uint8Array
    ? Uint8Array
    : T extends object
      ? { [K in keyof T]: Same<T[K]> }
      : T;

/** Fails to compile unless `T` is `true`; use as `const _x: Check<Agree<z.output<typeof s>, Iface>> = true`. */
export type Check<T extends true> = T;
