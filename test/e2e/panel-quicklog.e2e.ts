/**
 * Quick logging and the CTA lifecycle through the side panel's own controls, in real Chromium with
 * the built extension: what the user does there reaches the background, the engine recomputes, and
 * the panel's live queries show the result.
 */
import { TZDate } from '@date-fns/tz';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { format } from 'date-fns';
import { launchExtension, type ExtensionSession } from './harness';
import { readTable, waitFor } from './helpers';
import { ctaCard, ctasOf, healthOf, loadSample, openPanel, panelTab, type CtaRowLite, type HealthRowLite } from './panel-helpers';

// The background's work (recompute, page reads) is asynchronous and the shared CI machine is slow: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(120_000);

let session: ExtensionSession;
let ext: Page;

test.beforeAll(async () => {
  session = await launchExtension();
  ext = await session.openExtensionPage('sidepanel.html');
  await loadSample(ext);
});
test.afterAll(async () => {
  await session?.close();
});

interface HealthWithMeetings extends HealthRowLite {
  lastStrategicMeetingAt: string | null;
  nextStrategicMeetingDue: string | null;
}
interface AccountRow {
  id: string;
  name: string;
}

const REENGAGE = /^Re-engage Stakeholders/;
const DAY = 86_400_000;

/** The panel's time zone (the background initialises its calendar zone from the browser's). */
async function browserZone(page: Page): Promise<string> {
  return page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

test('DECISIONS §5: two missed meetings logged in the panel raise “Re-engage Stakeholders” and the At-Risk flag (one does not)', async () => {
  const now = Date.now();
  const [rows, accounts, ctas] = await Promise.all([readTable<HealthWithMeetings>(ext, 'health'), readTable<AccountRow>(ext, 'accounts'), readTable<CtaRowLite>(ext, 'ctas')]);
  // A healthy account: on cadence, not at risk, last strategic meeting 3+ days ago (room for two misses after it).
  const h = rows
    .filter((r) => !r.atRisk.flag && r.consecutiveMisses === 0 && r.lastStrategicMeetingAt && now - Date.parse(r.lastStrategicMeetingAt) > 3 * DAY)
    .filter((r) => r.nextStrategicMeetingDue && Date.parse(r.nextStrategicMeetingDue) > now)
    .find((r) => !ctas.some((c) => c.accountId === r.accountId && REENGAGE.test(c.title)));
  expect(h, 'a sample account on cadence and not at risk').toBeDefined();
  const account = accounts.find((a) => a.id === h!.accountId)!;
  const tz = await browserZone(ext);
  const lastHeld = Date.parse(h!.lastStrategicMeetingAt!);
  // Two planned dates after the last held meeting and before now, as the user types them (minutes).
  const missedOn = [lastHeld + (now - lastHeld) / 3, lastHeld + (2 * (now - lastHeld)) / 3].map((ms) => format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm"));

  const panel = await openPanel(session, account.id, account.name);
  await expect(panel.getByLabel('Overall health').getByText('At risk')).toHaveCount(0);

  const logMiss = async (plannedFor: string) => {
    await panelTab(panel, 'Log');
    const form = panel.getByRole('form', { name: 'Log a meeting' });
    await form.getByRole('radio', { name: 'Missed' }).check();
    await form.getByLabel('Type').selectOption('QBR');
    await form.getByLabel('Was planned for').fill(plannedFor);
    const before = (await healthOf(ext, account.id))!.asOf;
    await form.getByRole('button', { name: 'Log missed meeting' }).click();
    await expect(panel.getByText('Missed meeting logged').first()).toBeVisible();
    // The background recomputed the account after the log.
    await waitFor(async () => ((await healthOf(ext, account.id))!.asOf > before ? true : undefined), 20_000, 'recompute after the missed meeting');
  };

  // One miss: reschedule step only — no Re-engage, no At-Risk yet (the boundary).
  await logMiss(missedOn[0]!);
  await panelTab(panel, 'Snapshot');
  await expect(panel.getByText('1 missed in a row')).toBeVisible();
  await expect(panel.getByLabel('Overall health').getByText('At risk')).toHaveCount(0);
  await panelTab(panel, 'Due');
  await expect(ctaCard(panel, /^Strategic meeting missed: reschedule/)).toBeVisible();
  await expect(ctaCard(panel, REENGAGE)).toHaveCount(0);

  // Second consecutive miss.
  await logMiss(missedOn[1]!);
  await panelTab(panel, 'Due');
  const card = ctaCard(panel, REENGAGE);
  await expect(card).toBeVisible();
  await expect(card).toContainText('2 consecutive strategic meetings missed');
  // First action ≤ 72 h: the clock is shown and open.
  await expect(card.getByRole('button', { name: 'Log first action' })).toBeVisible();

  await panelTab(panel, 'Snapshot');
  const overall = panel.getByLabel('Overall health');
  await expect(overall.getByText('At risk')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'At-risk reasons' })).toBeVisible();
  await expect(panel.getByText('2 missed in a row')).toBeVisible();

  // What the panel shows is what is stored.
  const stored = await healthOf(ext, account.id);
  expect(stored!.atRisk.flag).toBe(true);
  expect(stored!.consecutiveMisses).toBe(2);
  const reengage = (await ctasOf(ext, account.id)).filter((c) => REENGAGE.test(c.title));
  expect(reengage).toHaveLength(1);
  expect(reengage[0]!.status).toBe('open');
  await panel.close();
});

test('CTA lifecycle: a first action with a note shows on the card; Done moves it out of the open list', async () => {
  const [accounts, ctas] = await Promise.all([readTable<AccountRow>(ext, 'accounts'), readTable<CtaRowLite>(ext, 'ctas')]);
  const now = Date.now();
  // An open CTA without a first action, on an account whose open CTAs have distinct titles.
  const open = ctas.filter((c) => c.status === 'open' && !c.firstActionAt && !c.resolvedByEngineAt);
  const cta = open.find((c) => open.filter((o) => o.accountId === c.accountId && o.title === c.title).length === 1 && Date.parse(c.dueBy) < now + 30 * DAY);
  expect(cta, 'an open sample CTA due within 30 days').toBeDefined();
  const account = accounts.find((a) => a.id === cta!.accountId)!;
  const note = `Called the sponsor ${new Date(now).toISOString().slice(0, 16)}; QBR proposed`;

  const panel = await openPanel(session, account.id, account.name);
  await panelTab(panel, 'Due');
  const card = ctaCard(panel, cta!.title);
  await expect(card).toHaveCount(1);
  await expect(card).not.toContainText(note);

  // First action with a note.
  await card.getByRole('button', { name: 'Log first action' }).click();
  await card.getByLabel('What did you do?').fill(note);
  await card.getByRole('button', { name: 'Save first action' }).click();
  await expect(card).toContainText(`“${note}”`);
  await expect(card.getByRole('button', { name: 'Log first action' })).toHaveCount(0);
  const afterFirst = (await ctasOf(ext, account.id)).find((c) => c.id === cta!.id)!;
  expect(afterFirst.firstActionNote).toBe(note);
  expect(afterFirst.firstActionAt).toBeTruthy();
  expect(afterFirst.status).toBe('open');

  // Done: it leaves the open groups and sits, closed, under "Done, snoozed and resolved".
  await card.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(ctaCard(panel, cta!.title)).toHaveCount(0);
  const closedGroup = panel.getByRole('button', { name: /^Done, snoozed and resolved \(\d+\)$/ });
  await expect(closedGroup).toBeVisible();
  await closedGroup.click();
  const closed = ctaCard(panel, cta!.title);
  await expect(closed).toHaveCount(1);
  await expect(closed.locator('.tag', { hasText: 'done' })).toBeVisible();
  await expect(closed.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(closed).toContainText(`“${note}”`);
  await waitFor(async () => ((await ctasOf(ext, account.id)).find((c) => c.id === cta!.id)?.status === 'done' ? true : undefined), 10_000, 'CTA stored as done');
  await panel.close();
});
