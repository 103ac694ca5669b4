/**
 * Demo ConnectWise pages for trial users: a home page with links, a service board whose ticket
 * numbers link to their tickets, four tickets, two company pages and an agreement — all for sample
 * clients from `sample/names.ts` (company identifier = `cwIdentifier`), at the real app's paths.
 *
 * `demoPages(now)` builds them with dates relative to `now` (a demo server can call it at start-up
 * so the tickets are always recent); the CLI writes them to `pages/` plus `routes.json`:
 *
 *   npx tsx demo/connectwise/make-demo.ts [--now 2026-11-18T09:00:00-05:00]
 *
 * routes.json: `{ "routes": [{ "path": "/v4_6_release/…", "query": "service_recid=284511",
 * "file": "pages/ticket-284511.html", "title": "…" }] }` — serve `file` for a request whose path
 * equals `path` and whose query parameters include every `query` parameter (others ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_CLIENTS } from '../../sample/names';
import { cwPage, esc, type Cell, type GridColumn } from '../../content-scripts/connectwise/fixtures/cw-page';
import { agreementPage, boardPage, companyPage, Noise, ticketPage } from '../../content-scripts/connectwise/fixtures/pages';

const TZ = 'America/New_York';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REL = '/v4_6_release';
const TICKET_PATH = `${REL}/services/system_io/Service/fv_sr100_request.rails`;
const APP_PATH = `${REL}/ConnectWise.aspx`;

export interface DemoPage {
  path: string;
  query: string;
  file: string;
  title: string;
  html: string;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** `MM/dd/yyyy h:mm AM` in New York for an instant (what a US CW user sees). */
function us(ms: number, withTime = true): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
  const g = (t: string): number => Number(parts.find((x) => x.type === t)!.value);
  const h = g('hour');
  const date = `${p2(g('month'))}/${p2(g('day'))}/${g('year')}`;
  return withTime ? `${date} ${((h + 11) % 12) + 1}:${p2(g('minute'))} ${h < 12 ? 'AM' : 'PM'}` : date;
}

/** Rounds to the minute and moves into 09:00–16:59 New York (roughly) so demo times look like work. */
function workTime(ms: number, hourOffset: number): number {
  const d = new Date(Math.floor(ms / 60_000) * 60_000);
  d.setUTCHours(14 + (hourOffset % 8), (hourOffset * 17) % 60, 0, 0);
  return d.getTime();
}

const client = (name: string) => {
  const c = SAMPLE_CLIENTS.find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
};

export function demoPages(now: Date = new Date()): DemoPage[] {
  const t0 = now.getTime();
  const pages: DemoPage[] = [];
  const ticketHref = (id: string): string => `${TICKET_PATH}?service_recid=${id}`;

  // Four tickets: responded in time, breached and closed, waiting past its resolve-by, brand new.
  const tickets = [
    { id: '284511', c: client('Contoso Ltd'), summary: 'Outlook keeps prompting for password after MFA change', status: 'In Progress', priority: 'Priority 2 - Quick Response', type: 'Email', subtype: 'Outlook', ago: 1, respondIn: 0.5, respondBy: 1, resolveBy: 8 },
    { id: '284533', c: client('Müller & Söhne GmbH'), summary: 'Drucker im 2. OG druckt nicht – Fehler 0x800f0922', status: 'Closed', priority: 'Priority 3 - Normal Response', type: 'Hardware', subtype: 'Drucker', ago: 6, respondIn: 3, respondBy: 2, resolveBy: 24, resolvedIn: 20, closedIn: 21 },
    { id: '284547', c: client('Relecloud'), summary: 'VPN drops every 20 minutes at the branch office', status: 'Waiting on Client', priority: 'Priority 2 - Quick Response', type: 'Network', subtype: 'VPN', ago: 4, respondIn: 1.5, respondBy: 1, resolveBy: 8 },
    { id: '284560', c: client('Woodgrove Bank'), summary: 'New starter: laptop and accounts for Monday', status: 'New', priority: 'Priority 3 - Normal Response', type: 'Onboarding', subtype: 'New user', ago: 0.1, respondBy: 5, resolveBy: 24 },
  ];
  for (const [i, t] of tickets.entries()) {
    const entered = workTime(t0 - t.ago * DAY, i);
    const at = (h: number | undefined): string | undefined => (h === undefined ? undefined : us(entered + h * HOUR));
    const html = ticketPage(
      {
        id: t.id,
        summary: t.summary,
        companyId: t.c.cwIdentifier,
        companyName: t.c.name,
        contact: 'Alex Wilber',
        board: 'Help Desk',
        status: t.status,
        priority: t.priority,
        type: t.type,
        subtype: t.subtype,
        entered: us(entered),
        sla: {
          name: 'Standard SLA',
          respondBy: at(t.respondBy),
          responded: at(t.respondIn),
          resolveBy: at(t.resolveBy),
          resolved: at(t.resolvedIn),
        },
        closed: at(t.closedIn),
        notes: [{ who: 'Dana Lee', when: us(entered + HOUR), text: 'Demo ticket generated by Metronome for the trial tour.' }],
      },
      new Noise(1000 + i),
    );
    pages.push({ path: TICKET_PATH, query: `service_recid=${t.id}`, file: `pages/ticket-${t.id}.html`, title: `Service Ticket #${t.id}`, html });
  }

  // The board: the four tickets above plus 36 more across the first 12 sample clients.
  const cols: GridColumn[] = [
    { header: 'Ticket #' },
    { header: 'Company ID', hidden: true },
    { header: 'Company' },
    { header: 'Summary Description' },
    { header: 'Type' },
    { header: 'Priority' },
    { header: 'Status' },
    { header: 'Entered' },
    { header: 'Resolve By' },
    { header: 'SLA' },
  ];
  const rows: Cell[][] = [];
  const n = new Noise(77);
  const statuses = ['New', 'In Progress', 'Waiting on Client', 'Scheduled', 'Closed', 'Re-opened'];
  const summaries = ['Password reset', 'Printer offline', 'Teams audio drops', 'Backup job failed', 'MFA prompt loop', 'New laptop', 'Shared mailbox access', 'Phishing report'];
  for (let i = 0; i < 40; i++) {
    const known = tickets[i];
    const c = known?.c ?? SAMPLE_CLIENTS[i % 12]!;
    const id = known?.id ?? String(284600 + i);
    const entered = workTime(t0 - (known?.ago ?? n.int(1, 28)) * DAY, i);
    const status = known?.status ?? n.pick(statuses);
    const resolveBy = entered + (known?.resolveBy ?? n.pick([8, 24, 72])) * HOUR;
    const sla = status === 'Closed' ? n.pick(['Met', 'Met', 'Missed']) : resolveBy < t0 ? 'Missed' : n.pick(['Met', '']);
    rows.push([
      { text: id, href: ticketHref(id) },
      c.cwIdentifier,
      c.name,
      known?.summary ?? n.pick(summaries),
      known?.type ?? n.pick(['Email', 'Hardware', 'Network', 'Security']),
      known?.priority ?? n.pick(['Priority 2 - Quick Response', 'Priority 3 - Normal Response', 'Priority 4 - Scheduled Maintenance']),
      status,
      us(entered),
      us(resolveBy),
      sla,
    ]);
  }
  pages.push({
    path: APP_PATH,
    query: 'routeTo=ServiceBoard&boardId=1',
    file: 'pages/board-help-desk.html',
    title: 'Service Board - Help Desk',
    html: boardPage({ board: 'Help Desk', columns: cols, rows }, new Noise(78)),
  });

  // Companies and an agreement.
  const contoso = client('Contoso Ltd');
  const mueller = client('Müller & Söhne GmbH');
  pages.push({
    path: APP_PATH,
    query: 'routeTo=CompanyFV&recid=19300',
    file: 'pages/company-contoso.html',
    title: `Company - ${contoso.name}`,
    html: companyPage(
      {
        name: contoso.name,
        identifier: contoso.cwIdentifier,
        accountManager: 'Dana Lee',
        territory: 'East',
        fiscalYearEnd: '06/30',
        phone: '+1 425 555 0100',
        website: `www.${contoso.domain}`,
        contacts: [
          { name: 'Megan Bowen', title: 'CFO', email: `megan.bowen@${contoso.domain}` },
          { name: 'Alex Wilber', title: 'IT Manager', email: `alex.wilber@${contoso.domain}` },
          { name: 'Lee Gu', title: 'Chief Executive Officer', email: `lee.gu@${contoso.domain}` },
        ],
      },
      new Noise(2001),
    ),
  });
  pages.push({
    path: APP_PATH,
    query: 'routeTo=CompanyFV&recid=20417',
    file: 'pages/company-mueller.html',
    title: `Company - ${mueller.name}`,
    html: companyPage(
      {
        name: mueller.name,
        identifier: mueller.cwIdentifier,
        accountManager: 'Sam Ortiz',
        fiscalYearEnd: '12/31',
        layout: 'flow',
        contactColumns: 'first-last',
        contacts: [
          { name: 'Jürgen Weiß', title: 'Geschäftsführer', email: `j.weiss@${mueller.domain}` },
          { name: 'Anna Schäfer', title: 'Leiterin IT', email: `a.schaefer@${mueller.domain}` },
        ],
      },
      new Noise(2002),
    ),
  });
  const renewal = t0 + 75 * DAY; // inside the 90-day renewal trigger window
  pages.push({
    path: APP_PATH,
    query: 'routeTo=AgreementFV&recid=512',
    file: 'pages/agreement-contoso.html',
    title: 'Agreement - Managed Services - Gold',
    html: agreementPage(
      {
        name: 'Managed Services - Gold',
        companyId: contoso.cwIdentifier,
        companyName: contoso.name,
        type: 'Managed Services',
        start: us(renewal - 365 * DAY, false),
        end: us(renewal, false),
        cycle: 'Monthly',
        amount: '$4,250.00',
      },
      new Noise(2003),
    ),
  });

  // A home screen linking everything (the tour starts here).
  const links = pages.map((p) => `<li><a href="${esc(`${p.path}?locale=en_US&${p.query}`)}">${esc(p.title)}</a></li>`).join('\n        ');
  pages.unshift({
    path: APP_PATH,
    query: 'locale=en_US',
    file: 'pages/home.html',
    title: 'ConnectWise PSA (demo)',
    html: cwPage(
      {
        title: 'ConnectWise PSA (Metronome demo)',
        section: 'Service Desk',
        tabs: ['My Dashboard'],
        toolbar: ['Refresh'],
        body: `<div class="mm_podHeader"><div class="gwt-Label">Metronome demo — ConnectWise PSA pages</div></div>
      <p>These pages imitate ConnectWise PSA screens for sample clients. Open one with the Metronome side panel open.</p>
      <ul class="demo-links">
        ${links}
      </ul>`,
      },
      new Noise(3000),
    ),
  });
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--now');
  const now = i > 0 && process.argv[i + 1] ? new Date(process.argv[i + 1]!) : new Date();
  const dir = dirname(fileURLToPath(import.meta.url));
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const pages = demoPages(now);
  for (const p of pages) writeFileSync(join(dir, p.file), p.html);
  const routes = {
    note: 'ConnectWise demo pages. Serve `file` for a request whose path equals `path` and whose query contains every parameter of `query`; the most specific match (most parameters) wins. Regenerate with: npx tsx demo/connectwise/make-demo.ts',
    generatedFor: now.toISOString(),
    routes: pages.map(({ path, query, file, title }) => ({ path, query, file, title })),
  };
  writeFileSync(join(dir, 'routes.json'), `${JSON.stringify(routes, null, 2)}\n`);
  console.log(`wrote ${pages.length} demo pages + routes.json to ${dir}`);
}
