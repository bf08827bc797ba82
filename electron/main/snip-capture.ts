/**
 * Snip and ask, the capture half: the display under the pointer, at its native resolution, as a PNG for the
 * window's crop overlay (renderer/features/snip). Capture can be refused: macOS without the screen-recording
 * permission hands back only the wallpaper or nothing, a Wayland portal can be cancelled. Both get a message
 * that says how to grant it.
 */
import type { DesktopCapturer, DesktopCapturerSource, Display, Screen, SystemPreferences } from 'electron';
import type { SnipCapture } from '../../shared/bridge/desktop.ts';

export class CaptureRefused extends Error {}

export function refusalMessage(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'Glimpse may not record the screen. Open System Settings › Privacy & Security › Screen & System Audio Recording, switch Glimpse on, then quit and reopen Glimpse.';
  }
  if (platform === 'linux') {
    return 'The screen could not be captured: the screen-sharing request was refused or no screen was chosen. Snip again and share the whole screen (on Wayland the desktop asks which screen to share).';
  }
  return 'The screen could not be captured. Check that no policy or security tool blocks screen capture for Glimpse, then snip again.';
}

export interface CaptureDeps {
  screen: Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>;
  systemPreferences?: Pick<SystemPreferences, 'getMediaAccessStatus'>;
  platform: NodeJS.Platform;
}

export async function captureDisplayUnderPointer(deps: CaptureDeps): Promise<{ capture: SnipCapture; display: Display }> {
  if (deps.platform === 'darwin') {
    const status = deps.systemPreferences?.getMediaAccessStatus('screen');
    if (status === 'denied' || status === 'restricted') throw new CaptureRefused(refusalMessage('darwin'));
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
    throw new CaptureRefused(refusalMessage(deps.platform));
  }
  // display_id is empty where the OS does not say (Wayland's portal hands back the one screen the person chose).
  const source = sources.find((s) => s.display_id === String(display.id)) ?? (sources.length === 1 ? sources[0] : undefined);
  if (!source || source.thumbnail.isEmpty()) throw new CaptureRefused(refusalMessage(deps.platform));
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
