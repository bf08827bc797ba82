import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/locales/en.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';
import { acceleratorKeys, shortcutGroups } from '../../../renderer/model/shortcuts.ts';

const lookup = (catalog: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe('the shortcut sheet', () => {
  it('lists the global snip shortcut as set in Settings, and the menu keys, in the desktop app', () => {
    const groups = shortcutGroups({ globalShortcuts: true, snipShortcut: 'Alt+Shift+S' }, 'Ctrl');
    const desktop = groups.find((g) => g.group === 'help.group.desktop');
    expect(desktop?.rows.find((r) => r.what === 'help.keys.snipGlobal')?.keys).toEqual([['Alt', 'Shift', 'S']]);
    expect(desktop?.rows.find((r) => r.what === 'help.keys.shortcuts')?.keys).toEqual([['Ctrl', '/']]);
  });
  it('says there is no snip shortcut when the person cleared it', () => {
    const groups = shortcutGroups({ globalShortcuts: true, snipShortcut: '' }, '⌘');
    const desktop = groups.find((g) => g.group === 'help.group.desktop');
    expect(desktop?.rows.find((r) => r.what === 'help.keys.snipGlobal')?.keys).toEqual([]);
    expect(desktop?.rows.find((r) => r.what === 'help.keys.newSession')?.keys).toEqual([['⌘', 'N']]);
  });
  it('has no desktop group in a browser, which has no menu or global shortcut, but keeps the snipping keys', () => {
    for (const shell of [null, { globalShortcuts: false, snipShortcut: 'Alt+Shift+S' }]) {
      const groups = shortcutGroups(shell, 'Ctrl').map((g) => g.group);
      expect(groups).not.toContain('help.group.desktop');
      expect(groups).toContain('help.group.snip');
    }
  });
  it('names only keys both catalogs hold', () => {
    const all = shortcutGroups({ globalShortcuts: true, snipShortcut: 'Alt+Shift+S' }, 'Ctrl');
    const keys = [...all.map((g) => g.group), ...all.flatMap((g) => g.rows.map((r) => r.what)), 'help.keys.snipNone'];
    for (const key of keys) {
      expect(typeof lookup(en, key), key).toBe('string');
      expect(typeof lookup(zhCN, key), key).toBe('string');
    }
  });
  it('splits an accelerator into keys', () => {
    expect(acceleratorKeys('CommandOrControl+Shift+Plus')).toEqual(['CommandOrControl', 'Shift', 'Plus']);
    expect(acceleratorKeys(' ')).toEqual([]);
  });
});
