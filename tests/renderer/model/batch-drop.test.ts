/** What the Batch view makes of dropped and picked files (renderer/model/batch-drop.ts). */
import { describe, expect, it } from 'vitest';
import { isLitter, pickedFolder, stagedPath, withPaths } from '../../../renderer/model/batch-drop.ts';

describe('batch drops', () => {
  it('finds the picked folder from one of its files, on either separator', () => {
    expect(pickedFolder('/home/ana/scans/2024/a.png', 'scans/2024/a.png')).toBe('/home/ana/scans');
    expect(pickedFolder('C:\\Users\\ana\\scans\\a.png', 'scans/a.png')).toBe('C:\\Users\\ana\\scans');
    // A path that does not end as the picker says, or no folder part at all: no guess.
    expect(pickedFolder('/elsewhere/b.png', 'scans/a.png')).toBeNull();
    expect(pickedFolder('/home/ana/x/a.png', 'scans/a.png')).toBeNull();
    expect(pickedFolder('/home/ana/a.png', 'a.png')).toBeNull();
  });

  it('gives the staging plain relative paths and refuses any way out', () => {
    expect(stagedPath('/scans/2024/a.png')).toBe('scans/2024/a.png');
    expect(stagedPath('scans/./a.png')).toBe('scans/a.png');
    expect(stagedPath('/scans/../../etc/passwd')).toBeNull();
    expect(stagedPath('a\\b.png')).toBeNull();
    expect(stagedPath('/')).toBeNull();
  });

  it('adds paths to what was typed without repeating one, and tells litter', () => {
    expect(withPaths('/a\n\n /b \n', ['/b', '/c', '/c'])).toBe('/a\n/b\n/c');
    expect(withPaths('', ['/x'])).toBe('/x');
    expect(['.DS_Store', 'Thumbs.db', 'desktop.ini', 'scan.png'].map(isLitter)).toEqual([true, true, true, false]);
  });
});
