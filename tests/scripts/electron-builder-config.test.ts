/**
 * electron-builder.yml checked against electron-builder's own JSON schema (the one it validates with at package
 * time, shipped in app-builder-lib), plus what the installers need from package.json, so a packaging mistake
 * fails `npm test` instead of a release build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
interface Config {
  productName: string;
  artifactName: string;
  linux: { maintainer: string; executableName: string };
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Config;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & {
  productName: string;
  repository: { url: string };
};
// Compiled once: the schema is large.
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

describe('packaging configuration', () => {
  it('is valid by electron-builder’s schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses a misspelt option, so the check above can fail', () => {
    expect(validate({ ...config, linux: { ...config.linux, targte: 'deb' } })).toBe(false);
  });

  it('names the app "Glimpse" (the data folder depends on it) and has what installers show', () => {
    expect(config.productName).toBe('Glimpse');
    expect(pkg.productName).toBe('Glimpse');
    for (const field of ['homepage', 'license', 'description']) expect(pkg[field], field).toBeTruthy();
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@/) });
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
  });

  it('makes artifact names without spaces, and a deb with a maintainer', () => {
    expect(config.artifactName).not.toMatch(/\s/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own macro syntax
    expect(config.artifactName.replaceAll('${productName}', pkg.productName)).not.toMatch(/\s/);
    expect(config.linux.maintainer).toMatch(/^[^<>@]+ <[^<>\s]+@[^<>\s]+\.[a-z]+>$/);
    expect(config.linux.maintainer).not.toMatch(/example\.(org|com)/);
    expect(config.linux.executableName).not.toMatch(/\s/);
  });
});
