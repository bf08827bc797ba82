/**
 * The store's shape: every slice's state and actions, and the whole. Kept apart from the slices' code so a slice
 * can name the whole state without importing the module that assembles it (no import cycle, not even of types).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { LocalServer } from '../../shared/bridge/local-ocr.ts';
import type { ConnectionReport, ProviderInput, ProviderView } from '../../shared/bridge/providers.ts';
import type { SessionExportFormat, SessionSummary } from '../../shared/bridge/sessions.ts';
import type { Tally, UsageRange, UsageReport } from '../../shared/bridge/usage.ts';
import type { ClipState, PdfPick, PendingAttachment } from '../model/attachments.ts';
import type { LaneConfig } from '../model/lanes.ts';
import type { SentMedia } from '../model/media-refs.ts';
import type { Turn } from '../model/turn.ts';
import type { ParamPreset, PresetsProblem } from '../model/presets.ts';
import type { AnswerValidation, RequestCode, SchemaProblem } from '../../shared/bridge/playground.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import type { BatchCounts, BatchEvent, BatchItemView } from '../../shared/batch/types.ts';
import type { BatchExportRequest, BatchPlanInput, BatchPlanView, BatchSummary } from '../../shared/bridge/batch.ts';
import type { DroppedFile } from '../model/batch-drop.ts';
import type { Notice } from '../model/notice.ts';
import type { HostMessage } from '../../shared/messages/messages.ts';

export interface ProvidersSlice {
  providers: ProviderView[];
  providerId: string | null;
  thinking: boolean;
  providersError: string | null;
  loadProviders(): Promise<void>;
  selectProvider(id: string): void;
  setThinking(on: boolean): void;
  saveProvider(input: ProviderInput): Promise<ProviderView>;
  deleteProvider(id: string): Promise<void>;
  testProvider(id: string): Promise<ConnectionReport>;
}

export interface ComposerSlice {
  prompt: string;
  attachments: PendingAttachment[];
  /** A message about the last thing attached (a refused file), shown inline in the composer. */
  notice: Notice | null;
  /** Visual tokens per image (256..16,384), remembered across launches. */
  budget: number;
  /** What is being done before a send (rendering pages, uploading them), or null. */
  preparing: HostMessage | null;
  setPrompt(prompt: string): void;
  setBudget(budget: number): void;
  addFiles(files: File[]): Promise<void>;
  removeAttachment(localId: string): void;
  clearComposer(): void;
  dismissNotice(): void;
  /** Opens a password-protected PDF; resolves false when the password is wrong. */
  unlockPdf(localId: string, password: string): Promise<boolean>;
  setPdfPick(localId: string, patch: Partial<Pick<PdfPick, 'pages' | 'withText'>>): void;
  setClip(localId: string, patch: Partial<Pick<ClipState, 'send' | 'plan' | 'range'>>): void;
  /** (Re)samples a clip's frames with its current plan and range. */
  sampleClip(localId: string): Promise<void>;
  /** Renders and stores what the attachments send; null (and a notice) when something cannot be sent. */
  prepareAttachments(): Promise<SentMedia | null>;
}

export interface ConversationSlice {
  /** The turns shown: the path from the first question to the current one (renderer/model/thread.ts). */
  turns: Turn[];
  /** Sends the composer's prompt and files to the chosen provider: a send with one lane. */
  send(): Promise<void>;
  /** The one send path: a single ask is one lane, a compare two to four (renderer/model/send-plan.ts). */
  sendLanes(lanes: readonly LaneConfig[], compare: boolean): Promise<void>;
  stop(turnId: string): Promise<void>;
  /** Applies a batch of bridge events; called once per animation frame by bridge-events.ts. */
  applyChatEvents(batch: ChatEventEnvelope[]): void;
}

export interface SessionsSlice {
  /** The open session. A new one has an id before its first message; the host creates it on that message. */
  sessionId: string;
  sessions: SessionSummary[];
  sessionSearch: string;
  /** A problem with the sessions list or an action on it, shown in the sidebar. */
  sessionsError: string | null;
  loadSessions(): Promise<void>;
  setSessionSearch(q: string): void;
  openSession(id: string): Promise<void>;
  newSession(): void;
  renameSession(id: string, title: string): Promise<boolean>;
  deleteSession(id: string): Promise<void>;
  exportSession(id: string, format: SessionExportFormat): Promise<void>;
  /** At start: reopens the session that was open last time, if it still exists. */
  restoreLastSession(): Promise<void>;
}

export interface UsageSlice {
  tally: Tally | null;
  tallyError: string | null;
  refreshTally(): Promise<void>;
  usageRange: UsageRange;
  usageReport: UsageReport | null;
  usageError: string | null;
  loadUsage(range?: UsageRange): Promise<void>;
  exportLedgerCsv(): Promise<void>;
}

/** Names one box of one turn: `${turnId}:${n}` (n is the box's 1-based number in its answer). */
export type BoxKey = string;

/**
 * What the person did with the boxes of answers. The boxes themselves are derived from each turn's answer text
 * (renderer/features/grounding/use-grounding.ts), never stored: this slice holds only choices made on them.
 */
export interface GroundingSlice {
  /** The box under the pointer, in the text (chip) or on an image: both highlight. */
  hoveredBox: BoxKey | null;
  hiddenBoxes: Record<BoxKey, true>;
  /** Boxes the person moved to another image of the same turn: the image index. */
  movedBoxes: Record<BoxKey, number>;
  /** The image open in the zoomable viewer. */
  viewer: { turnId: string; image: number } | null;
  setHoveredBox(key: BoxKey | null): void;
  toggleBoxHidden(key: BoxKey): void;
  moveBox(key: BoxKey, image: number): void;
  openViewer(turnId: string, image: number): void;
  closeViewer(): void;
}

/**
 * Compare (issue #7): the lane setup, running a compare (each lane its own chat request, all with one
 * compareGroup, so they stream concurrently and stop or fail independently), and the person's "better lane"
 * marks. The lanes themselves are turns of the conversation (see conversation-slice.ts), so streaming, Stop and
 * session storage work exactly as for a single request.
 */
export interface CompareSlice {
  /** The lanes set up by the person; null means the default: the chosen provider+model, thinking on vs off. */
  compareLanes: LaneConfig[] | null;
  /** compare group → request id of the lane marked better. */
  comparePreferred: Record<string, string>;
  /** compare group → why its mark could not be stored. */
  compareMarkError: Record<string, string>;
  /** The lanes a compare would run now (the person's setup, or the default). */
  effectiveLanes(): LaneConfig[];
  setLane(index: number, patch: Partial<LaneConfig>): void;
  addLane(): void;
  removeLane(index: number): void;
  resetLanes(): void;
  runCompare(): Promise<void>;
  /** Stops every running lane of a group. */
  stopCompare(group: string): Promise<void>;
  markPreferred(group: string, requestId: string | null): Promise<void>;
  /** Regroups the lanes of a reopened session and restores its marks. */
  restoreCompares(): Promise<void>;
}

/** Working without a key (issue #11): local model servers found, and the first-run guide. */
export interface LocalOcrSlice {
  /** The servers found by the last scan; null before one finished. */
  localServers: LocalServer[] | null;
  scanning: boolean;
  localServersError: string | null;
  guideOpen: boolean;
  /** Local OCR's installed languages. */
  ocrLanguages: { code: string; name: string }[];
  /** The host's last scan, or a new one when `fresh`. */
  scanLocalServers(fresh?: boolean): Promise<void>;
  /** Saves a found server as a provider (its kind brings the thinking dialect) and picks it. */
  addLocalServer(server: LocalServer, model: string): Promise<void>;
  /** At start: opens the guide if it was never done. */
  loadGuide(): Promise<void>;
  openGuide(): void;
  /** Closes the guide and remembers it was done (finished or skipped). */
  closeGuide(): Promise<void>;
  /** Picks Local OCR and reads the file (the guide's sample receipt). */
  readSample(file: File): Promise<void>;
}

/** The parameters panel and its presets (issue #10; params-slice.ts). */
export interface ParamsSlice {
  /** What the next request is sent with; an absent key is the provider's default (not sent). */
  params: SamplingParams;
  presets: ParamPreset[];
  /** Why the last import was refused, as data (the view words it). */
  presetsError: PresetsProblem | null;
  /**
   * Values refused where they were typed, by field: a send is held back until they are fixed, and the composer
   * says the message (worded by the view that refused it, in the window's language).
   */
  paramErrors: Record<string, string>;
  setParamError(field: string, message: string | null): void;
  /** Sets some parameters; a key given as undefined goes back to the provider default. */
  setParams(patch: Partial<SamplingParams>): void;
  replaceParams(params: SamplingParams): void;
  savePreset(name: string): void;
  applyPreset(name: string): void;
  deletePreset(name: string): void;
  exportPresets(): void;
  importPresets(file: File): Promise<void>;
  /** Why a JSON schema is not valid JSON Schema (checked by the host with ajv); empty when it is. */
  /** Why a schema cannot be used (message codes the view words, or ajv's lines); empty when it can. */
  checkSchema(schema: Record<string, unknown>): Promise<SchemaProblem[]>;
}

/** Regenerate, edit and resend, Continue, delete a turn, and flipping between branches (branch-slice.ts). */
export interface BranchSlice {
  /** The turns of the session's tree that are not on the shown path. */
  hiddenTurns: Turn[];
  /** Shows the branch through this turn (to its newest leaf). */
  flipTo(turnId: string): void;
  /** A new answer to the same question: a sibling of the turn, sent with the current provider and parameters. */
  /**
   * A sibling answer to the same question: by default with the settings that turn was sent with (the same request
   * again); `current` uses the toolbar's provider, model and thinking and the panel's parameters instead.
   */
  regenerate(turnId: string, opts?: { current?: boolean }): Promise<void>;
  /** The question edited and sent again: a new branch from the same point; the old one is kept. */
  editAndResend(turnId: string, prompt: string): Promise<void>;
  /** Asks the model to go on after an answer cut off at its token limit. */
  continueAnswer(turnId: string): Promise<void>;
  deleteTurn(turnId: string): Promise<void>;
  /** A whole stored tree shown at its newest branch (a reopened session). */
  showTree(all: Turn[]): void;
  /** The exact request a shown turn sends (View code); throws with the host's reason. */
  requestCode(turnId: string): Promise<RequestCode>;
  /** A structured answer checked against the schema it was asked with (by the host, with ajv). */
  validateAnswer(turnId: string): Promise<AnswerValidation | null>;
}

/** The Batch view's fields as typed (kept in the store, so closing the view loses nothing). */
export interface BatchDraft {
  /** Paths, one per line. */
  inputs: string;
  outDir: string;
  preset: string;
  prompt: string;
  schema: string;
  concurrency: string;
  maxCost: string;
}

/** The Batch view (issue #13; batch-slice.ts): a batch planned, run and followed through `batch` events. */
export interface BatchSlice {
  batchDraft: BatchDraft;
  setBatchDraft(patch: Partial<BatchDraft>): void;
  /** The batch shown: the last one planned or resumed. */
  batchId: string | null;
  /** What Estimate found and priced; null for a batch resumed from the banner. */
  batchPlan: BatchPlanView | null;
  /** Every file of the batch, in order; patched by events, fetched again for tokens. */
  batchItems: BatchItemView[];
  batchCounts: BatchCounts | null;
  batchSpent: number;
  batchPhase: 'idle' | 'planned' | 'running' | 'stopping' | 'done' | 'stopped';
  /** Why the batch stopped early (the host's words: max cost reached, key refused, disk full...). */
  batchStopReason: string | null;
  batchError: string | null;
  /** An estimate is being made. */
  batchBusy: boolean;
  /** Batches a quit left unfinished, offered for resuming. */
  batchInterrupted: BatchSummary[];
  /** Every batch of the data folder, newest first: the usage view's batch filter. */
  batchList: BatchSummary[];
  loadBatchList(): Promise<void>;
  /** Dropped files being uploaded (browser shell): how far along. */
  batchUpload: { done: number; total: number } | null;
  /** Dropped files that could not be uploaded, with why: listed, never dropped silently. */
  batchDropProblems: { path: string; reason: string }[];
  /** The paths on disk of dropped or picked files, when every one has one (the desktop app); else null. */
  localPathsOf(files: readonly File[]): string[] | null;
  /** Adds folders or files to the batch's inputs. */
  addBatchInputs(paths: readonly string[]): void;
  /**
   * Desktop app: the system's folder dialog, and the folder picked added to the batch; true when it was shown. False
   * in the browser shell, whose window then uses its own picker.
   */
  chooseBatchFolder(title: string): Promise<boolean>;
  /** Uploads dropped files (browser shell), stages them on the host under their paths, adds the staged folder. */
  uploadBatchFiles(files: readonly DroppedFile<File>[]): Promise<void>;
  /** Opens a finished file's result in the answer view (a session of its own); true once it is shown. */
  openBatchResult(idx: number): Promise<boolean>;
  /** Plans with the toolbar's provider, model and thinking and the composer's budget; sends nothing. */
  planBatch(input: Omit<BatchPlanInput, 'providerId' | 'model' | 'thinking' | 'budget'>): Promise<void>;
  startBatch(): Promise<void>;
  /** cancel false: start nothing new and let what is in flight finish; true: cancel that too. */
  stopBatch(cancel: boolean): Promise<void>;
  /** The failed files back to pending, and the batch started again. */
  retryFailed(): Promise<void>;
  exportBatch(format: BatchExportRequest['format']): Promise<void>;
  refreshBatchItems(): Promise<void>;
  loadInterruptedBatches(): Promise<void>;
  dismissInterrupted(): void;
  resumeBatch(id: string): Promise<void>;
  /** Applies `batch` events, once per animation frame (bridge-events.ts). */
  applyBatchEvents(events: BatchEvent[]): void;
}

export type State = ProvidersSlice &
  BatchSlice &
  ParamsSlice &
  BranchSlice &
  ComposerSlice &
  ConversationSlice &
  SessionsSlice &
  UsageSlice &
  GroundingSlice &
  CompareSlice &
  LocalOcrSlice;

export type AppStore = StoreApi<State>;
