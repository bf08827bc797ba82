import { describe, expect, it } from 'vitest';
import { languageFor } from '../../../shared/messages/language.ts';
import { menuLabels } from '../../../shared/messages/menu-labels.ts';

describe('the shell’s labels', () => {
  it('reads the OS’s first language Glimpse speaks: any Chinese is Simplified, anything else English', () => {
    expect(languageFor(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(languageFor(['fr-FR', 'en-GB'])).toBe('en');
    expect(languageFor(['de-DE'])).toBe('en');
  });

  it('fills the About box’s data folder and the tray status in either language', () => {
    expect(menuLabels('zh-CN').label('aboutDetail', { dir: '/data' })).toBe('视觉语言模型的桌面试验场。\n数据文件夹：/data');
    expect(menuLabels('en').label('trayStatus', { status: 'Batch 3/9' })).toBe('Glimpse: Batch 3/9');
    expect(menuLabels('zh-CN').label('file')).toBe('文件(&F)');
  });
});
