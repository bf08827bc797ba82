import { describe, expect, it } from 'vitest';
import { sessionJson, sessionMarkdown } from '../../../../electron/host/sessions/session-export.ts';
import type { SessionDetail } from '../../../../shared/bridge/sessions.ts';

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const detail: SessionDetail = {
  session: { id: 's1', title: 'Files \u202eexe.txt', createdAt: 0, updatedAt: 0, turns: 1, snippet: null },
  turns: [
    {
      id: 't1',
      requestId: null,
      parentId: null,
      params: null,
      prompt: 'Which file?',
      attachments: [],
      providerName: 'Fake',
      model: 'm',
      thinking: true,
      status: 'done',
      reasoning: 'The name is \u2066hidden\u2069.',
      answer: 'Open invoice\u202etxt.exe now.',
      boxes: [],
      result: null,
      createdAt: 0,
    },
  ],
};

describe('session export and bidi controls', () => {
  it('Markdown shows every override and isolate by name, so no viewer reorders the text', () => {
    const md = sessionMarkdown(detail, 0);
    expect(md).not.toMatch(BIDI);
    expect(md).toContain('Open invoice⟨RLO U+202E⟩txt.exe now.');
    expect(md).toContain('The name is ⟨LRI U+2066⟩hidden⟨PDI U+2069⟩.');
  });

  it('JSON escapes them, and parses back to the answer exactly as received', () => {
    const json = sessionJson(detail, 0);
    expect(json).not.toMatch(BIDI);
    expect(json).toContain('invoice\\u202etxt.exe');
    expect(JSON.parse(json).turns[0].answer).toBe('Open invoice\u202etxt.exe now.');
  });
});
