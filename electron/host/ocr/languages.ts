/**
 * The OCR languages Glimpse ships: Tesseract's `best_int` models from the `@tesseract.js-data/*` npm packages,
 * read from disk, never fetched. tesseract.js reads every language from one folder (`langPath`), while each
 * package keeps its model in a folder of its own, so the models are linked (or copied) into one folder under the
 * data dir the first time OCR runs.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { requireHere } from '../require-here.ts';
import { dirname, join } from 'node:path';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';

/** Language codes Glimpse knows a data package for, with the name a person reads. */
export const KNOWN_LANGUAGES: Readonly<Record<string, string>> = {
  eng: 'English',
  chi_sim: 'Chinese (Simplified)',
};

const MODEL_FOLDER = '4.0.0_best_int';

/** The packaged model file of a language, or null when its package is not installed. */
export function modelFile(code: string): string | null {
  try {
    const root = dirname(requireHere().resolve(`@tesseract.js-data/${code}/package.json`));
    const file = join(root, MODEL_FOLDER, `${code}.traineddata.gz`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Codes of the languages whose data is installed, in catalog order. */
export function installedLanguages(): string[] {
  return Object.keys(KNOWN_LANGUAGES).filter((c) => modelFile(c) !== null);
}

/**
 * Checks a language spec like `eng+chi_sim` and returns it normalised (each code once, in the order given).
 * A code that is not installed is a bad-input error naming the installed ones.
 */
export function parseLanguages(spec: string): string {
  const codes = [
    ...new Set(
      spec
        .split('+')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const installed = installedLanguages();
  const missing = codes.filter((c) => !installed.includes(c));
  if (codes.length === 0 || missing.length > 0) {
    const list = installed.map((c) => `${c} (${KNOWN_LANGUAGES[c]})`).join(', ');
    throw new BadInputError(
      codes.length === 0
        ? hostMessage('ocr.no-language', { list })
        : hostMessage('ocr.language-missing', { code: missing[0]!, list }),
    );
  }
  return codes.join('+');
}

/**
 * A folder holding `<code>.traineddata.gz` for every installed language (hard links where the file system
 * allows, else copies), made once under `root`. Returns its path for tesseract.js's `langPath`.
 */
export function languageFolder(root: string): string {
  const dir = join(root, 'ocr-languages');
  mkdirSync(dir, { recursive: true });
  for (const code of installedLanguages()) {
    const src = modelFile(code)!;
    const dst = join(dir, `${code}.traineddata.gz`);
    if (existsSync(dst) && statSync(dst).size === statSync(src).size) continue;
    // Written under a temporary name and renamed, so a crash never leaves a truncated model behind.
    const tmp = `${dst}.${process.pid}.tmp`;
    try {
      linkSync(src, tmp);
    } catch {
      copyFileSync(src, tmp);
    }
    renameSync(tmp, dst);
  }
  return dir;
}
