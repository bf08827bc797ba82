/**
 * A session as a file to keep: Markdown in a zip with its images beside it (fflate writes the zip), or one JSON
 * document. Built from stored messages only: provider names and models, never keys, URLs or other settings.
 */
import { zipSync } from 'fflate';
import type { SessionDetail, SessionExportFile, SessionExportFormat, StoredTurn } from '../../../shared/bridge/sessions.ts';
import { formatUsd } from '../../../shared/format/figures.ts';
import { jsonBidiEscaped, showBidiControls } from '../../../shared/text/bidi.ts';
import type { AttachmentStore } from '../attachment-store.ts';

/** A file-system-safe name: letters, digits, dashes; never empty. */
export function safeName(s: string, fallback = 'session'): string {
  const n = s
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return n || fallback;
}

const imageFile = (turn: number, i: number, a: StoredTurn['attachments'][number]) => {
  const ext = a.mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  const base = safeName(a.name.replace(/\.[^.]+$/, ''), 'image');
  return `images/${String(turn + 1).padStart(2, '0')}-${i + 1}-${base}.${ext}`;
};

/**
 * The branch shown: the turns from the root to `leafRequestId` (default: the newest turn), each with the other
 * lanes of its compare. Regenerated answers and edited questions off this branch are left out of the Markdown.
 */
export function branchOf(turns: readonly StoredTurn[], leafRequestId?: string | null): StoredTurn[] {
  const byId = new Map(turns.map((t) => [t.id, t]));
  const newest = turns.reduce<StoredTurn | undefined>((a, t) => (!a || t.createdAt >= a.createdAt ? t : a), undefined);
  const leaf = (leafRequestId ? turns.find((t) => t.requestId === leafRequestId) : undefined) ?? newest;
  const chain: StoredTurn[] = [];
  const seen = new Set<string>();
  for (let t = leaf; t && !seen.has(t.id); t = t.parentId ? byId.get(t.parentId) : undefined) {
    seen.add(t.id);
    chain.unshift(t);
  }
  return chain.flatMap((t) =>
    t.compareGroup ? turns.filter((x) => x.compareGroup === t.compareGroup && x.parentId === t.parentId) : [t],
  );
}

/** The parameters a turn was sent with, in one line ("" when all were the provider's defaults). */
function paramsLine(t: StoredTurn): string {
  const { system: _, extra, response_format, ...rest } = t.params ?? {};
  const parts = Object.entries(rest).map(([k, v]) => `${k} ${Array.isArray(v) ? JSON.stringify(v) : v}`);
  if (response_format && response_format.type !== 'text') parts.push(`response_format ${response_format.type}`);
  for (const [k, v] of Object.entries(extra ?? {})) parts.push(`${k} ${JSON.stringify(v)}`);
  return parts.join(' · ');
}

/** Markdown for the branch shown of a session; image links point at `images/...` beside the .md file. */
export function sessionMarkdown(d: SessionDetail, exportedAt = Date.now(), leafRequestId?: string | null): string {
  const out: string[] = [
    `# ${d.session.title}`,
    '',
    `_Exported from Glimpse on ${new Date(exportedAt).toISOString().slice(0, 10)}._`,
    '',
  ];
  branchOf(d.turns, leafRequestId).forEach((t, n) => {
    out.push(`## ${n + 1}. Question`, '');
    if (t.params?.system) out.push('System prompt:', '', ...t.params.system.split('\n').map((l) => `> ${l}`), '');
    t.attachments.forEach((a, i) => {
      out.push(`![${a.label ?? a.name}](${imageFile(n, i, a)})`, '');
    });
    if (t.prompt) out.push(t.prompt, '');
    out.push(`### Answer — ${t.providerName} · ${t.model} · ${t.thinking ? 'thinking' : 'fast'}`, '');
    const params = paramsLine(t);
    if (params) out.push(`<sub>Parameters: ${params}</sub>`, '');
    if (t.reasoning) out.push('<details><summary>Reasoning</summary>', '', t.reasoning, '', '</details>', '');
    out.push(t.answer || '_(no answer)_', '');
    if (t.boxes.length) {
      out.push('Boxes (fractions of the image, x1, y1, x2, y2):', '');
      for (const b of t.boxes)
        out.push(
          `- ${b.label ?? 'box'}: ${[b.x1, b.y1, b.x2, b.y2].map((v) => v.toFixed(3)).join(', ')}${b.image !== null ? ` (image ${b.image + 1})` : ''}`,
        );
      out.push('');
    }
    if (t.status === 'incomplete') out.push('_Interrupted: Glimpse stopped before this answer finished._', '');
    if (t.status === 'cancelled') out.push('_Stopped before the end._', '');
    if (t.result?.error && t.result.error.kind !== 'cancelled')
      out.push(`_Error (${t.result.error.kind}): ${t.result.error.message}_`, '');
    const r = t.result;
    if (r) {
      const u = r.usage;
      out.push(
        `<sub>Tokens: ${u.prompt_tokens} prompt (${u.cached_tokens} cached), ${u.reasoning_tokens} reasoning, ${u.completion_tokens - u.reasoning_tokens} answer · cost ${formatUsd(r.cost.usd)} (${r.cost.source})${r.timings.total_ms !== null ? ` · ${(r.timings.total_ms / 1000).toFixed(2)} s` : ''}</sub>`,
        '',
      );
    }
  });
  // Model text may hold bidi overrides that would show it in another order in any Markdown viewer: shown by name.
  return showBidiControls(out.join('\n'));
}

/**
 * The JSON export: the whole stored tree as data (every branch; `parent` names the turn each follows), attachments
 * by name and content hash.
 */
export function sessionJson(d: SessionDetail, exportedAt = Date.now()): string {
  // Bidi controls as \u escapes: the same strings to a JSON parser, no reordering in a viewer or editor.
  return jsonBidiEscaped(
    JSON.stringify(
      {
        format: 'glimpse-session',
        version: 2,
        exportedAt: new Date(exportedAt).toISOString(),
        session: { id: d.session.id, title: d.session.title, createdAt: new Date(d.session.createdAt).toISOString() },
        turns: d.turns.map((t) => ({
          id: t.id,
          parent: t.parentId,
          params: t.params,
          prompt: t.prompt,
          attachments: t.attachments.map((a) => ({
            name: a.name,
            label: a.label,
            mime: a.mime,
            size: a.size,
            width: a.width,
            height: a.height,
            sha256: a.id,
          })),
          provider: t.providerName,
          model: t.model,
          mode: t.thinking ? 'thinking' : 'fast',
          status: t.status,
          reasoning: t.reasoning,
          answer: t.answer,
          boxes: t.boxes,
          usage: t.result?.usage ?? null,
          cost: t.result?.cost ?? null,
          timings: t.result?.timings ?? null,
          finish_reason: t.result?.finish_reason ?? null,
          error: t.result?.error ?? null,
          createdAt: new Date(t.createdAt).toISOString(),
        })),
      },
      null,
      2,
    ),
  );
}

export function exportSession(
  d: SessionDetail,
  format: SessionExportFormat,
  attachments: AttachmentStore,
  exportedAt = Date.now(),
  leafRequestId?: string | null,
): SessionExportFile {
  const base = safeName(d.session.title);
  if (format === 'json') {
    return { fileName: `${base}.json`, mime: 'application/json', bytes: new TextEncoder().encode(sessionJson(d, exportedAt)) };
  }
  const files: Record<string, Uint8Array> = {
    [`${base}/${base}.md`]: new TextEncoder().encode(sessionMarkdown(d, exportedAt, leafRequestId)),
  };
  branchOf(d.turns, leafRequestId).forEach((t, n) => {
    t.attachments.forEach((a, i) => {
      try {
        files[`${base}/${imageFile(n, i, a)}`] = attachments.read(a.id).bytes;
      } catch {
        // A file missing on disk: the Markdown still links it; the export does not fail for one image.
      }
    });
  });
  // Images are already compressed: store them, deflate only the text.
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: k.endsWith('.md') ? 6 : 0 }]])) as Parameters<
      typeof zipSync
    >[0],
  );
  return { fileName: `${base}.zip`, mime: 'application/zip', bytes: zip };
}
