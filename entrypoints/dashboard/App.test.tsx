// @vitest-environment jsdom
/** The dashboard over a real (fake-indexeddb) database with a small hand-built portfolio. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byText, cleanup, click, flush, render } from '../../components/testing';
import { openDb, type MetronomeDb } from '../../storage/db';
import { setConfigOverrides } from '../../storage/settings';
import { acct, cta, decision, health, meeting, NOW, snapshot } from '../../ui/dashboard/testing';
import { DbProvider } from '../../ui/data';
import { DashboardForTest } from './App';

let db: MetronomeDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`t-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
});

async function until(fn: () => boolean, tries = 200) {
  for (let i = 0; !fn(); i++) {
    if (i > tries) throw new Error('condition not met');
    await flush();
  }
}

const D = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();
const now = NOW.getTime();

async function seed() {
  const hostile = 'Zeta <img src=x onerror=alert(1)>';
  await db.accounts.bulkPut([
    acct('acme', { name: 'Acme Dental', renewalDate: '2027-03-31', roles: { csm: 'Sam Lee', vcio: 'Vic Io', am: 'Dana Cho' } }),
    acct('blue', { name: 'Blue River' }),
    acct('evil', { name: hostile }),
    // 26 more accounts with an overdue strategic meeting: the past-due list is capped at 25.
    ...Array.from({ length: 26 }, (_, i) => acct(`p${i}`, { name: `Past Due ${String(i).padStart(2, '0')}` })),
  ]);
  await db.health.bulkPut([
    health('acme', {
      seg: 'A',
      colours: { experience: 'red', adoption: 'green', engagement: 'yellow', quality: 'green', alignment: 'green' },
      overall: 'yellow',
      composite: 72,
      consecutiveMisses: 2,
      nextStrategicMeetingDue: at(now - 3 * D),
      execSponsorLastSeenAt: at(now - 134 * D),
      atRisk: { flag: true, reasons: ['2 consecutive missed strategic meetings'] },
    }),
    health('blue', { seg: 'C', colours: { experience: 'green' }, overall: 'insufficient', nextStrategicMeetingDue: at(now + 10 * D), execSponsorLastSeenAt: at(now - 5 * D) }),
    health('evil', { seg: 'D', nextStrategicMeetingDue: at(now + 100 * D), execSponsorLastSeenAt: at(now - 5 * D), atRisk: { flag: true, reasons: ['<b>Complaint</b> tagged Quality'] } }),
    ...Array.from({ length: 26 }, (_, i) => health(`p${i}`, { seg: 'D', nextStrategicMeetingDue: at(now - (i + 1) * D), execSponsorLastSeenAt: at(now - 5 * D) })),
  ]);
  await db.snapshots.bulkPut([snapshot('acme', '2026-10', { experience: 'red' }, 'A'), snapshot('acme', '2026-09', { experience: 'red' }, 'A')]);
  await db.signals.bulkPut([
    meeting('blue', { meetingId: 'q1', heldAt: at(now - 20 * D), recapSentAt: at(now - 19 * D) }),
    decision('blue', { meetingId: 'q1', proposedAt: at(now - 40 * D) }),
  ]);
  await db.ctas.put(cta('acme', { title: 'Re-engage stakeholders', firedAt: at(now - 6 * D), firstActionDue: at(now - 3 * D) }));
}

describe('dashboard page', () => {
  it('renders KPIs, heatmap with colour words, watchlists with named owners, trends, and the program calendar', async () => {
    await seed();
    const { container } = await render(
      <DbProvider db={db}>
        <DashboardForTest now={NOW} />
      </DbProvider>,
    );
    await until(() => !!container.querySelector('#kpis-h'));
    const text = container.textContent ?? '';

    // KPI tiles: honest n of m, No data where nothing is measured.
    const tile = (label: string) => byText(container, label, 'h3.kpi__label')[0]!.closest('li')!;
    expect(tile('Recap ≤ 48 h').textContent).toContain('1 of 1');
    expect(tile('Recap ≤ 48 h').textContent).toContain('Meets target');
    expect(tile('≥ 1 logged decision').textContent).toContain('100%');
    expect(tile('First action ≤ 72 h').textContent).toContain('Below target');
    expect(tile('First action ≤ 72 h').textContent).toContain('0 of 1');
    expect(tile('Coverage next 30 days').querySelector('.kpi__value')?.textContent).toBe('0%');
    expect(tile('Exec sponsor seen ≤ 120 d (A/B)').textContent).toContain('0 of 1');

    // Heatmap: every colour has its word; a count filters the accounts.
    for (const w of ['Green', 'Yellow', 'Red', 'No data']) expect(text).toContain(w);
    const redCx = container.querySelector('button[aria-label="Segment A, Client Experience: 1 Red. Show these accounts"]');
    await click(redCx);
    expect(redCx?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('.heat__list')?.textContent).toContain('Segment A · Client Experience · Red: 1 account');
    expect(container.querySelector('.heat__list')?.textContent).toContain('Acme Dental');

    // Watchlists.
    const list = (id: string) => container.querySelector(`#watch-${id}`)!.closest('section')!;
    expect(list('cx').textContent).toContain('2 CX Reds in the last 3 months; exec sponsor last seen 134 days ago');
    expect(list('cx').textContent).toContain('Sam Lee (CSM)');
    expect(list('pastDue').querySelector('tbody tr')?.textContent).toContain('Acme Dental');
    expect(list('pastDue').querySelector('tbody tr')?.textContent).toContain('Vic Io (vCIO)'); // A: vCIO when no cadence owner
    expect(list('coverage').textContent).toContain('Not booked');
    expect(list('decisions').textContent).toContain('1 pending, oldest 40 days');
    expect(list('firstAction').textContent).toContain('Re-engage stakeholders');
    expect(list('firstAction').textContent).toContain('First action 3 days late');
    expect(list('atRisk').textContent).toContain('2 consecutive missed strategic meetings');
    expect(text).toContain('Time to first action: No data');

    // Long tables: first 25, then "show all".
    expect(list('pastDue').querySelectorAll('tbody tr')).toHaveLength(25);
    await click(byText(list('pastDue'), 'Show all 27', 'button')[0]);
    expect(list('pastDue').querySelectorAll('tbody tr')).toHaveLength(27);

    // Trends have a text alternative.
    expect(container.querySelector('svg.bars[aria-label^="Client Experience: share of accounts Green"]')).not.toBeNull();

    // Program calendar: the selected (first) account; say what the year starts at.
    expect(container.querySelector('.program__detail h3')?.textContent).toBe('Acme Dental');
    expect(container.querySelector('.program__detail')?.textContent).toContain('starting at the renewal anniversary');
    expect(container.querySelector('.program__detail')?.textContent).toContain('renewal trigger (renewal − 90 days) on 31 Dec 2026, in month 10');
    expect(container.querySelectorAll('.program__detail tbody tr')).toHaveLength(12);

    // Page text is text: a hostile account name is shown, never parsed.
    expect(text).toContain('Zeta <img src=x onerror=alert(1)>');
    expect(list('atRisk').textContent).toContain('<b>Complaint</b> tagged Quality');
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('the portfolio targets come from the stored configuration (options page): a B target of its own splits the A/B tile', async () => {
    await seed();
    const r = await setConfigOverrides(db, { portfolio: { execSponsorTargetPct: { B: 80 }, coverage: { horizonDays: 14, targetPct: 50 } } });
    expect(r.ok).toBe(true);
    const { container } = await render(
      <DbProvider db={db}>
        <DashboardForTest now={NOW} />
      </DbProvider>,
    );
    await until(() => byText(container, 'Coverage next 14 days', 'h3.kpi__label').length > 0);
    const labels = [...container.querySelectorAll('h3.kpi__label')].map((h) => h.textContent);
    expect(labels).toContain('Exec sponsor seen ≤ 120 d (A)');
    expect(labels).toContain('Exec sponsor seen ≤ 120 d (B)');
    expect(labels).not.toContain('Exec sponsor seen ≤ 120 d (A/B)');
    expect(labels).not.toContain('Coverage next 30 days');
  });

  it('selecting an account from a heatmap filter shows its program calendar (first seen month when no renewal date)', async () => {
    await seed();
    const { container } = await render(
      <DbProvider db={db}>
        <DashboardForTest now={NOW} />
      </DbProvider>,
    );
    await until(() => !!container.querySelector('#kpis-h'));
    await click(container.querySelector('button[aria-label="Segment C, Client Experience: 1 Green. Show these accounts"]'));
    await click(byText(container.querySelector('.heat__list')!, 'Blue River', 'button')[0]);
    expect(container.querySelector('.program__detail h3')?.textContent).toBe('Blue River');
    expect(container.querySelector('.program__detail')?.textContent).toContain('starting at the month Metronome first saw the account');
    expect(container.querySelector('.program__detail')?.textContent).toContain('No renewal date');
  });

  it('an empty database says so plainly', async () => {
    const { container } = await render(
      <DbProvider db={db}>
        <DashboardForTest now={NOW} />
      </DbProvider>,
    );
    await until(() => (container.textContent ?? '').includes('No accounts yet'));
  });
});
