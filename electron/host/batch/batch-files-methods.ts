/**
 * The Batch view's files in and results out (shared/bridge/batch-files.ts). Uploads from the browser shell are laid
 * out under `<dataDir>/batch-drops/<stamp>/` by their dropped paths (hard links to the content-addressed store,
 * a copy where links are refused), so the planner reads a real folder and the outputs keep the files' names. A
 * finished file's result becomes a session of its own (its pictures attached again by the same attachItem as the
 * run, so boxes land on the same images and pages), made once per request and reopened after.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { BatchResultLine } from '../../../shared/batch/types.ts';
import type { BatchFilesApi } from '../../../shared/bridge/batch-files.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import { catalogEntry, catalogModel } from '../../../shared/providers/catalog.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import type { Db } from '../db.ts';
import type { ProviderStore } from '../provider-store.ts';
import { userMessageId, type SessionStore } from '../sessions/session-store.ts';
import { attachItem } from './attach-item.ts';
import { BatchStore } from './batch-store.ts';

export interface BatchFilesDeps {
  db: Db;
  dataDir: string;
  attachments: AttachmentStore;
  sessions: SessionStore;
  providers: ProviderStore;
}

/** The folder a drop is staged in: sortable by time, unique however many drops a second. */
const stageName = () => `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;

export function batchFilesMethodsFor(d: BatchFilesDeps): BatchFilesApi {
  const store = new BatchStore(d.db);
  return {
    async stageBatchFiles({ files }) {
      const dir = join(d.dataDir, 'batch-drops', stageName());
      mkdirSync(dir, { recursive: true });
      let staged = 0;
      for (const f of files) {
        if (!d.attachments.info(f.attachmentId))
          throw new BadInputError(hostMessage('batch.drop-not-uploaded', { path: f.path }));
        const target = resolve(dir, ...f.path.split('/'));
        // The schema already refuses ".." and absolute parts; this is the last word, whatever the OS makes of a name.
        if (!target.startsWith(dir + sep)) throw new BadInputError(hostMessage('batch.drop-outside', { path: f.path }));
        if (existsSync(target)) continue;
        mkdirSync(dirname(target), { recursive: true });
        const source = d.attachments.pathOf(f.attachmentId);
        try {
          linkSync(source, target);
        } catch {
          copyFileSync(source, target);
        }
        staged++;
      }
      return { dir, files: staged };
    },

    async openBatchResult({ batchId, idx }) {
      const batch = store.get(batchId);
      const item = batch ? store.item(batchId, idx) : null;
      if (!batch || !item) throw new BadInputError(hostMessage('batch.no-such-file'));
      if (!item.result) throw new BadInputError(hostMessage('batch.no-result', { name: item.name }));
      const line = JSON.parse(item.result) as BatchResultLine;
      // The run's request id names the session's exchange, so a second open finds the session the first made.
      const requestId = line.request_id ?? `${batchId}-${idx}`;
      const made = d.db.prepare('SELECT session_id FROM messages WHERE id = ?').get(userMessageId(requestId)) as
        | { session_id: string }
        | undefined;
      if (made) return { sessionId: made.session_id };

      const spec = batch.spec;
      const provider = spec.providerId ? d.providers.get(spec.providerId) : null;
      const model = spec.model ?? provider?.model ?? '';
      const context = provider ? (catalogModel(provider.catalogId, model)?.contextTokens ?? null) : null;
      let refs: Awaited<ReturnType<typeof attachItem>>;
      try {
        refs = await attachItem(item, spec, d.attachments, context);
      } catch (e) {
        throw new BadInputError(
          hostMessage('batch.result-unshowable', { name: item.name, reason: e instanceof Error ? e.message : String(e) }),
        );
      }
      // results.jsonl keeps no reasoning, estimate or finish reason: the session shows the answer and its boxes.
      const result: ChatResult = {
        answer: line.answer,
        reasoning: '',
        boxes: line.boxes,
        usage: line.usage,
        cost: line.cost,
        estimate: { prompt_tokens: item.est_prompt_tokens, usd: null },
        finish_reason: null,
        timings: line.timings,
        error: line.error,
      };
      const sessionId = randomUUID();
      const at = Date.now();
      d.sessions.beginTurn({
        sessionId,
        requestId,
        prompt: spec.prompt,
        attachments: refs.map((r) => ({ id: r.id, label: r.label ?? null, source: r.source })),
        providerName: provider?.name ?? catalogEntry(spec.provider).name,
        model,
        thinking: spec.thinking,
        at,
      });
      d.sessions.finishTurn(requestId, result, at);
      d.sessions.rename(sessionId, item.name);
      return { sessionId };
    },
  };
}
