/**
 * The small health pill on PSA ticket and company pages: colour word + due count, in a closed
 * shadow root, fixed-position (no layout shift), dismissible per host. Plain DOM, no React.
 * All text is set with `textContent`.
 */
export interface PillState {
  accountName: string;
  /** 'green' | 'yellow' | 'red' | 'insufficient' | 'drift' */
  tone: string;
  word: string;
  due: number;
  title?: string;
}

export interface Pill {
  update(state: PillState): void;
  remove(): void;
}

const TONES: Record<string, string> = {
  green: '#1a7f37',
  yellow: '#9a6700',
  red: '#cf222e',
  insufficient: '#6e7781',
  drift: '#8250df',
};

export function mountPill(doc: Document, handlers: { onOpen(): void; onDismiss(): void }): Pill {
  const host = doc.createElement('metronome-pill');
  host.style.cssText = 'all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483646;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    .pill{display:flex;align-items:center;gap:6px;font:600 12px/1.2 system-ui,sans-serif;background:#fff;color:#1f2328;
      border:1px solid #d0d7de;border-radius:999px;box-shadow:0 2px 8px rgba(0,0,0,.15);padding:4px 4px 4px 10px}
    button{font:inherit;cursor:pointer;border:0;background:transparent;color:inherit;padding:4px 6px;border-radius:999px}
    button:focus-visible{outline:2px solid #0969da;outline-offset:1px}
    .dot{width:10px;height:10px;border-radius:50%;display:inline-block;margin-right:6px;vertical-align:-1px}
    .due{background:#eaeef2;border-radius:999px;padding:1px 6px;margin-left:6px}
    .x{color:#57606a;font-weight:400}`;
  const wrap = doc.createElement('div');
  wrap.className = 'pill';
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Metronome account health');
  const open = doc.createElement('button');
  open.type = 'button';
  const dot = doc.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  const due = doc.createElement('span');
  due.className = 'due';
  open.append(dot, label, due);
  open.addEventListener('click', () => handlers.onOpen());
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'x';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Hide Metronome on this site');
  close.addEventListener('click', () => {
    host.remove();
    handlers.onDismiss();
  });
  wrap.append(open, close);
  root.append(style, wrap);
  (doc.body ?? doc.documentElement).append(host);

  return {
    update(state) {
      dot.style.background = TONES[state.tone] ?? TONES.insufficient!;
      label.textContent = `${state.accountName}: ${state.word}`;
      due.textContent = `${state.due} due`;
      due.hidden = state.due === 0;
      open.title = state.title ?? 'Open the Metronome side panel';
      open.setAttribute('aria-label', `${state.accountName} health ${state.word}, ${state.due} due. Open the Metronome side panel`);
    },
    remove() {
      host.remove();
    },
  };
}
