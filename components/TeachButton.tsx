/**
 * "Teach this page": opens teach mode in the active tab (`{ type: 'teach.start', tabId }`; the
 * background forwards it to the page's content script). Shown when the background says the tab's
 * page drifted or was never recognised (`tab.account` has `drift`, or no state at all), or always
 * when `always` is set (the drift banner). The panel itself is in the page; this only starts it.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isHttpUrl } from '../ui/format';
import { send } from '../ui/send';

export interface TeachTarget {
  tabId: number;
  /** The background has a drift for this tab's page. */
  drifted: boolean;
  /** The background has no reading for this tab's page. */
  unread: boolean;
}

/** What the background's `tab.account` reply says about teaching this tab. */
export function teachTargetFrom(tabId: number, data: unknown): TeachTarget {
  if (data === null || data === undefined || typeof data !== 'object') return { tabId, drifted: false, unread: true };
  return { tabId, drifted: Boolean((data as { drift?: unknown }).drift), unread: false };
}

/** Asked again after a tab loads: its reading reaches the background a moment later. */
const RETRY_MS = [1500, 5000];

/** The active tab, if it is a web page, with what the background knows about it. */
export function useTeachTarget(): TeachTarget | null {
  const [target, setTarget] = useState<TeachTarget | null>(null);
  useEffect(() => {
    let alive = true;
    let seq = 0;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const resolve = async (attempt = 0) => {
      const mine = attempt === 0 ? ++seq : seq;
      let tab: { id?: number; url?: string } | undefined;
      try {
        [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      } catch {
        tab = undefined;
      }
      if (!alive || mine !== seq) return;
      if (tab?.id === undefined || !tab.url || !isHttpUrl(tab.url)) return setTarget(null);
      const reply = await send({ type: 'tab.account', tabId: tab.id }, { quiet: true });
      if (!alive || mine !== seq) return;
      const next = reply.ok ? teachTargetFrom(tab.id, reply.data) : null;
      setTarget(next);
      if (next?.unread && attempt < RETRY_MS.length) timers.push(setTimeout(() => void resolve(attempt + 1), RETRY_MS[attempt]));
    };
    void resolve();
    const again = () => void resolve();
    const onUpdated = (_id: number, change: { status?: string; url?: string }, tab: { active?: boolean }) => {
      if (tab.active && (change.status === 'complete' || change.url)) again();
    };
    browser.tabs?.onActivated?.addListener(again);
    browser.tabs?.onUpdated?.addListener(onUpdated);
    return () => {
      alive = false;
      timers.forEach(clearTimeout);
      browser.tabs?.onActivated?.removeListener(again);
      browser.tabs?.onUpdated?.removeListener(onUpdated);
    };
  }, []);
  return target;
}

export function TeachButton({ always = false }: { always?: boolean }) {
  const target = useTeachTarget();
  const [state, setState] = useState<{ busy: boolean; note?: string; error?: string }>({ busy: false });
  if (!target || !(always || target.drifted || target.unread)) return null;

  const start = async () => {
    setState({ busy: true });
    const reply = await send({ type: 'teach.start', tabId: target.tabId }, { quiet: true });
    setState(
      reply.ok
        ? { busy: false, note: 'Teach mode is open on the page: press Pick beside a field, then click its value.' }
        : { busy: false, error: reply.error || 'Teach mode could not start on this page.' },
    );
  };

  return (
    <div className="teach">
      <button type="button" className="btn btn--small" disabled={state.busy} onClick={() => void start()}>
        Teach this page
      </button>{' '}
      {!always ? <span className="muted small">Metronome does not read this page yet: show it where the fields are.</span> : null}
      {state.note ? (
        <p role="status" className="muted small">
          {state.note}
        </p>
      ) : null}
      {state.error ? (
        <p role="alert" className="small">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
