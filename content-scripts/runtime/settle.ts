/**
 * Run a callback once the page has settled: after load, after single-page-app navigation
 * (`wxt:locationchange`), and after DOM mutations have been quiet for `quietMs` (capped at
 * `maxWaitMs` so a page that never stops ticking still gets read). Work runs in idle time and never
 * after the extension context is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface SettleOptions {
  quietMs?: number;
  maxWaitMs?: number;
}

export function onSettled(ctx: ContentScriptContext, run: () => void, opts: SettleOptions = {}): void {
  const quietMs = opts.quietMs ?? 400;
  const maxWaitMs = opts.maxWaitMs ?? 3000;
  let quietTimer: number | undefined;
  let firstChangeAt: number | undefined;

  const fire = () => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    firstChangeAt = undefined;
    if (ctx.isInvalid) return;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(() => !ctx.isInvalid && run(), { timeout: 1000 });
    else ctx.setTimeout(run, 0);
  };

  const schedule = () => {
    if (ctx.isInvalid) return;
    const now = Date.now();
    firstChangeAt ??= now;
    clearTimeout(quietTimer);
    const wait = Math.min(quietMs, Math.max(0, firstChangeAt + maxWaitMs - now));
    quietTimer = ctx.setTimeout(fire, wait);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'class'] });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  // Inputs changed by the app's own scripts do not mutate the DOM; GWT apps (ConnectWise) fire change/input.
  ctx.addEventListener(document, 'change', schedule, { capture: true });
  schedule();
}
