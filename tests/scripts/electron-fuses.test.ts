/**
 * The packaged app's Electron fuses, as electron-builder flips them from electron-builder.yml. Each must be set
 * to the safe value, and every key must be one electron-builder knows (a misspelt fuse would be ignored).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own YAML reader and option schema, so the test reads the file exactly as packaging does.
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = require('app-builder-lib/scheme.json') as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
  electronFuses?: Record<string, unknown>;
  asar?: boolean;
};

describe('electron-builder.yml fuses', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableCookieEncryption', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('names only fuses electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });

  it('keeps the asar archive that onlyLoadAppFromAsar and integrity checking rely on', () => {
    expect(config.asar).not.toBe(false);
  });
});
