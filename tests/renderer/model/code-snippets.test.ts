import { describe, expect, it } from 'vitest';
import { curlOf, pythonOf, shortenDataUrls, typescriptOf } from '../../../renderer/model/code-snippets.ts';

const img = `data:image/png;base64,${'A'.repeat(4000)}`;
const code = {
  url: 'https://api.z.ai/api/paas/v4/chat/completions',
  keyEnv: 'ZAI_API_KEY',
  body: {
    model: 'glm-4.5v',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: img } },
          { type: 'text', text: "it's" },
        ],
      },
    ],
    stream: true,
    temperature: 0.2,
    thinking: { type: 'disabled' },
    do_sample: false,
  },
};

describe('View code', () => {
  it('curl reads the key from the environment and carries the whole body', () => {
    const c = curlOf(code);
    expect(c).toContain('-H "Authorization: Bearer $ZAI_API_KEY"');
    expect(c).toContain(img);
    expect(c).toContain("--data-binary @- <<'JSON'");
    expect(c).not.toMatch(/sk-|secret/);
  });
  it('Python sends provider fields as extra_body, with Python literals', () => {
    const p = pythonOf(code);
    expect(p).toContain('api_key=os.environ["ZAI_API_KEY"]');
    expect(p).toContain('base_url="https://api.z.ai/api/paas/v4"');
    expect(p).toContain('    temperature=0.2,');
    expect(p).toMatch(/extra_body=\{\n\s+"thinking": \{\n\s+"type": "disabled",\n\s+\},\n\s+"do_sample": False,/);
    expect(p).toContain('stream=True,');
  });
  it('TypeScript uses the openai SDK with the key from process.env', () => {
    const t = typescriptOf(code);
    expect(t).toContain('apiKey: process.env.ZAI_API_KEY');
    expect(t).toContain('"do_sample": false');
  });
  it('shortens data URLs on screen only', () => {
    const s = shortenDataUrls(curlOf(code));
    expect(s).not.toContain(img);
    expect(s).toContain('data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAA…(3 KB)');
  });
});
