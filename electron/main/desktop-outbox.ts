/**
 * Desktop events for the window, held until its page has loaded: a file opened at launch or a snip started from
 * the tray before the window exists would otherwise reach no one.
 */
import type { WebContents } from 'electron';
import type { DesktopEvent } from '../../shared/bridge/desktop.ts';
import { DESKTOP_EVENT_CHANNEL } from '../../shared/bridge/ipc.ts';

export class DesktopOutbox {
  private contents: WebContents | null = null;
  private loaded = false;
  private queue: DesktopEvent[] = [];

  attach(contents: WebContents): void {
    this.contents = contents;
    this.loaded = false;
    contents.on('did-finish-load', () => {
      this.loaded = true;
      const queued = this.queue;
      this.queue = [];
      for (const e of queued) contents.send(DESKTOP_EVENT_CHANNEL, e);
    });
    contents.on('destroyed', () => {
      if (this.contents === contents) this.contents = null;
    });
  }

  send(event: DesktopEvent): void {
    if (this.contents && this.loaded && !this.contents.isDestroyed()) this.contents.send(DESKTOP_EVENT_CHANNEL, event);
    else this.queue.push(event);
  }
}
