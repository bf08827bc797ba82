/**
 * Menus under "follow the system" when the OS language changes while Glimpse runs (electron/main/
 * follow-os-language.ts): Electron has no event for it, so the next window focus reads the OS again.
 */
import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { followOsLanguage } from '../../../electron/main/follow-os-language.ts';
import { shellLanguage } from '../../../electron/main/shell-language.ts';
import type { Language } from '../../../shared/messages/language.ts';
import { menuLabels } from '../../../shared/messages/menu-labels.ts';

it('rebuilds the menus in the new OS language at the next focus, and only when it changed', () => {
  const app = new EventEmitter();
  let osLanguages = ['en-US'];
  const os = { getPreferredSystemLanguages: () => osLanguages };
  let setting: 'system' | Language = 'system';
  let built: Language | null = null;
  const menus: string[] = [];
  const rebuild = () => {
    built = shellLanguage(setting, os);
    menus.push(menuLabels(built).label('file'));
  };
  rebuild();
  followOsLanguage(
    app,
    () => shellLanguage(setting, os),
    () => built,
    rebuild,
  );

  app.emit('browser-window-focus');
  expect(menus).toEqual(['&File']);
  osLanguages = ['zh-Hans-CN', 'en-US'];
  app.emit('browser-window-focus');
  expect(menus).toEqual(['&File', menuLabels('zh-CN').label('file')]);
  expect(menus[1]).not.toMatch(/File/);
  app.emit('browser-window-focus');
  expect(menus).toHaveLength(2);
  // A language chosen in Settings holds whatever the OS says.
  setting = 'zh-CN';
  osLanguages = ['en-US'];
  app.emit('browser-window-focus');
  expect(menus).toHaveLength(2);
});
