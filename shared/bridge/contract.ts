/**
 * The bridge contract: the only thing the renderer knows about its host. The Electron preload (IPC) and the
 * browser shell (HTTP + server-sent events) both implement it; the renderer picks one at start.
 * Each domain lives in its own file; this one only assembles them.
 */
import type { HostMessage } from '../messages/messages.ts';
import type { AppearanceApi } from './appearance.ts';
import { appearanceMethods } from './appearance.ts';
import type { AttachmentApi } from './attachments.ts';
import type { BatchApi, BatchEventEnvelope } from './batch.ts';
import { batchMethods } from './batch.ts';
import { type BatchFilesApi, batchFilesMethods, type LocalFilePaths } from './batch-files.ts';
import { attachmentMethods } from './attachments.ts';
import type { ChatApi, ChatEventEnvelope } from './chat.ts';
import { chatMethods } from './chat.ts';
import type { CompareApi } from './compare.ts';
import { compareMethods } from './compare.ts';
import type { DesktopApi, DesktopEvent } from './desktop.ts';
import { desktopMethods } from './desktop.ts';
import type { LocalOcrApi } from './local-ocr.ts';
import { localOcrMethods } from './local-ocr.ts';
import type { ModelsApi } from './models.ts';
import { modelMethods } from './models.ts';
import type { PlaygroundApi } from './playground.ts';
import { playgroundMethods } from './playground.ts';
import type { ProviderApi } from './providers.ts';
import { providerMethods } from './providers.ts';
import type { SessionApi } from './sessions.ts';
import { sessionMethods } from './sessions.ts';
import type { UsageApi } from './usage.ts';
import { usageMethods } from './usage.ts';

/**
 * How API keys are kept. `keychain`: encrypted with a key the OS secret store holds (Keychain, DPAPI, libsecret,
 * kwallet). `basic-text`: encrypted with a key built into Electron, because Linux offered no secret store, so any
 * program that can read the file can read the keys. `file`: a plain file readable by the owner only (browser
 * shell, CLI). With `sessionOnly`, keys entered now are held in memory and never written.
 */
export interface KeyStorageInfo {
  backend: 'keychain' | 'basic-text' | 'file';
  sessionOnly: boolean;
}

export interface HostInfo {
  /** Which shell started the host: the desktop app, the browser shell, or the `glimpse` command. */
  shell: 'electron' | 'browser' | 'cli';
  version: string;
  dataDir: string;
  platform: string;
  keyStorage: KeyStorageInfo;
}

export interface AppApi {
  getInfo(): Promise<HostInfo>;
  /**
   * Keeps keys for this session only (in memory, never written; stored ones move to memory and leave the disk),
   * or back on disk. The choice is remembered; returns the host info as it now is.
   */
  setSessionOnlyKeys(on: boolean): Promise<HostInfo>;
}

/** Everything the host pushes to the renderer. */
export type HostEvent = ChatEventEnvelope | BatchEventEnvelope;

/** The request/response half of the bridge: every method takes at most one argument and returns a promise. */
export interface BridgeMethods
  extends AppApi,
    AppearanceApi,
    ProviderApi,
    ModelsApi,
    AttachmentApi,
    ChatApi,
    SessionApi,
    UsageApi,
    CompareApi,
    DesktopApi,
    BatchApi,
    BatchFilesApi,
    LocalOcrApi,
    PlaygroundApi {}

export type BridgeMethodName = keyof BridgeMethods;

/** The whole bridge as the renderer uses it. */
export interface GlimpseBridge extends BridgeMethods {
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Menu, tray, shortcut and second-launch events: only the desktop app has them. */
  onDesktopEvent?(listener: (event: DesktopEvent) => void): () => void;
  /** Only the desktop app knows where a dropped file is on disk (see LocalFilePaths). */
  pathForFile?: LocalFilePaths['pathForFile'];
}

/** Every method name, so transports can expose and route named methods without repeating the list. */
export const bridgeMethodNames: readonly BridgeMethodName[] = [
  'getInfo',
  'setSessionOnlyKeys',
  ...providerMethods,
  ...modelMethods,
  ...attachmentMethods,
  ...chatMethods,
  ...sessionMethods,
  ...usageMethods,
  ...compareMethods,
  ...desktopMethods,
  ...batchMethods,
  ...batchFilesMethods,
  ...localOcrMethods,
  ...appearanceMethods,
  ...playgroundMethods,
];

/** A failure that crossed the bridge, kept typed so the renderer can show its kind. */
export interface BridgeFailure {
  kind: string;
  /** English: what logs and the CLI show, and the window's fallback for a code it does not know. */
  message: string;
  /** The message code the window translates, when the host gave the failure one. */
  summary?: HostMessage;
}
