import type { HighlightOptions, HighlightResult } from '@streamdown/code';
import { describe, expect, it, vi } from 'vitest';
import { workerHighlighter, type WorkerLike } from '../../../../renderer/features/conversation/highlight-client.ts';
import type { HighlightReply, HighlightRequest } from '../../../../renderer/features/conversation/highlight-protocol.ts';

class FakeWorker implements WorkerLike {
  sent: HighlightRequest[] = [];
  onmessage: ((e: MessageEvent<HighlightReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: HighlightRequest) {
    this.sent.push(m);
  }
  reply(r: HighlightReply) {
    this.onmessage?.({ data: r } as MessageEvent<HighlightReply>);
  }
}

const tokens = (code: string): HighlightResult =>
  ({ tokens: [[{ content: code, offset: 0, color: '#000' }]], fg: '#000', bg: '#fff', themeName: 'x' }) as HighlightResult;
const opts = (code: string, isIncomplete = false): HighlightOptions => ({
  code,
  language: 'js',
  themes: ['github-light', 'github-dark'],
  isIncomplete,
});

describe('workerHighlighter', () => {
  it('asks the worker once per block, calls every waiting render back, then answers from its cache', () => {
    const w = new FakeWorker();
    const plugin = workerHighlighter(w, new Set(['js', 'javascript']));
    const a = vi.fn();
    const b = vi.fn();
    expect(plugin.highlight(opts('let x'), a)).toBeNull();
    expect(plugin.highlight(opts('let x'), b)).toBeNull();
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]).toMatchObject({ code: 'let x', language: 'js', themes: ['github-light', 'github-dark'] });
    w.reply({ id: w.sent[0].id, ok: true, result: tokens('let x') });
    expect(a).toHaveBeenCalledWith(tokens('let x'));
    expect(b).toHaveBeenCalledWith(tokens('let x'));
    expect(plugin.highlight(opts('let x'))).toEqual(tokens('let x'));
    expect(w.sent).toHaveLength(1);
  });

  it('does not cache a block that is still streaming, and drops a failed request', () => {
    const w = new FakeWorker();
    const plugin = workerHighlighter(w, new Set(['js']));
    plugin.highlight(opts('let', true), () => {});
    w.reply({ id: w.sent[0].id, ok: true, result: tokens('let') });
    expect(plugin.highlight(opts('let', true))).toBeNull();
    expect(w.sent).toHaveLength(2);
    const cb = vi.fn();
    plugin.highlight(opts('bad'), cb);
    w.reply({ id: w.sent[2].id, ok: false, message: 'no grammar' });
    expect(cb).not.toHaveBeenCalled();
    // Asked again later (a re-render), it is asked again rather than left waiting for ever.
    plugin.highlight(opts('bad'), cb);
    expect(w.sent).toHaveLength(4);
  });

  it('knows its languages by id and alias, and stays plain once the worker has failed', () => {
    const w = new FakeWorker();
    const plugin = workerHighlighter(w, new Set(['javascript', 'js']));
    expect(plugin.supportsLanguage('JS' as never)).toBe(true);
    expect(plugin.supportsLanguage('cobol-85' as never)).toBe(false);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    w.onerror?.({ message: 'failed to load' } as ErrorEvent);
    expect(plugin.highlight(opts('let y'), () => {})).toBeNull();
    expect(w.sent).toHaveLength(0);
  });
});
