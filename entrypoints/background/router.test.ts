import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DATA_TABLES, getDb } from '../../storage';
import { mergeCtas } from '../../storage/recompute';
import { ctaSpec } from '../../storage/testing';
import { route } from './router';

const EXT = browser.runtime.getURL('/sidepanel.html');
const fromPanel = { url: EXT } as const;
const fromPage = (tabId = 5) => ({ url: 'https://acme.myconnectwise.net/v4_6_release/x', tab: { id: tabId, windowId: 1 } }) as never;

const ticketObs = (id: string, over: Record<string, unknown> = {}) => ({
  id: `ticket:acme.myconnectwise.net:${id}`,
  kind: 'ticket',
  ticketId: id,
  observedAt: '2026-11-17T13:42:00Z',
  openedAt: '2026-11-17T08:42:00-05:00',
  source: { host: 'acme.myconnectwise.net', pageType: 'ticket', url: 'https://acme.myconnectwise.net/x', reader: 'connectwise' },
  company: { psaId: 'Contoso', name: 'Contoso Ltd' },
  ...over,
});
const reading = (observations: unknown[], missing: string[] = []) => ({
  type: 'reading',
  readingId: `r-${Math.random()}`,
  url: 'https://acme.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1',
  adapter: 'connectwise',
  pageType: 'ticket',
  observations,
  missing,
  warnings: [],
});

afterEach(() => vi.restoreAllMocks());

beforeEach(async () => {
  fakeBrowser.reset();
  const db = getDb();
  await db.open();
  await db.transaction('rw', DATA_TABLES.map((t) => db.table(t)), async () => {
    for (const t of DATA_TABLES) await db.table(t).clear();
  });
});

describe('background router', () => {
  it('answers a malformed message with ok:false and the reason, and changes nothing', async () => {
    const r = await route({ type: 'reading', readingId: 'x' }, fromPage());
    expect(r.ok).toBe(false);
    expect(await getDb().signals.count()).toBe(0);
    expect((await route('not even an object', fromPanel)).ok).toBe(false);
  });

  it('refuses extension-only requests from a web page (a PSA page cannot reset or import)', async () => {
    for (const msg of [{ type: 'reset' }, { type: 'sample.load' }, { type: 'import.bundle', json: {}, mode: 'replace' }, { type: 'settings.config', overrides: {} }]) {
      const r = await route(msg, fromPage());
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toMatch(/not allowed from a web page/);
    }
  });

  it('a reading stores its tickets once, creates the account, scores it and remembers the tab', async () => {
    const r1 = await route(reading([ticketObs('284511'), ticketObs('284512', { summary: '<img src=x onerror=alert(1)>' })]), fromPage(5));
    expect(r1).toMatchObject({ ok: true, data: { stored: 2 } });
    const again = await route(reading([ticketObs('284511'), ticketObs('284512', { summary: '<img src=x onerror=alert(1)>' })]), fromPage(5));
    expect(again.ok).toBe(true);
    const db = getDb();
    expect(await db.signals.count()).toBe(2);
    const [account] = await db.accounts.toArray();
    expect(account?.name).toBe('Contoso Ltd');
    expect(await db.health.get(account!.id)).toBeDefined();
    expect(((await db.signals.get('ticket:acme.myconnectwise.net:284512')) as { summary: string }).summary).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops invalid observations one by one and stores the valid ones', async () => {
    const r = await route(reading([ticketObs('1'), ticketObs('2', { openedAt: '17/11/2026' }), ticketObs('3', { company: {} })]), fromPage());
    expect(r).toMatchObject({ ok: true, data: { stored: 1 } });
    if (r.ok) expect((r.data as { rejected: string[] }).rejected).toHaveLength(2);
    expect(await getDb().signals.count()).toBe(1);
  });

  it('a drifted page stores nothing but a drift event, and the tab says so', async () => {
    const tab = await browser.tabs.create({ url: reading([]).url });
    const r = await route(reading([], ['company', 'status']), { url: tab.url, tab } as never);
    expect(r.ok).toBe(true);
    const db = getDb();
    expect(await db.signals.count()).toBe(0);
    const [drift] = await db.drift.toArray();
    expect(drift).toMatchObject({ host: 'acme.myconnectwise.net', adapter: 'connectwise', pageType: 'ticket', missing: ['company', 'status'] });
    const state = await route({ type: 'tab.account', tabId: tab.id! }, fromPanel);
    expect(state).toMatchObject({ ok: true, data: { accountId: null, drift: { adapter: 'connectwise', missing: ['company', 'status'] } } });
  });

  it("a tab's account holds only while the tab shows the page it was read on (no tabs.onUpdated listener)", async () => {
    const url = reading([]).url;
    const tab = await browser.tabs.create({ url });
    await route(reading([ticketObs('7')]), { url, tab } as never);
    const [account] = await getDb().accounts.toArray();
    expect(await route({ type: 'tab.account', tabId: tab.id! }, fromPanel)).toMatchObject({ ok: true, data: { accountId: account!.id } });
    // The tab moves on (another site: its URL is hidden from Metronome, or another page): no account.
    await browser.tabs.update(tab.id!, { url: 'https://news.example.org/' });
    expect(await route({ type: 'tab.account', tabId: tab.id! }, fromPanel)).toEqual({ ok: true, data: null });
    // …and stays forgotten when the tab comes back, until the page is read again.
    await browser.tabs.update(tab.id!, { url });
    expect(await route({ type: 'tab.account', tabId: tab.id! }, fromPanel)).toEqual({ ok: true, data: null });
    await route(reading([ticketObs('7')]), { url, tab: await browser.tabs.get(tab.id!) } as never);
    expect(await route({ type: 'tab.account', tabId: tab.id! }, fromPanel)).toMatchObject({ ok: true, data: { accountId: account!.id } });
    // A tab that no longer exists (closed since it was read) has none.
    await route(reading([ticketObs('8')]), { url, tab: { id: 4242, windowId: 1, url } } as never);
    expect(await route({ type: 'tab.account', tabId: 4242 }, fromPanel)).toEqual({ ok: true, data: null });
  });

  it("a new view in the frame that was read (page.changed) ends the tab's account; another frame's does not", async () => {
    const url = reading([]).url;
    const tab = await browser.tabs.create({ url });
    await route(reading([ticketObs('9')]), { url, tab, frameId: 3 } as never);
    const account = async () => ((await route({ type: 'tab.account', tabId: tab.id! }, fromPanel)) as { data: { accountId?: string } | null }).data?.accountId ?? null;
    expect(await account()).not.toBeNull();
    expect(await route({ type: 'page.changed' }, { url, tab, frameId: 5 } as never)).toEqual({ ok: true });
    expect(await account()).not.toBeNull();
    expect(await route({ type: 'page.changed' }, { url, tab, frameId: 3 } as never)).toEqual({ ok: true });
    expect(await account()).toBeNull();
  });

  it("a CTA action re-draws the badge of the tabs showing its account (its due count changed), with no tab switch", async () => {
    const url = reading([]).url;
    const tab = await browser.tabs.create({ url });
    await route(reading([ticketObs('12')]), { url, tab } as never);
    const [account] = await getDb().accounts.toArray();
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const { write } = mergeCtas([], [ctaSpec(account!.id, 'manual-test', '2026-11', { dueBy: due })], new Date().toISOString(), new Date().toISOString());
    await getDb().ctas.bulkPut(write);
    const setBadgeText = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(browser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    vi.spyOn(browser.action, 'setTitle').mockResolvedValue(undefined);
    expect(await route({ type: 'cta', ctaId: write[0]!.id, action: { kind: 'done' } }, fromPanel)).toMatchObject({ ok: true });
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: tab.id, text: expect.any(String) });
  });

  it('user logging goes through the same path and validates: a held meeting without heldAt is refused', async () => {
    await route(reading([ticketObs('1')]), fromPage());
    const [account] = await getDb().accounts.toArray();
    const base = { id: 'm1', accountId: account!.id, observedAt: '2026-11-20T15:00:00Z', source: { host: 'metronome', pageType: 'manual', url: '', reader: 'user' }, kind: 'meeting', meetingId: 'm1', type: 'QBR', attendees: [] };
    const bad = await route({ type: 'log', signal: { ...base, status: 'held' } }, fromPanel);
    expect(bad.ok).toBe(false);
    const good = await route({ type: 'log', signal: { ...base, status: 'held', heldAt: '2026-11-20T15:00:00Z' } }, fromPanel);
    expect(good.ok).toBe(true);
    expect(await getDb().signals.get('m1')).toMatchObject({ status: 'held' });
    const recap = await route({ type: 'recap.sent', accountId: account!.id, meetingId: 'm1', at: '2026-11-21T09:00:00Z' }, fromPanel);
    expect(recap).toMatchObject({ ok: true, data: { recapSentAt: '2026-11-21T09:00:00Z' } });
    // The first send is the recap time: a later copy does not move it.
    await route({ type: 'recap.sent', accountId: account!.id, meetingId: 'm1', at: '2026-11-25T09:00:00Z' }, fromPanel);
    expect(await getDb().signals.get('m1')).toMatchObject({ recapSentAt: '2026-11-21T09:00:00Z' });
  });

  it('a segment override needs a rationale', async () => {
    await route(reading([ticketObs('1')]), fromPage());
    const [account] = await getDb().accounts.toArray();
    const r = await route({ type: 'account.update', accountId: account!.id, patch: { segmentOverride: { segment: 'A', rationale: '' } } }, fromPanel);
    expect(r.ok).toBe(false);
    const ok = await route({ type: 'account.update', accountId: account!.id, patch: { segmentOverride: { segment: 'A', rationale: 'Board-level sponsor, growth plan' } } }, fromPanel);
    expect(ok.ok).toBe(true);
    expect((await getDb().accounts.get(account!.id))?.segmentOverride?.segment).toBe('A');
    expect(await getDb().segmentHistory.count()).toBeGreaterThan(0);
  });
});
