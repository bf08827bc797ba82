/** The desktop domain's argument schemas (see arg-schemas.ts for how the door uses them). */
import { z } from 'zod';
import type { ChooseFolderInput, DesktopSettingsInput } from './desktop.ts';
import type { Agree, Check } from './schema-kit.ts';

/** An Electron accelerator: modifiers and one key joined by '+', or '' to switch the shortcut off. */
export const acceleratorSchema = z
  .string()
  .max(80)
  .regex(/^$|^[A-Za-z0-9+\-=,./;'[\]\\`]+$/, 'not a keyboard shortcut (e.g. Alt+Shift+S)');

export const snipPresetSchema = z.enum(['extract', 'table', 'formula', 'receipt']);

export const desktopSettingsInputSchema = z.strictObject({
  snipShortcut: acceleratorSchema.optional(),
  snipPreset: snipPresetSchema.nullable().optional(),
});

/** The dialog's title, as the window words it: one short line. */
export const chooseFolderInputSchema = z.strictObject({ title: z.string().max(200) });

export type DesktopSchemasAgree = Check<
  Agree<z.output<typeof desktopSettingsInputSchema>, DesktopSettingsInput> &
    Agree<z.output<typeof chooseFolderInputSchema>, ChooseFolderInput>
>;
