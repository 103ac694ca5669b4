// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DriftBanner } from './DriftBanner';
import { teachTargetFrom, TeachButton } from './TeachButton';
import { cleanup, click, flush, render } from './testing';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function until(fn: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await flush();
  }
}

/** The active tab and the background's replies, by message type. */
function browserWith(tab: { id: number; url: string } | null, replies: Record<string, unknown>) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue((tab ? [tab] : []) as never);
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => replies[m.type] ?? { ok: false, error: 'no' }) as never);
}

const DRIFT = { id: 'd1', host: 'desk.example.com', adapter: 'connectwise', pageType: 'ticket' as const, at: '2026-11-18T14:00:00Z', missing: ['status'], url: 'https://desk.example.com/x', updatedAt: '2026-11-18T14:00:00Z' };

describe('Teach this page (side panel)', () => {
  it('teachTargetFrom: no tab state = never read; a state with drift = drifted; a read page = neither', () => {
    expect(teachTargetFrom(7, null)).toEqual({ tabId: 7, drifted: false, unread: true });
    expect(teachTargetFrom(7, { accountId: null, drift: { adapter: 'teach', pageType: 'taught', missing: ['openedAt'] } })).toEqual({ tabId: 7, drifted: true, unread: false });
    expect(teachTargetFrom(7, { accountId: 'acct-1', drift: null })).toEqual({ tabId: 7, drifted: false, unread: false });
  });

  it('a page Metronome never read shows the button; pressing it sends teach.start for the active tab', async () => {
    const sendMessage = browserWith({ id: 42, url: 'https://desk.example.com/case/1' }, { 'tab.account': { ok: true, data: null }, 'teach.start': { ok: true } });
    const { container } = await render(<TeachButton />);
    await until(() => !!container.querySelector('button'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'tab.account', tabId: 42 });
    await click(container.querySelector('button'));
    await until(() => !!container.querySelector('[role=status]'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'teach.start', tabId: 42 });
    expect(container.querySelector('[role=status]')?.textContent).toMatch(/Teach mode is open on the page/);
  });

  it('a drifted page shows it too', async () => {
    browserWith({ id: 5, url: 'https://desk.example.com/case/1' }, { 'tab.account': { ok: true, data: { accountId: null, drift: { adapter: 'x', pageType: 'ticket', missing: ['status'] }, at: 1 } } });
    const { container } = await render(<TeachButton />);
    await until(() => !!container.querySelector('button'));
    expect(container.querySelector('button')?.textContent).toBe('Teach this page');
  });

  it('a page read fine, a non-web tab, or no tab: no button', async () => {
    for (const [tab, data] of [
      [{ id: 5, url: 'https://desk.example.com/case/1' }, { accountId: 'acct-1', drift: null, at: 1 }],
      [{ id: 6, url: 'chrome://extensions/' }, null],
      [null, null],
    ] as const) {
      const sendMessage = browserWith(tab, { 'tab.account': { ok: true, data } });
      const { container } = await render(<TeachButton />);
      for (let i = 0; i < 5; i++) await flush();
      expect(container.querySelector('button')).toBeNull();
      if (tab?.url.startsWith('https')) expect(sendMessage).toHaveBeenCalledWith({ type: 'tab.account', tabId: 5 });
      cleanup();
      vi.restoreAllMocks();
    }
  });

  it('teach mode failing to start (no content script there) says why', async () => {
    browserWith(
      { id: 9, url: 'https://elsewhere.example.org/' },
      { 'tab.account': { ok: true, data: null }, 'teach.start': { ok: false, error: 'Teach mode needs Metronome on that page (Could not establish connection).' } },
    );
    const { container } = await render(<TeachButton />);
    await until(() => !!container.querySelector('button'));
    await click(container.querySelector('button'));
    await until(() => !!container.querySelector('[role=alert]'));
    expect(container.querySelector('[role=alert]')?.textContent).toBe('Teach mode needs Metronome on that page (Could not establish connection).');
  });

  it('the drift banner offers it whatever the tab state, and without drift only for an unread page', async () => {
    browserWith({ id: 5, url: 'https://desk.example.com/case/1' }, { 'tab.account': { ok: true, data: { accountId: 'acct-1', drift: null, at: 1 } } });
    const withDrift = await render(<DriftBanner events={[DRIFT]} tz="Europe/London" />);
    await until(() => !!withDrift.container.querySelector('.banner--drift button'));
    const without = await render(<DriftBanner events={[]} tz="Europe/London" />);
    for (let i = 0; i < 5; i++) await flush();
    expect(without.container.querySelector('button')).toBeNull();
  });
});
