/** PDFs at the edges on Node: AES-256 passwords that are not ASCII. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../../electron/host/media/pdf-render.ts';
import { makeEncryptedPdf } from '../../../fixtures/media/make-media.ts';

describe('AES-256 passwords that are not ASCII', () => {
  it('opens revision 6 when the password is typed decomposed (NFD), as SASLprep requires', async () => {
    const bytes = readFileSync(await makeEncryptedPdf('host-umlaut-r6.pdf', 'pässwört'));
    expect((await openPdf(bytes, { password: 'pässwört' })).pageCount).toBe(3);
    expect((await openPdf(bytes, { password: 'pässwört'.normalize('NFD') })).pageCount).toBe(3);
    await expect(openPdf(bytes, { name: 'u.pdf', password: 'passwort' })).rejects.toThrow('u.pdf is encrypted and that password is wrong.');
  });

  it('opens revision 5 (the older AES-256) with its UTF-8 password', async () => {
    const bytes = readFileSync(await makeEncryptedPdf('host-umlaut-r5.pdf', 'pässwört', { r5: true }));
    expect((await openPdf(bytes, { password: 'pässwört' })).pageCount).toBe(3);
  });
});
