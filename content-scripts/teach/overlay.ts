/**
 * The pointer part of teach mode, in plain DOM (no React, no extension APIs): outline the element
 * under the pointer, and on click report it instead of letting the page act on it. The lead's
 * content script owns the panel around it (in a shadow root) and passes `ignore` for its own host
 * element. Styles are inline on one fixed, pointer-transparent box; the page's DOM is not touched
 * otherwise, and `stop()` removes everything.
 */
export interface TeachOverlayOptions {
  /** The clicked element (the page's click is cancelled). */
  onPick(el: Element): void;
  /** The element now under the pointer (or null when none). */
  onHover?(el: Element | null): void;
  /** Escape pressed: the overlay has stopped itself. */
  onCancel?(): void;
  /** Elements never to pick (the extension's own UI host). */
  ignore?(el: Element): boolean;
  /** Document to work in (default: `document`). */
  doc?: Document;
}

export interface TeachOverlay {
  stop(): void;
  /** The element currently outlined. */
  current(): Element | null;
}

const BOX_STYLE = [
  'position:fixed',
  'pointer-events:none',
  'z-index:2147483646',
  'outline:2px solid #d97706',
  'background:rgba(217,119,6,0.12)',
  'border-radius:2px',
  'transition:all 60ms ease-out',
  'display:none',
].join(';');

/** Press/release events the page must not see while teaching (apps act on these, not only on click). */
const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick'] as const;

export function startTeachOverlay(opts: TeachOverlayOptions): TeachOverlay {
  const doc = opts.doc ?? document;
  const win = doc.defaultView;
  const box = doc.createElement('div');
  box.setAttribute('data-metronome-teach', 'highlight');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = BOX_STYLE;
  doc.documentElement.appendChild(box);
  let current: Element | null = null;

  const pickable = (t: EventTarget | null): Element | null => {
    if (!t || (t as Node).nodeType !== 1) return null;
    const el = t as Element;
    if (el === box || el === doc.documentElement || el === doc.body) return null;
    if (opts.ignore?.(el)) return null;
    return el;
  };

  const outline = (el: Element | null) => {
    current = el;
    if (!el) {
      box.style.display = 'none';
    } else {
      const r = el.getBoundingClientRect();
      box.style.display = 'block';
      box.style.left = `${r.left}px`;
      box.style.top = `${r.top}px`;
      box.style.width = `${r.width}px`;
      box.style.height = `${r.height}px`;
    }
    opts.onHover?.(el);
  };

  const onMove = (e: Event) => {
    const el = pickable(e.target);
    if (el !== current) outline(el);
  };
  const swallow = (e: Event) => {
    if (!pickable(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
  };
  const onClick = (e: Event) => {
    const el = pickable(e.target);
    if (!el) return;
    e.preventDefault();
    e.stopPropagation();
    opts.onPick(el);
  };
  const onKey = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      stop();
      opts.onCancel?.();
    }
  };
  const onScroll = () => outline(current);

  // Capture phase so the page's own handlers never see the teaching click.
  doc.addEventListener('mousemove', onMove, true);
  for (const t of SWALLOWED) doc.addEventListener(t, swallow, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  win?.addEventListener('scroll', onScroll, true);

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    doc.removeEventListener('mousemove', onMove, true);
    for (const t of SWALLOWED) doc.removeEventListener(t, swallow, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    win?.removeEventListener('scroll', onScroll, true);
    box.remove();
    current = null;
  }
  return { stop, current: () => current };
}
