/**
 * Which account a tab shows, and its toolbar badge, without any tabs.onUpdated / onActivated
 * listener in the worker (those would wake it on every navigation and tab switch on every site):
 * the tab's state holds while the tab shows the page it was read on, the browser clears the badge
 * when the tab loads another document, and the badge follows its account's data.
 */
import { expect, test } from '@playwright/test';
import { useDemoSession } from './harness';
import { sendFromExtension } from './helpers';
import { tabIdOf } from './panel-helpers';

const env = useDemoSession('sidepanel.html', async (s) => {
  expect((await sendFromExtension(s.ext, { type: 'sample.load' })).ok).toBe(true);
});

const badge = (tabId: number) =>
  env.ext.evaluate((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId);
const badgeTitle = (tabId: number) =>
  env.ext.evaluate((id) => (globalThis as unknown as { chrome: { action: { getTitle(d: { tabId: number }): Promise<string> } } }).chrome.action.getTitle({ tabId: id }), tabId);
const tabAccount = async (tabId: number) => ((await sendFromExtension<{ accountId: string | null } | null>(env.ext, { type: 'tab.account', tabId })).data ?? null)?.accountId ?? null;

test('a PSA tab that moves to another site no longer shows its account or badge; the badge follows its account', async () => {
  const page = await env.session.context.newPage();
  const url = `${env.demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511`;
  await page.goto(url);
  const tabId = await tabIdOf(env.ext, url);
  await expect.poll(() => tabAccount(tabId), { timeout: 20_000 }).not.toBeNull();
  const accountId = (await tabAccount(tabId))!;

  // The badge follows its account's data with no tab switch: renamed, its title says the new name.
  await expect.poll(() => badgeTitle(tabId)).toContain('Contoso Ltd');
  const renamed = await sendFromExtension(env.ext, { type: 'account.update', accountId, patch: { name: 'Contoso Renamed Ltd' } });
  expect(renamed.ok).toBe(true);
  await expect.poll(() => badgeTitle(tabId)).toContain('Contoso Renamed Ltd');

  // Another site in the same tab: no account, no badge.
  await page.goto('data:text/html,<title>Elsewhere</title><p>Not a PSA page</p>');
  await expect.poll(() => badge(tabId)).toBe('');
  expect(await tabAccount(tabId)).toBeNull();

  // Back on the ticket: read again, shown again.
  await page.goto(url);
  await expect.poll(() => tabAccount(tabId), { timeout: 20_000 }).toBe(accountId);
  await expect.poll(() => badge(tabId)).not.toBe('');
  await page.close();
});

test("Autotask: a new page in the shell's inner frame ends the old page's account and badge (the tab's URL does not change)", async () => {
  const page = await env.session.context.newPage();
  const origin = `http://autotask.localhost:${new URL(env.demo.url).port}`;
  const url = `${origin}/app/ticket?ticketId=29711043`;
  await page.goto(url);
  const tabId = await tabIdOf(env.ext, url);
  await expect.poll(() => tabAccount(tabId), { timeout: 20_000 }).not.toBeNull();
  await expect.poll(() => badge(tabId)).not.toBe('');

  // The inner frame opens a page no reader knows (the shell, and so the tab's URL, stay).
  const inner = page.frames().find((f) => f.url().includes('/Mvc/'))!;
  await inner.goto(`${origin}/Mvc/Home/Dashboard.mvc`);
  await expect.poll(() => badge(tabId), { timeout: 10_000 }).toBe('');
  expect(await tabAccount(tabId)).toBeNull();
  expect(page.url()).toBe(url);
  await page.close();
});

test('a single-page app moving to a view with nothing to read ends the account and badge of the view before', async () => {
  const page = await env.session.context.newPage();
  const url = `${env.demo.url}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511`;
  await page.goto(url);
  const tabId = await tabIdOf(env.ext, url);
  await expect.poll(() => tabAccount(tabId), { timeout: 20_000 }).not.toBeNull();
  await expect.poll(() => badge(tabId)).not.toBe('');
  // Same document, new view (history API), still loading its content.
  await page.evaluate(() => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
    history.pushState({}, '', '/v4_6_release/ConnectWise.aspx?routeTo=Dashboard');
  });
  await expect.poll(() => badge(tabId), { timeout: 10_000 }).toBe('');
  expect(await tabAccount(tabId)).toBeNull();
  await page.close();
});
