/**
 * The keyboard-shortcut sheet's contents, as data: each group and row names catalog keys (the view translates
 * them); keys are written as on the keyboard, never translated. The desktop app's group appears only where its
 * menu and global snip shortcut exist, with the snip shortcut as the person set it in Settings.
 */

/** A combination is its keys in order (['Ctrl', 'Enter']); a row offers one or more combinations. */
export interface ShortcutRow {
  keys: string[][];
  what: string;
}
export interface ShortcutGroup {
  group: string;
  rows: ShortcutRow[];
}

/** What the sheet needs to know of the shell: the desktop app's settings, or null in a browser. */
export interface ShortcutShell {
  /** True in the desktop app, which has a menu with accelerators and can hold a global shortcut. */
  globalShortcuts: boolean;
  /** The global snip shortcut in Electron's accelerator syntax (`Alt+Shift+S`); empty when the person cleared it. */
  snipShortcut: string;
}

/** `Alt+Shift+S` as keys; Electron names the plus key `Plus`, so `+` only ever separates keys. */
export function acceleratorKeys(accelerator: string): string[] {
  return accelerator
    .split('+')
    .map((k) => k.trim())
    .filter(Boolean);
}

const WINDOW_GROUPS: ShortcutGroup[] = [
  {
    group: 'help.group.everywhere',
    rows: [
      { keys: [['?']], what: 'help.keys.sheet' },
      { keys: [['Tab'], ['Shift', 'Tab']], what: 'help.keys.tab' },
      { keys: [['Esc']], what: 'help.keys.escape' },
    ],
  },
  {
    group: 'help.group.composer',
    rows: [
      {
        keys: [
          ['Ctrl', 'Enter'],
          ['⌘', 'Enter'],
        ],
        what: 'help.keys.send',
      },
      { keys: [['Ctrl', 'V']], what: 'help.keys.paste' },
      { keys: [['↑'], ['↓']], what: 'help.keys.menu' },
    ],
  },
  {
    group: 'help.group.viewer',
    rows: [
      { keys: [['+'], ['−']], what: 'help.keys.zoom' },
      { keys: [['0']], what: 'help.keys.fit' },
    ],
  },
  {
    group: 'help.group.snip',
    rows: [
      { keys: [['←↑→↓'], ['Shift', '←↑→↓']], what: 'help.keys.snipSelect' },
      { keys: [['Alt', '←↑→↓']], what: 'help.keys.snipResize' },
      { keys: [['Enter'], ['Esc']], what: 'help.keys.snipFinish' },
    ],
  },
];

/**
 * Every group for this shell. `mod` is the menu's modifier (`⌘` on a Mac, `Ctrl` elsewhere: Electron's CmdOrCtrl).
 * A cleared snip shortcut is a row with no keys, which the view explains (`help.keys.snipNone`).
 */
export function shortcutGroups(shell: ShortcutShell | null, mod: string): ShortcutGroup[] {
  if (!shell?.globalShortcuts) return WINDOW_GROUPS;
  const snip = acceleratorKeys(shell.snipShortcut);
  const desktop: ShortcutGroup = {
    group: 'help.group.desktop',
    rows: [
      { keys: snip.length ? [snip] : [], what: 'help.keys.snipGlobal' },
      { keys: [[mod, 'N']], what: 'help.keys.newSession' },
      { keys: [[mod, 'O']], what: 'help.keys.attach' },
      { keys: [[mod, ',']], what: 'help.keys.settings' },
      { keys: [[mod, 'Shift', 'U']], what: 'help.keys.usage' },
      { keys: [[mod, 'Shift', 'Enter']], what: 'help.keys.compare' },
      { keys: [[mod, '/']], what: 'help.keys.shortcuts' },
    ],
  };
  return [...WINDOW_GROUPS, desktop];
}
