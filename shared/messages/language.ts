/** The languages Glimpse speaks, and which one a list of OS language tags reads: shared by the window and the shell. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language Glimpse shows for a list of BCP 47 tags (the OS's, best first): any Chinese reads Simplified. */
export function languageFor(tags: readonly string[]): Language {
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
