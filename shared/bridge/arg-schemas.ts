/**
 * The door of the host: one schema per bridge method's argument, and the check every shell runs before a method
 * sees what arrived. A malformed call becomes a `bad-input` message naming the method and the field, so nothing a
 * page sends can reach host code with the wrong shape (and crash it, or pollute a prototype).
 */
import { z } from 'zod';
import { appearanceSchema } from './appearance-schema.ts';
import { attachmentUploadSchema, getAttachmentSchema } from './attachment-schema.ts';
import { MAX_SCHEMA_DEPTH } from '../params/schema-depth.ts';
import {
  batchExportSchema,
  batchIdSchema,
  batchItemsQuerySchema,
  batchPlanInputSchema,
  batchStopSchema,
} from './batch-schema.ts';
import { batchResultRefSchema, stageBatchFilesSchema } from './batch-files-schema.ts';
import { cancelChatSchema, chatRequestSchema } from './chat-schema.ts';
import { compareInfoQuerySchema, preferenceMarkSchema } from './compare-schema.ts';
import type { BridgeMethodName, BridgeMethods } from './contract.ts';
import { chooseFolderInputSchema, desktopSettingsInputSchema } from './desktop-schema.ts';
import { guideDoneSchema, scanLocalServersSchema, warmLocalOcrSchema } from './local-ocr-schema.ts';
import { modelPriceInputSchema, modelRefSchema, modelScopeSchema } from './model-schema.ts';
import { providerIdSchema, providerInputSchema } from './provider-schema.ts';
import {
  deleteTurnSchema,
  identifyServerSchema,
  jsonSchemaArgSchema,
  requestCodeSchema,
  validateAnswerSchema,
} from './playground-schema.ts';
import { noArgSchema } from './schema-kit.ts';
import { exportSessionSchema, renameSessionSchema, sessionIdSchema, sessionQuerySchema } from './session-schema.ts';
import { tallyQuerySchema, usageRangeSchema } from './usage-schema.ts';

/** The argument a bridge method takes (undefined for methods without one). */
export type BridgeArg<K extends BridgeMethodName> = Parameters<BridgeMethods[K]>[0];

/** Each method's argument schema; the mapped type makes a schema whose output the method cannot take a compile error. */
export const bridgeArgSchemas: { [K in BridgeMethodName]: z.ZodType<BridgeArg<K>, unknown> } = {
  getInfo: noArgSchema,
  setSessionOnlyKeys: z.boolean(),
  listProviders: noArgSchema,
  saveProvider: providerInputSchema,
  deleteProvider: providerIdSchema,
  testProvider: providerIdSchema,
  listModels: modelScopeSchema,
  setModelPrice: modelPriceInputSchema,
  addModel: modelRefSchema,
  removeModel: modelRefSchema,
  putAttachment: attachmentUploadSchema,
  getAttachment: getAttachmentSchema,
  startChat: chatRequestSchema,
  cancelChat: cancelChatSchema,
  listSessions: sessionQuerySchema,
  getSession: sessionIdSchema,
  renameSession: renameSessionSchema,
  deleteSession: sessionIdSchema,
  exportSession: exportSessionSchema,
  getTally: tallyQuerySchema,
  getUsage: usageRangeSchema,
  exportLedgerCsv: usageRangeSchema,
  markPreferred: preferenceMarkSchema,
  getCompareInfo: compareInfoQuerySchema,
  getDesktopSettings: noArgSchema,
  setDesktopSettings: desktopSettingsInputSchema,
  endSnip: noArgSchema,
  startSnip: noArgSchema,
  chooseFolder: chooseFolderInputSchema,
  planBatch: batchPlanInputSchema,
  startBatch: batchIdSchema,
  stopBatch: batchStopSchema,
  listBatches: noArgSchema,
  getBatchItems: batchItemsQuerySchema,
  retryFailedBatch: batchIdSchema,
  interruptedBatches: noArgSchema,
  exportBatch: batchExportSchema,
  stageBatchFiles: stageBatchFilesSchema,
  openBatchResult: batchResultRefSchema,
  scanLocalServers: scanLocalServersSchema,
  getLocalOcrInfo: noArgSchema,
  setGuideDone: guideDoneSchema,
  warmLocalOcr: warmLocalOcrSchema,
  getAppearance: noArgSchema,
  setAppearance: appearanceSchema,
  deleteTurn: deleteTurnSchema,
  checkJsonSchema: jsonSchemaArgSchema,
  validateAnswer: validateAnswerSchema,
  requestCode: requestCodeSchema,
  identifyServer: identifyServerSchema,
};

/** Keys that could reach an object's prototype if some code ever merged the argument into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key anywhere in `value`, or null. Bytes are skipped: they have no keys to fear. */
function forbiddenKeyPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  // Deeper than any argument of the contract (a JSON Schema the host accepts nests 64 levels, inside its
  // argument): refuse rather than walk a hostile structure.
  if (depth > 2 * MAX_SCHEMA_DEPTH) return path;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key];
    const hit = forbiddenKeyPath((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** What the door decided: the argument as the method may take it, or why it was refused. */
export type ArgCheck<K extends BridgeMethodName> = { ok: true; value: BridgeArg<K> } | { ok: false; message: string };

const describePath = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : 'argument');

/** Checks one call's argument against its method's schema. */
export function checkBridgeArg<K extends BridgeMethodName>(method: K, arg: unknown): ArgCheck<K> {
  const bad = forbiddenKeyPath(arg);
  if (bad) return { ok: false, message: `${method}: ${describePath(bad)}: this key is not allowed.` };
  const parsed = bridgeArgSchemas[method].safeParse(arg);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${method}: ${describePath(issue?.path ?? [])}: ${issue?.message ?? 'not a valid argument'}` };
}
