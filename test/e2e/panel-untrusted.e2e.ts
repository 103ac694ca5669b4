/**
 * Page text is untrusted (PRODUCT.md, non-negotiables): HTML- and script-looking text read from a PSA
 * page or typed into the panel shows as text and runs nothing — no element is created from it, no
 * handler fires, no dialog opens — in the side panel and on the PSA page (its pill).
 */
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { useDemoSession } from './harness';
import { readTable, waitFor } from './helpers';
import { loadSample, openPanel, panelTab } from './panel-helpers';

// The background's work (recompute, page reads) is asynchronous and the shared CI machine is slow: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(120_000);

const env = useDemoSession('sidepanel.html', async (s) => {
  await loadSample(s.ext);
});

/** What the page shows as text (the HTML below carries it entity-escaped, like a real PSA). */
const COMPANY = '<img src=x onerror="window.__pwned=1"> Evil & Co <script>window.__pwned=2</script>';
const DECISION = '<script>window.__pwned=3</script><img src=x onerror="window.__pwned=4"> Buy firewall';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The Autotask adapter's XSS fixture (its ticket title is `<img src=x onerror=alert(1)> …` as text),
 * with the company renamed to an HTML payload too, served at the Autotask ticket path on the demo origin.
 */
function hostileTicketPage(): string {
  const html = readFileSync('content-scripts/autotask/fixtures/ticket-xss-no-sla.html', 'utf8');
  return html
    .replace('<html lang="en">', '<html lang="en-GB">') // the fixture's dates are dd/MM/yyyy
    .replaceAll('Åsgård Logistics AB', escapeHtml(COMPANY))
    .replaceAll('alert(1)', 'window.__pwned=5');
}

async function assertNothingRan(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    // Every <img> in the document and in open shadow roots (the pill lives in one).
    imgs: (function count(root: Document | ShadowRoot): number {
      let n = root.querySelectorAll('img').length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) n += count(el.shadowRoot);
      return n;
    })(document),
    scripts: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent ?? '')).length,
  }));
  expect(state, where).toEqual({ pwned: undefined, imgs: 0, scripts: 0 });
}

test('HTML and <script> in page text and logged text show literally in the panel and run nothing', async () => {
  const dialogs: string[] = [];
  env.session.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));

  // 1. A PSA page whose company name and ticket title are HTML payloads (as text).
  const url = `${env.demo.url}/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29710502`;
  await env.session.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostileTicketPage() }));
  const psa = await env.session.context.newPage();
  psa.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  await psa.goto(url);
  const account = await waitFor(
    async () => (await readTable<{ id: string; name: string }>(env.ext, 'accounts')).find((a) => a.name.includes('onerror')),
    20_000,
    'the account read from the hostile page',
  );
  // Stored as the literal text the page showed.
  expect(account.name).toBe(COMPANY);
  const ticket = (await readTable<{ kind: string; accountId: string; summary?: string }>(env.ext, 'signals')).find((s) => s.kind === 'ticket' && s.accountId === account.id);
  expect(ticket?.summary).toContain('<img src=x onerror=window.__pwned=5>');

  // 2. The panel on that account: the name is a heading's text, not markup.
  const panel = await openPanel(env.session, account.id);
  panel.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  const heading = panel.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(new RegExp(`^${COMPANY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // …and in the account picker.
  const picker = panel.getByRole('combobox', { name: 'Find an account' });
  await picker.fill('Evil');
  await expect(panel.getByRole('option').filter({ hasText: COMPANY })).toHaveCount(1);
  await picker.press('Escape');

  // 3. Text typed into the panel: a held meeting, then a decision titled with markup, attached to it.
  await panelTab(panel, 'Log');
  const meetingForm = panel.getByRole('form', { name: 'Log a meeting' });
  await meetingForm.getByRole('radio', { name: 'Held' }).check();
  await meetingForm.getByLabel('Notes').fill(COMPANY);
  await meetingForm.getByRole('button', { name: 'Log held meeting' }).click();
  await expect(panel.getByText('Held meeting logged').first()).toBeVisible();
  await panel.getByRole('radio', { name: 'Decision' }).check();
  const decisionForm = panel.getByRole('form', { name: 'Log a decision' });
  await decisionForm.getByLabel('Decision', { exact: true }).fill(DECISION);
  await decisionForm.getByLabel('Meeting').selectOption({ index: 1 });
  await decisionForm.getByRole('button', { name: 'Log decision' }).click();
  await expect(panel.getByText('Decision logged').first()).toBeVisible();

  // 4. The recap composer prefills that decision; its preview shows both payloads as text.
  await panelTab(panel, 'Recap');
  const composer = panel.getByRole('region', { name: 'Recap composer' });
  await expect(composer.getByRole('group', { name: 'Decision 1' }).locator('input').first()).toHaveValue(DECISION);
  await composer.getByText('Preview', { exact: true }).click();
  const preview = composer.locator('pre.preview__text');
  await expect(preview).toContainText(`1. ${DECISION}`);
  await expect(preview).toContainText(`Recap — ${COMPANY}`);

  // 5. "Use this page" pulls the hostile PSA page's main text (Readability) into the notes — as text.
  await psa.bringToFront(); // the panel follows the active tab
  await expect(panel.getByText('Following this tab')).toBeVisible();
  await composer.getByRole('button', { name: 'Use this page' }).click();
  await expect(composer.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue(/<img src=x onerror=window\.__pwned=5> VPN drops <\/script><script>alert\("x"\)<\/script>/);

  // Nothing ran anywhere.
  await assertNothingRan(panel, 'side panel');
  await assertNothingRan(psa, 'PSA page');
  expect(dialogs).toEqual([]);
  // The check can see what it looks for: markup put into the panel's DOM the unsafe way would count.
  expect(await panel.evaluate((html) => {
    const probe = document.createElement('div');
    probe.innerHTML = html;
    const n = probe.querySelectorAll('img').length;
    return n;
  }, COMPANY)).toBe(1);
  await panel.close();
  await psa.close();
});
