/**
 * Snip and ask, the capture half: the display under the pointer, at its native resolution, as a PNG for the
 * window's crop overlay (renderer/features/snip). Capture can be refused: macOS without the screen-recording
 * permission hands back only the wallpaper or nothing, a Wayland portal can be cancelled. Both get a message
 * that says how to grant it.
 */
import type { DesktopCapturer, DesktopCapturerSource, Display, Screen, SystemPreferences } from 'electron';
import type { SnipCapture } from '../../shared/bridge/desktop.ts';
import { type HostMessage, hostMessage } from '../../shared/messages/messages.ts';

/** The OS (or the person) refused the capture: says what to do, as a message the window translates. */
export class CaptureRefused extends Error {
  readonly text: HostMessage;
  constructor(text: HostMessage) {
    super(text.message);
    this.text = text;
  }
}

export function refusalText(platform: NodeJS.Platform): HostMessage {
  if (platform === 'darwin') return hostMessage('snip.refused-mac');
  if (platform === 'linux') return hostMessage('snip.refused-linux');
  return hostMessage('snip.refused');
}

export const refusalMessage = (platform: NodeJS.Platform): string => refusalText(platform).message;

export interface CaptureDeps {
  screen: Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  systemPreferences?: Pick<SystemPreferences, 'getMediaAccessStatus'>;
  platform: NodeJS.Platform;
}

export async function captureDisplayUnderPointer(deps: CaptureDeps): Promise<{ capture: SnipCapture; display: Display }> {
  if (deps.platform === 'darwin') {
    const status = deps.systemPreferences?.getMediaAccessStatus('screen');
    if (status === 'denied' || status === 'restricted') throw new CaptureRefused(refusalText('darwin'));
  }
  const display = deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint());
  const thumbnailSize = {
    width: Math.round(display.size.width * display.scaleFactor),
    height: Math.round(display.size.height * display.scaleFactor),
  };
  let sources: DesktopCapturerSource[];
  try {
    sources = await deps.desktopCapturer.getSources({ types: ['screen'], thumbnailSize });
  } catch {
    throw new CaptureRefused(refusalText(deps.platform));
  }
  // display_id is empty where the OS does not say (Wayland's portal hands back the one screen the person chose).
  const source = sources.find((s) => s.display_id === String(display.id)) ?? (sources.length === 1 ? sources[0] : undefined);
  if (!source || source.thumbnail.isEmpty()) throw new CaptureRefused(refusalText(deps.platform));
  const size = source.thumbnail.getSize();
  return {
    capture: {
      png: new Uint8Array(source.thumbnail.toPNG()),
      width: size.width,
      height: size.height,
      scaleFactor: display.scaleFactor,
    },
    display,
  };
}
