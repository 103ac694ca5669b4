// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACCOUNT, cta, HEALTH, HELD_QBR, NOW, SNAPSHOTS, TZ } from '../../components/fixtures';
import { button, cleanup, click, key, render } from '../../components/testing';
import type { Account } from '../../engine/signals';
import { RECAP_DEFAULTS } from '../../recap/config';
import { send } from '../../ui/send';
import { act } from 'react';
import { PanelView, type PanelViewProps } from './Panel';

vi.mock('../../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => {
  fakeBrowser.reset();
  sendMock.mockClear();
});
afterEach(cleanup);
// The panel's lazy chunks, transformed once up front.
beforeAll(async () => {
  await Promise.all([import('../../components/CtaList'), import('../../components/TenantLink'), import('../../components/AccountEditor')]);
}, 30_000);

/** Let React resolve lazy chunks (vitest transforms a module on its first import: slow on a busy machine). */
async function settle(done: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await act(async () => new Promise((r) => setTimeout(r, 10)));
}

function portfolio(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => ({ ...ACCOUNT, id: i === 0 ? ACCOUNT.id : `acct-${i}`, name: i === 0 ? ACCOUNT.name : `Client ${String(i).padStart(4, '0')}` }));
}

const props = (over: Partial<PanelViewProps> = {}): PanelViewProps => ({
  accounts: [ACCOUNT],
  sample: false,
  recentIds: [],
  selectedId: ACCOUNT.id,
  tabAccountId: ACCOUNT.id,
  tabId: 3,
  account: ACCOUNT,
  health: HEALTH,
  snapshots: SNAPSHOTS,
  ctas: [cta()],
  ctaScope: 'account',
  meetings: [HELD_QBR],
  decisions: [],
  pulses: [],
  complaints: [],
  drift: [],
  tz: TZ,
  now: NOW,
  execSponsorDays: 120,
  recapConfig: RECAP_DEFAULTS,
  onSelect: () => {},
  onFollowTab: () => {},
  onCtaScope: () => {},
  onOpen: () => {},
  ...over,
});

describe('side panel — trial experience', () => {
  it('first run with no data: a clear choice between your PSA and the sample portfolio', async () => {
    const { container } = await render(<PanelView {...props({ accounts: [], account: null, health: null, selectedId: null })} />);
    expect(container.querySelector('h2')?.textContent).toBe('Start with your data or ours');
    expect(button(container, 'Enable your PSA host')).toBeTruthy();
    await click(button(container, 'Load sample portfolio'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'sample.load' });
  });

  it('sample data is marked and removable in one click', async () => {
    const { container } = await render(<PanelView {...props({ sample: true })} />);
    expect(container.querySelector('[aria-label="Sample data"]')?.textContent).toContain('Sample data');
    await click(button(container, 'Remove sample data'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'sample.remove' });
  });

  it('drift on the tab’s host is said plainly', async () => {
    const drift = [{ id: 'd1', host: 'acme.myconnectwise.net', adapter: 'connectwise', pageType: 'ticket' as const, at: '2026-11-18T14:00:00Z', missing: ['status', 'priority'], url: 'https://acme.myconnectwise.net/x', updatedAt: '2026-11-18T14:00:00Z' }];
    const { container } = await render(<PanelView {...props({ drift })} />);
    expect(container.querySelector('.banner--drift')?.textContent).toMatch(/can no longer read this ticket page on acme\.myconnectwise\.net.*status, priority/);
  });
});

describe('side panel — tabs and following the current tab', () => {
  it('tabs are an ARIA tablist with arrow-key navigation', async () => {
    const { container } = await render(<PanelView {...props()} />);
    const tabs = [...container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Snapshot', 'Due 1', 'Log', 'Recap']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    await key(tabs[0], 'ArrowRight');
    const now = [...container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(now[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(now[1]);
    // The due list is a lazy chunk too (not part of the snapshot's first render).
    await settle(() => !!container.querySelector('[role="tabpanel"] .cta'));
    expect(container.querySelector('[role="tabpanel"]')?.textContent).toContain('Engagement down: reset the rhythm');
    // The composer is a lazy chunk loaded when its tab opens; have the module ready, then let React resolve it.
    // (It loads after messaging/zod-setup, so warm both.)
    await import('../../messaging/zod-setup');
    await import('../../components/RecapComposer');
    await key(now[1], 'End');
    await settle(() => !!container.querySelector('[role="tabpanel"] [aria-label="Recap composer"]'));
    expect(container.querySelector('[role="tabpanel"] [aria-label="Recap composer"]')).not.toBeNull();
  });

  it('a picked account offers the way back to the tab’s account', async () => {
    const onFollowTab = vi.fn();
    const other = { ...ACCOUNT, id: 'acct-2', name: 'Blue River' };
    const { container } = await render(<PanelView {...props({ accounts: [ACCOUNT, other], selectedId: 'acct-2', account: other, health: null, onFollowTab })} />);
    await click(button(container, 'Back to this tab’s account (Acme Dental)'));
    expect(onFollowTab).toHaveBeenCalled();
  });

  it('no account on this tab and none picked: says so', async () => {
    const { container } = await render(<PanelView {...props({ selectedId: null, tabAccountId: null, account: null, health: null })} />);
    expect(container.querySelector('[role="tabpanel"]')?.textContent).toMatch(/No account selected/);
  });
});

describe('stays cheap with a large portfolio', () => {
  // Speed itself is measured by `npm run bench` in Chromium (BENCHMARKS.md), not by a timed test:
  // here we pin what keeps the first render cheap — long lists are capped, nothing is computed.
  it('renders a bounded DOM for 1,000 accounts and 3,000 CTAs: 10 per due group, 5 dimensions', async () => {
    const accounts = portfolio(1000);
    const ctas = Array.from({ length: 3000 }, (_, i) =>
      cta({ id: `c${i}`, accountId: accounts[i % 1000]!.id, dueBy: new Date(NOW.getTime() + ((i % 60) - 10) * 86_400_000).toISOString() }),
    );
    const due = await render(<PanelView {...props({ accounts, ctas, ctaScope: 'all', initialTab: 'due' })} />);
    await settle(() => !!due.container.querySelector('.cta'));
    expect(due.container.innerHTML.match(/<article class="cta/g)).toHaveLength(30); // 10 per open group, compact
    due.unmount();
    const snap = await render(<PanelView {...props({ accounts, ctas })} />);
    expect(snap.container.innerHTML.match(/<li class="dim /g)).toHaveLength(5);
    snap.unmount();
  });

  it('the snapshot renders from the shown account alone, before the account list is read', async () => {
    const { container, rerender } = await render(<PanelView {...props({ accounts: undefined, tabAccountId: 'acct-2' })} />);
    expect(container.querySelector('#snapshot-title')?.textContent).toBe('Acme Dental');
    expect(container.querySelectorAll('li.dim')).toHaveLength(5);
    expect(container.querySelector<HTMLInputElement>('[role="combobox"]')?.placeholder).toBe('Find an account…');
    expect(button(container, 'Back to this tab’s account (…)')).toBeTruthy();
    await rerender(<PanelView {...props({ accounts: portfolio(3), tabAccountId: 'acct-2' })} />);
    expect(container.querySelector<HTMLInputElement>('[role="combobox"]')?.placeholder).toBe('Find an account (3)');
    expect(button(container, 'Back to this tab’s account (Client 0002)')).toBeTruthy();
  });

  it('neither the list nor an account yet: loading, not the first-run choice', async () => {
    const { container } = await render(<PanelView {...props({ accounts: undefined, account: undefined })} />);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    expect(container.querySelector('.trial')).toBeNull();
  });
});
