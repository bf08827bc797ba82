import { MESSAGES_EN } from '../../shared/messages/messages.ts';

/** The shared table of message codes as a catalog subtree (`msg`): codes are dotted, as catalog keys are. */
export function messageCatalog(table: Readonly<Record<string, string>> = MESSAGES_EN): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, text] of Object.entries(table)) {
    const path = code.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] as string] = text;
  }
  return out;
}
