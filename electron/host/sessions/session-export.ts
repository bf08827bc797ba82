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

/** Markdown for a whole session; image links point at `images/...` beside the .md file. */
export function sessionMarkdown(d: SessionDetail, exportedAt = Date.now()): string {
  const out: string[] = [
    `# ${d.session.title}`,
    '',
    `_Exported from Glimpse on ${new Date(exportedAt).toISOString().slice(0, 10)}._`,
    '',
  ];
  d.turns.forEach((t, n) => {
    out.push(`## ${n + 1}. Question`, '');
    t.attachments.forEach((a, i) => {
      out.push(`![${a.label ?? a.name}](${imageFile(n, i, a)})`, '');
    });
    if (t.prompt) out.push(t.prompt, '');
    out.push(`### Answer — ${t.providerName} · ${t.model} · ${t.thinking ? 'thinking' : 'fast'}`, '');
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

/** The JSON export: the stored session as data, attachments by name and content hash. */
export function sessionJson(d: SessionDetail, exportedAt = Date.now()): string {
  // Bidi controls as \u escapes: the same strings to a JSON parser, no reordering in a viewer or editor.
  return jsonBidiEscaped(
    JSON.stringify(
      {
        format: 'glimpse-session',
        version: 1,
        exportedAt: new Date(exportedAt).toISOString(),
        session: { id: d.session.id, title: d.session.title, createdAt: new Date(d.session.createdAt).toISOString() },
        turns: d.turns.map((t) => ({
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
): SessionExportFile {
  const base = safeName(d.session.title);
  if (format === 'json') {
    return { fileName: `${base}.json`, mime: 'application/json', bytes: new TextEncoder().encode(sessionJson(d, exportedAt)) };
  }
  const files: Record<string, Uint8Array> = { [`${base}/${base}.md`]: new TextEncoder().encode(sessionMarkdown(d, exportedAt)) };
  d.turns.forEach((t, n) => {
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
