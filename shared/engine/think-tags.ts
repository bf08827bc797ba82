/**
 * Splits raw `<think>...</think>` reasoning out of `content`, for servers that run no reasoning parser
 * (LM Studio, Ollama, vLLM without `--reasoning-parser`). Tags may be split across chunks, so a suffix that
 * could still become a tag is held back until the next chunk decides it.
 */
const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitText {
  reasoning: string;
  content: string;
}

export class ThinkTagSplitter {
  private inThink = false;
  private held = '';
  private seenContent = false;

  /** Feeds the next piece of `content` and returns what can be released now. */
  push(text: string): SplitText {
    let buf = this.held + text;
    this.held = '';
    const out: SplitText = { reasoning: '', content: '' };
    while (buf.length > 0) {
      const tag = this.inThink ? CLOSE : OPEN;
      const at = buf.indexOf(tag);
      // An opening tag only counts before any real answer text: `<think>` later in an answer is literal text.
      if (!this.inThink && this.seenContent) {
        out.content += buf;
        buf = '';
        break;
      }
      if (at >= 0) {
        this.emit(out, buf.slice(0, at));
        // The text just before the tag may itself have begun the answer (same chunk): then the tag is literal too.
        if (!this.inThink && this.seenContent) {
          buf = buf.slice(at);
          continue;
        }
        this.inThink = !this.inThink;
        buf = buf.slice(at + tag.length);
        continue;
      }
      const keep = partialSuffix(buf, tag);
      this.emit(out, buf.slice(0, buf.length - keep));
      this.held = buf.slice(buf.length - keep);
      buf = '';
    }
    return out;
  }

  /** Releases anything still held at the end of the stream. */
  flush(): SplitText {
    const out: SplitText = { reasoning: '', content: '' };
    this.emit(out, this.held);
    this.held = '';
    return out;
  }

  private emit(out: SplitText, text: string): void {
    if (!text) return;
    if (this.inThink) out.reasoning += text;
    else {
      // Whitespace between `</think>` and the answer is layout, not answer.
      if (!this.seenContent) text = text.replace(/^\s+/, '');
      if (!text) return;
      this.seenContent = true;
      out.content += text;
    }
  }
}

/** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
function partialSuffix(s: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, s.length); n > 0; n--) {
    if (tag.startsWith(s.slice(s.length - n))) return n;
  }
  return 0;
}
