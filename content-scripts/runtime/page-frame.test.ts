import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isPageFrame, pageSubframe } from './page-frame';

/**
 * jsdom lays nothing out: each frame element gets the size it would have (`sizes`, by id) and the
 * top window a 1280×800 viewport. Same-origin `about:blank` frames, as Autotask's `/Mvc/` frame is
 * same-origin with its shell.
 */
function tab(frames: string, sizes: Record<string, [number, number]>) {
  const dom = new JSDOM(`<!DOCTYPE html><body>${frames}</body>`, { url: 'https://ww5.autotask.net/app/ticket?ticketId=1', pretendToBeVisual: true });
  const top = dom.window as unknown as Window;
  Object.defineProperty(top, 'innerWidth', { value: 1280 });
  Object.defineProperty(top, 'innerHeight', { value: 800 });
  for (const el of Array.from(top.document.querySelectorAll('iframe'))) {
    const [w, h] = sizes[el.id] ?? [0, 0];
    el.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, width: w, height: h, right: w, bottom: h, toJSON: () => ({}) }) as DOMRect;
  }
  const frame = (id: string) => (top.document.getElementById(id) as HTMLIFrameElement).contentWindow as Window;
  return { top, frame };
}

describe('isPageFrame: one frame per tab shows the pill and teach mode', () => {
  it('a page with no frames: the top frame', () => {
    const { top } = tab('', {});
    expect(isPageFrame(top)).toBe(true);
  });

  it("Autotask's shell: its full-size inner frame is the page, the shell is not", () => {
    const { top, frame } = tab('<nav>menu</nav><iframe id="page"></iframe>', { page: [1280, 740] });
    expect(pageSubframe(top)).toBe(top.document.getElementById('page'));
    expect(isPageFrame(top)).toBe(false);
    expect(isPageFrame(frame('page'))).toBe(true);
  });

  it('small frames (a GWT history frame, a help widget) leave the page to the top frame', () => {
    const { top, frame } = tab('<iframe id="history"></iframe><iframe id="chat"></iframe>', { history: [0, 0], chat: [360, 500] });
    expect(isPageFrame(top)).toBe(true);
    expect(isPageFrame(frame('history'))).toBe(false);
    expect(isPageFrame(frame('chat'))).toBe(false);
  });

  it('exactly half the viewport counts as the page; just under does not', () => {
    expect(isPageFrame(tab('<iframe id="f"></iframe>', { f: [1280, 400] }).top)).toBe(false);
    expect(isPageFrame(tab('<iframe id="f"></iframe>', { f: [1280, 399] }).top)).toBe(true);
  });

  it('two large frames: only the first is the page', () => {
    const { top, frame } = tab('<iframe id="a"></iframe><iframe id="b"></iframe>', { a: [1280, 600], b: [1280, 600] });
    expect(isPageFrame(top)).toBe(false);
    expect(isPageFrame(frame('a'))).toBe(true);
    expect(isPageFrame(frame('b'))).toBe(false);
  });

  it('a large frame whose document the top cannot reach (another origin) is not the page: the top keeps it', () => {
    const { top } = tab('<iframe id="x"></iframe>', { x: [1280, 800] });
    const el = top.document.getElementById('x') as HTMLIFrameElement;
    Object.defineProperty(el, 'contentDocument', { get: () => null });
    expect(isPageFrame(top)).toBe(true);
  });

  it('a frame nested two levels deep is never the page', () => {
    const { top, frame } = tab('<iframe id="page"></iframe>', { page: [1280, 800] });
    const inner = frame('page');
    inner.document.body.innerHTML = '<iframe id="deep"></iframe>';
    const deep = (inner.document.getElementById('deep') as HTMLIFrameElement).contentWindow as Window;
    expect(deep.top).toBe(top);
    expect(isPageFrame(deep)).toBe(false);
  });
});
