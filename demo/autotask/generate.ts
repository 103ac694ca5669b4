/**
 * Writes the Autotask demo pages and `routes.json` (URL path+query → file), served by the demo
 * server on 127.0.0.1 with the real app's paths:
 *
 *   npx tsx demo/autotask/generate.ts
 *
 * The outer shell pages (`/app/…`) embed the `/Mvc/…` page in an iframe, as the new Autotask layout
 * does; the content script reads the frame. Clients come from `sample/names.ts` (Autotask account
 * ids), so a demo page lands on the same account as the sample bundle. Dates are fixed (October
 * 2026, US locale, the user's zone is taken to be America/New_York).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_CLIENTS } from '../../sample/names';
import {
  type Section,
  type Wall,
  accountPage,
  band,
  contractPage,
  empty,
  fmtDate,
  fmtDateTime,
  gridPage,
  link,
  outerShell,
  ticketPage,
  txt,
} from '../../content-scripts/autotask/fixtures/render';
import { addMinutes, rng } from '../../content-scripts/autotask/fixtures/generate';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const routes: Record<string, string> = {};
const page = (route: string, file: string, html: string) => {
  routes[route] = file;
  writeFileSync(`${DIR}${file}`, html);
};
const dt = (w: Wall) => fmtDateTime(w, 'us12');
const C = (i: number) => SAMPLE_CLIENTS[i]!;

// Tickets: four detail pages on three sample clients.
const TICKETS = [
  { internalId: 29711043, number: 'T20261007.0081', title: 'Outlook keeps asking for password after MFA change', client: C(0), status: 'In Progress', priority: 'High', issue: 'Email', sub: 'Outlook', created: [2026, 10, 7, 8, 14] as Wall, responded: [2026, 10, 7, 8, 41] as Wall, resolved: undefined },
  { internalId: 29711044, number: 'T20261007.0082', title: 'Shared mailbox permissions for finance', client: C(0), status: 'Complete', priority: 'Medium', issue: 'Email', sub: 'Permissions', created: [2026, 10, 7, 9, 2] as Wall, responded: [2026, 10, 7, 9, 30] as Wall, resolved: [2026, 10, 8, 11, 0] as Wall },
  { internalId: 29709877, number: 'T20260930.0042', title: 'Drucker im 2. OG druckt nicht', client: C(8), status: 'Complete', priority: 'Medium', issue: 'Printing', sub: undefined, created: [2026, 9, 30, 9, 5] as Wall, responded: [2026, 9, 30, 12, 12] as Wall, resolved: [2026, 10, 2, 8, 30] as Wall },
  { internalId: 29711690, number: 'T20261013.0112', title: 'Server room UPS alarm — battery replace', client: C(39), status: 'New', priority: 'Critical', issue: 'Hardware', sub: 'UPS', created: [2026, 10, 13, 22, 10] as Wall, responded: undefined, resolved: undefined },
];

for (const t of TICKETS) {
  const sla: Section = {
    heading: 'Service Level Agreement',
    fields: [
      ['Service Level Agreement', txt('Standard SLA - 8x5')],
      ['First Response Due', txt(dt(addMinutes(t.created, 60)))],
      ['First Response Date', t.responded ? txt(dt(t.responded)) : empty],
      ['Resolution Plan Due', txt(dt(addMinutes(t.created, 8 * 60)))],
      ['Resolved Due', txt(dt(addMinutes(t.created, 48 * 60)))],
      ['Resolved Date', t.resolved ? txt(dt(t.resolved)) : empty],
      ['SLA Met', t.resolved ? txt(t.resolved[2] - t.created[2] <= 2 ? 'Yes' : 'No') : empty],
    ],
  };
  const html = ticketPage({
    internalId: t.internalId,
    number: t.number,
    title: t.title,
    account: t.client.name,
    typeChip: 'Service Request',
    category: 'Standard',
    bundle: `Created ${dt(t.created)} by Megan Bowen`,
    sections: [
      { fields: [['Account', link(t.client.name)], ['Contact', link('Megan Bowen')], ['Status', band(t.status)], ['Priority', band(t.priority, '#e25050')]] },
      {
        heading: 'Ticket Information',
        fields: [
          ['Issue Type', txt(t.issue)],
          ['Sub-Issue Type', t.sub ? txt(t.sub) : empty],
          ['Source', txt('Phone')],
          ...(t.resolved ? ([['Complete Date', txt(dt(t.resolved))]] as const) : []),
        ],
      },
      sla,
      { heading: 'Assignment', fields: [['Queue', band('Level I Support', '#6fcf97')], ['Primary Resource', link('Alex Wilber')]] },
    ],
    description: `Demo ticket for ${t.client.name}.`,
    notes: [{ who: 'Alex Wilber', when: dt(t.created), title: 'Triage', body: 'Called the user back.' }],
    seed: t.internalId,
  });
  page(`/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=${t.internalId}`, `ticket-${t.internalId}.html`, html);
}

// Queue: 40 rows, one per sample client, plus the four detail tickets on top.
const r = rng(2026);
const rows = SAMPLE_CLIENTS.map((c, i) => {
  const created = addMinutes([2026, 10, 14, 9, 0], -Math.floor(r() * 60 * 24 * 25) - 60);
  const done = r() < 0.5 ? addMinutes(created, 60 * (2 + Math.floor(r() * 70))) : undefined;
  const day = `${created[0]}${String(created[1]).padStart(2, '0')}${String(created[2]).padStart(2, '0')}`;
  return {
    eid: 29713000 + i,
    cells: [
      `T${day}.${String(200 + i).padStart(4, '0')}`,
      ['Password reset', 'New user setup', 'VPN drops', 'Backup job failed', 'Printer offline'][i % 5]!,
      c.name,
      done ? 'Complete' : ['New', 'In Progress', 'Waiting Customer'][i % 3]!,
      ['Critical', 'High', 'Medium', 'Low'][i % 4]!,
      dt(created),
      dt(addMinutes(created, 60)),
      dt(addMinutes(created, 48 * 60)),
      done ? dt(done) : '',
    ],
  };
});
const queueRows = [
  ...TICKETS.map((t) => ({
    eid: t.internalId,
    cells: [t.number, t.title, t.client.name, t.status, t.priority, dt(t.created), dt(addMinutes(t.created, 60)), dt(addMinutes(t.created, 48 * 60)), t.resolved ? dt(t.resolved) : ''],
  })),
  ...rows,
];
const QUEUE = '/Mvc/ServiceDesk/TicketGrid.mvc?workspace=False&queueId=29682833';
page(
  QUEUE,
  'queue.html',
  gridPage({
    titleText: 'Queue ',
    secondaryText: '- Level I Support',
    headers: ['Ticket Number', 'Title', 'Account', 'Status', 'Priority', 'Created', 'First Response Due', 'Resolved Due', 'Complete Date'],
    rows: queueRows,
    linkColumns: [0, 2],
    seed: 7,
  }),
);

// Accounts and contracts of three sample clients.
const MANAGERS = ['Diego Siciliani', 'Jürgen Weiß', 'Isaiah Langer'];
[C(0), C(8), C(39)].forEach((c, i) => {
  page(
    `/Mvc/CRM/AccountDetail.mvc?workspace=False&accountId=${c.autotaskId}`,
    `account-${c.autotaskId}.html`,
    accountPage({
      accountId: c.autotaskId,
      name: c.name,
      sections: [
        { fields: [['Account Type', txt('Customer')], ['Account Manager', link(MANAGERS[i]!)], ['Web Site', link(`www.${c.domain}`)]] },
        { heading: 'Account Information', fields: [['Classification', txt(['Gold', 'Silver', 'Bronze'][i]!)]] },
      ],
      contacts: [
        { name: 'Megan Bowen', title: 'Office Manager', email: `megan.bowen@${c.domain}`, phone: '' },
        { name: 'Lee Gu', title: 'CFO', email: `lee.gu@${c.domain}`, phone: '' },
      ],
      seed: c.autotaskId,
    }),
  );
  const contractId = 29684500 + i;
  const monthly = [4250, 3100, 1800][i]!;
  page(
    `/Mvc/Contracts/ContractDetail.mvc?workspace=False&contractId=${contractId}`,
    `contract-${contractId}.html`,
    contractPage({
      contractId,
      name: `${c.aliases[0] ?? c.name} Managed Services 2026`,
      sections: [
        { fields: [['Contract Name', txt(`${c.aliases[0] ?? c.name} Managed Services 2026`)], ['Account', link(c.name)], ['Contract Type', txt('Recurring Service')], ['Status', band('Active', '#27ae60')]] },
        { heading: 'Contract Period', fields: [['Start Date', txt(fmtDate([2026, 1, 1, 0, 0], 'us12'))], ['End Date', txt(fmtDate([2026, 12, 31, 0, 0], 'us12'))], ['Billing Period', txt('Monthly')]] },
        { heading: 'Financials', fields: [['Recurring Amount', txt(`$${monthly.toLocaleString('en-US')}.00`)]] },
      ],
      seed: contractId,
    }),
  );
});

// Outer shell pages of the new layout: the /Mvc/ page inside an iframe.
page('/app/service-desk', 'shell-queue.html', outerShell({ iframeSrc: QUEUE, pageTitle: 'Level I Support - Autotask', user: 'Alex Wilber' }));
for (const t of TICKETS) {
  page(
    `/app/ticket?ticketId=${t.internalId}`,
    `shell-ticket-${t.internalId}.html`,
    outerShell({ iframeSrc: `/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=${t.internalId}`, pageTitle: `${t.number} - Autotask`, user: 'Alex Wilber' }),
  );
}

writeFileSync(`${DIR}routes.json`, `${JSON.stringify(routes, null, 2)}\n`);
console.log(`wrote ${Object.keys(routes).length} Autotask demo routes`);
