/**
 * Which frame shows the page to the user — where the health pill is drawn and teach mode opens
 * (every frame on a granted origin runs a reader, so they must agree on one). The top frame, unless
 * most of its viewport is one same-origin frame: Autotask's shell shows every page in a full-size
 * inner frame (`/Mvc/…`), and a pill or a picker in the shell would sit over a page it cannot read.
 * Decided when needed (after load: it measures), never while reading.
 */

/** Share of the parent's viewport a frame must cover to be the page. */
const PAGE_FRAME_SHARE = 0.5;

type FrameElement = HTMLIFrameElement | HTMLFrameElement;

/** The same-origin frame element covering at least half of `win`'s viewport, if any. */
export function pageSubframe(win: Window): FrameElement | null {
  const area = win.innerWidth * win.innerHeight;
  if (!(area > 0)) return null;
  for (const frame of Array.from(win.document.querySelectorAll<FrameElement>('iframe, frame'))) {
    const r = frame.getBoundingClientRect();
    if (r.width * r.height < area * PAGE_FRAME_SHARE) continue;
    if (sameOriginDocument(frame)) return frame;
  }
  return null;
}

/** True in the frame that shows the page (see above); false in every other frame of the tab. */
export function isPageFrame(win: Window): boolean {
  if (win.top === win) return pageSubframe(win) === null;
  // One level only (Autotask's shell → its page); a cross-origin parent hides `frameElement` (null).
  if (win.parent !== win.top) return false;
  const element = frameElementOf(win);
  return element !== null && pageSubframe(win.parent) === element;
}

function sameOriginDocument(frame: FrameElement): boolean {
  try {
    return frame.contentDocument !== null;
  } catch {
    return false;
  }
}

function frameElementOf(win: Window): Element | null {
  try {
    return win.frameElement;
  } catch {
    return null;
  }
}
