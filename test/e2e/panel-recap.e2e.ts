/**
 * The recap composer in real Chromium with the built extension (DECISIONS §6): at most two
 * decisions (a third is an "other action"), copying records the recap time on the meeting, and
 * "Insert into PSA note" fills the Autotask ticket's note box inside the page's iframe.
 */
import { TZDate } from '@date-fns/tz';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { format } from 'date-fns';
import { startDemoServer } from '../../demo/server';
import { launchExtension, type ExtensionSession } from './harness';
import { readTable, waitFor } from './helpers';
import { loadSample, openPanel, panelTab, tabAccountOf, tabIdOf } from './panel-helpers';

// The background's work (recompute, page reads) is asynchronous and the shared CI machine is slow: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(120_000);

let session: ExtensionSession;
let demo: { url: string; close(): Promise<void> | void };
let ext: Page;

/** Contoso Ltd: the account of the Autotask demo ticket 29711043 (sample/names.ts). */
const ACCOUNT = { id: 'acct-001', name: 'Contoso Ltd' };
const AUTOTASK_TICKET = '/app/ticket?ticketId=29711043';

test.beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  session = await launchExtension();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  ext = await session.openExtensionPage('sidepanel.html');
  await loadSample(ext);
});
test.afterAll(async () => {
  await session?.close();
  await demo?.close();
});

interface MeetingRow {
  id: string;
  kind: string;
  accountId: string;
  meetingId: string;
  status: string;
  heldAt?: string;
  endedAt?: string;
  recapSentAt?: string;
  source: { pageType: string };
}

test('recap composer: ≤ 2 decisions (third → other action), copy records recapSentAt, insert fills the Autotask note box in its frame', async () => {
  const tz = await ext.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const input = (ms: number) => format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm");
  const panel = await openPanel(session, ACCOUNT.id, ACCOUNT.name);

  // 1. Log the QBR held two hours ago, as the user does after the meeting.
  await panelTab(panel, 'Log');
  const meetingForm = panel.getByRole('form', { name: 'Log a meeting' });
  await meetingForm.getByRole('radio', { name: 'Held' }).check();
  await meetingForm.getByLabel('Type').selectOption('QBR');
  const start = Date.now() - 2 * 3_600_000;
  await meetingForm.getByLabel('Started').fill(input(start));
  await meetingForm.getByLabel('Ended').fill(input(start + 3_600_000));
  await meetingForm.getByRole('button', { name: 'Log held meeting' }).click();
  await expect(panel.getByText('Held meeting logged').first()).toBeVisible();
  const meeting = await waitFor(
    async () =>
      (await readTable<MeetingRow>(ext, 'signals')).find((s) => s.kind === 'meeting' && s.accountId === ACCOUNT.id && s.source.pageType === 'manual' && s.status === 'held'),
    10_000,
    'the logged meeting in IndexedDB',
  );
  expect(meeting.recapSentAt).toBeUndefined();

  // 2. The composer on that meeting: three items → two decisions + one other action.
  await panelTab(panel, 'Recap');
  const composer = panel.getByRole('region', { name: 'Recap composer' });
  await composer.getByRole('combobox', { name: /^Meeting/ }).selectOption(meeting.id);
  const items = composer.locator('.item');
  const titles = ['Move backups to immutable storage', 'Roll out Conditional Access to all staff', 'Send the MFA exception list'];
  while ((await items.count()) < titles.length) {
    await composer.getByRole('button', { name: /^Add (decision|other action)$/ }).click();
  }
  await expect(items).toHaveCount(3);
  for (const [i, t] of titles.entries()) await items.nth(i).locator('input').first().fill(t);
  // Decision 1 passes the credit gate (owner + date + budget); decision 2 lacks a budget.
  const d1 = composer.getByRole('group', { name: 'Decision 1' });
  await d1.getByLabel('Owner').fill('Priya Raman');
  await d1.getByLabel('Date').fill('2027-01-15');
  await d1.getByLabel('Budget').fill('$12,000');
  const d2 = composer.getByRole('group', { name: 'Decision 2' });
  await d2.getByLabel('Owner').fill('Sam Okafor');
  await d2.getByLabel('Date').fill('2027-02-01');

  await expect(d1).toContainText('Credit gate: complete (owner + date + budget)');
  await expect(d2).toContainText('Credit gate: missing budget');
  await expect(composer.getByRole('group', { name: 'Decision 3' })).toHaveCount(0);
  const other = composer.getByRole('group', { name: 'Other action (over the decision limit)' });
  await expect(other).toHaveCount(1);
  await expect(other.getByLabel('Action')).toHaveValue(titles[2]!);
  await expect(other).not.toContainText('Credit gate');
  await expect(composer.getByRole('button', { name: 'Add other action' })).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Save to decision log (2 + 1 other)' })).toBeVisible();

  await composer.getByText('Preview', { exact: true }).click();
  const preview = (await composer.locator('pre.preview__text').textContent()) ?? '';
  const decided = preview.slice(preview.indexOf('What we decided'), preview.indexOf('Other actions'));
  expect(preview).toContain('What we decided');
  expect(decided).toContain(`1. ${titles[0]}`);
  expect(decided).toContain(`2. ${titles[1]}`);
  expect(decided).not.toContain(titles[2]);
  expect(preview.slice(preview.indexOf('Other actions'))).toContain(titles[2]);

  // 3. Copy as plain text: the clipboard holds the recap, and the meeting's recap time is recorded.
  const beforeCopy = new Date().toISOString();
  await composer.getByRole('button', { name: 'Copy plain text' }).click();
  await expect(panel.getByText('Recap copied as plain text').first()).toBeVisible();
  const sent = await waitFor(
    async () => (await readTable<MeetingRow>(ext, 'signals')).find((s) => s.id === meeting.id && s.recapSentAt),
    10_000,
    'recapSentAt on the meeting',
  );
  const afterCopy = new Date().toISOString();
  expect(sent.recapSentAt! >= beforeCopy && sent.recapSentAt! <= afterCopy).toBe(true);
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(preview);
  await expect(composer).toContainText('Recap recorded as sent');

  // 4. Open the Autotask demo ticket (its note box is inside the page's iframe): the panel follows the tab.
  const psa = await session.context.newPage();
  const psaUrl = `${demo.url}${AUTOTASK_TICKET}`;
  await psa.goto(psaUrl);
  const tabId = await tabIdOf(ext, psaUrl);
  await waitFor(async () => ((await tabAccountOf(ext, tabId)) === ACCOUNT.id ? true : undefined), 20_000, 'the Autotask tab read as Contoso Ltd');
  await expect(panel.getByText('Following this tab')).toBeVisible();
  const note = psa.frameLocator('iframe[name="PageFrame"]').locator('.QuickNote textarea');
  await expect(note).toHaveValue('');

  await composer.getByRole('button', { name: 'Insert into PSA note' }).click();
  await expect(panel.getByText(/Recap inserted into the PSA note field/).first()).toBeVisible();
  await expect(note).toHaveValue(preview);
  // Never HTML in the note: the field holds the plain text, so no markup came along.
  expect(await note.inputValue()).not.toMatch(/<\/?(p|li|ul|strong|h\d)\b/);
  // The first send wins: inserting later does not move the recorded recap time.
  const after = (await readTable<MeetingRow>(ext, 'signals')).find((s) => s.id === meeting.id)!;
  expect(after.recapSentAt).toBe(sent.recapSentAt);
  await psa.close();
  await panel.close();
});
