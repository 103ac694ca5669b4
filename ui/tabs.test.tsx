// @vitest-environment jsdom
/** `useTabAccount`: the side panel follows the active tab; a retry for a tab the user left never wins. */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cleanup, render } from '../components/testing';
import { useTabAccount } from './tabs';

let shown: ReturnType<typeof useTabAccount> | null = null;
function Probe() {
  shown = useTabAccount();
  return null;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  shown = null;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useTabAccount', () => {
  it('a retry scheduled for the previous tab does not overwrite the tab activated since (the panel kept following the PSA tab)', async () => {
    // Tab 1 (a page with no account yet) is active when the panel opens; tab 2 is the PSA page.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1, url: 'https://example.org/' }] as never);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ id, url: id === 2 ? 'https://na.myconnectwise.net/t' : 'https://example.org/' }) as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      const tabId = (m as { tabId: number }).tabId;
      return { ok: true, data: tabId === 2 ? { accountId: 'acct-psa', at: 1, drift: null, url: 'https://na.myconnectwise.net/t' } : null } as never;
    });
    await render(<Probe />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(10)));
    expect(shown).toMatchObject({ tabId: 1, accountId: null }); // a retry for tab 1 is now scheduled

    // The user switches to the PSA tab before the retry fires.
    await act(async () => {
      await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(shown).toMatchObject({ tabId: 2, accountId: 'acct-psa' });

    // Both of tab 1's retries (1.5 s, 5 s) come and go: the panel still follows tab 2.
    await act(async () => void (await vi.advanceTimersByTimeAsync(7_000)));
    expect(shown).toMatchObject({ tabId: 2, accountId: 'acct-psa' });
  });
});
