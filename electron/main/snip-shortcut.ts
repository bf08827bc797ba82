/** The global snip shortcut: registered from the saved setting, with a message when the OS will not have it. */
import type { GlobalShortcut } from 'electron';

/** Registers `accelerator` (replacing `previous`); returns why it is not active, or null. */
export function applySnipShortcut(
  gs: Pick<GlobalShortcut, 'register' | 'unregister'>,
  previous: string | null,
  accelerator: string,
  onPress: () => void,
): string | null {
  if (previous) gs.unregister(previous);
  if (!accelerator) return null;
  try {
    if (gs.register(accelerator, onPress)) return null;
    return `${accelerator} is taken by another application or by the system. Choose another shortcut.`;
  } catch {
    // Electron throws on an accelerator it cannot parse.
    return `${accelerator} is not a shortcut the system accepts. Use modifiers and one key, e.g. Alt+Shift+S.`;
  }
}
