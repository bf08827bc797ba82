import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  buildWindowOptions,
  isAllowedNavigation,
  isTrustedSender,
  windowOpenDecision,
} from '../../../electron/main/window-options.ts';

describe('buildWindowOptions', () => {
  const o = buildWindowOptions('/app/preload.cjs');
  const wp = o.webPreferences!;

  it('turns on the sandbox and context isolation, and off Node in the renderer', () => {
    expect(wp.sandbox).toBe(true);
    expect(wp.contextIsolation).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
  });

  it('refuses webviews, insecure content and experimental features', () => {
    expect(wp.webviewTag).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload', () => {
    expect(wp.preload).toBe('/app/preload.cjs');
  });
});

describe('isAllowedNavigation', () => {
  it.each([`${APP_ORIGIN}/`, 'glimpse://app/index.html', 'glimpse://app/settings?tab=keys#x'])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5178/',
    'file:///etc/passwd',
    'glimpse://app.evil.example/',
    'glimpse://evil/',
    'glimpse://app:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it.each(['https://docs.z.ai/api-reference', 'http://example.com/x', 'HTTPS://OPENROUTER.AI/'])(
    'opens %s in the system browser',
    (url) => {
      expect(windowOpenDecision(url)).toBe('open-external');
    },
  );

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    'glimpse://app/',
    'blob:glimpse://app/1234',
    'mailto:a@b.c',
    'smb://share/x',
    'nonsense',
  ])('denies %s', (url) => {
    expect(windowOpenDecision(url)).toBe('deny');
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app’s own top frame', () => {
    expect(isTrustedSender('glimpse://app/index.html', true)).toBe(true);
    expect(isTrustedSender('glimpse://app/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
  });
});
