/**
 * How deeply a JSON Schema may nest, shared by the host (which refuses a deeper one before ajv sees it) and the
 * window (which says so as it is typed, before sending, and must not send one the bridge would refuse).
 */

/** Deepest nesting of objects and arrays in a schema: far beyond any hand-written structured-output schema. */
export const MAX_SCHEMA_DEPTH = 64;

/**
 * How deeply objects and arrays nest, counted without recursion (a deep value cannot overflow the stack). Stops
 * counting once past {@link MAX_SCHEMA_DEPTH}: a hostile value is not walked further than it takes to refuse it.
 */
export function schemaDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > MAX_SCHEMA_DEPTH) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
