// @vitest-environment jsdom
/** The panel over a real (fake-indexeddb) database: live queries, the tab's account, no health computed in the UI. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACCOUNT, cta, HEALTH, SNAPSHOTS } from '../../components/fixtures';
import { cleanup, flush, render } from '../../components/testing';
import { openDb, type MetronomeDb } from '../../storage/db';
import { DbProvider } from '../../ui/data';
import { accountIdFromReply } from '../../ui/tabs';
import { SidePanelForTest } from './App';

let db: MetronomeDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`t-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  cleanup();
  db.close();
  vi.restoreAllMocks();
});

async function until(fn: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await flush();
  }
}

describe('side panel over IndexedDB', () => {
  it('opens on the current tab’s account (asks the background with tab.account) and reads stored health', async () => {
    await db.accounts.bulkPut([ACCOUNT, { ...ACCOUNT, id: 'acct-2', name: 'Blue River' }]);
    await db.health.put(HEALTH);
    await db.snapshots.bulkPut(SNAPSHOTS);
    await db.ctas.put(cta());
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42, url: 'https://acme.myconnectwise.net/ticket' }] as never);
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { accountId: ACCOUNT.id } } as never);
    const { container } = await render(
      <DbProvider db={db}>
        <SidePanelForTest />
      </DbProvider>,
    );
    await until(() => !!container.querySelector('#snapshot-title'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'tab.account', tabId: 42 });
    expect(container.querySelector('#snapshot-title')?.textContent).toBe('Acme Dental');
    expect(container.textContent).toContain('Following this tab');
    expect(container.querySelectorAll('.dim')).toHaveLength(5);
    expect(container.querySelector('[role="tab"]:nth-child(2)')?.textContent).toBe('Due 1');
  });

  it('with no data: the trial choice', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    const { container } = await render(
      <DbProvider db={db}>
        <SidePanelForTest />
      </DbProvider>,
    );
    await until(() => !!container.querySelector('.trial'));
    expect(container.querySelector('.trial h2')?.textContent).toBe('Start with your data or ours');
  });

  it('tab.account replies: a string, { accountId } or nothing', () => {
    expect(accountIdFromReply('a')).toBe('a');
    expect(accountIdFromReply({ accountId: 'b', host: 'x' })).toBe('b');
    expect(accountIdFromReply({ accountId: null })).toBeNull();
    expect(accountIdFromReply(undefined)).toBeNull();
  });
});
