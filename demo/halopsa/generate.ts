/**
 * Writes the HaloPSA demo pages, the API responses they stand for, and `routes.json` (URL
 * path+query → file), served by the demo server on 127.0.0.1 with the real app's paths:
 *
 *   npx tsx demo/halopsa/generate.ts
 *
 * Pages are the agent app's rendered DOM (no script renders them, no network). The `/api/…` routes
 * serve the same data as Halo API v2 JSON, so the main-world observer and `readHaloApiResponse`
 * can be exercised end to end. Clients come from `sample/names.ts` (Halo client ids). Dates are
 * fixed (October 2026, UK locale dd/MM/yyyy HH:mm; API times in UTC).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_CLIENTS } from '../../sample/names';
import { type Wall, fmtDate, fmtDateTime } from '../../content-scripts/autotask/fixtures/render';
import { addMinutes } from '../../content-scripts/autotask/fixtures/generate';
import { appShell, clientView, contractView, gridHtml, listView, ticketView } from '../../content-scripts/halopsa/fixtures/render';

const DIR = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${DIR}api`, { recursive: true });
const routes: Record<string, string> = {};
// The demo tenant is a UK HaloPSA (dd/MM/yyyy, 24 h): its pages say so, as a UK user's browser does,
// so the content script reads the day/month order from the page's language.
const file = (route: string, name: string, body: string) => {
  routes[route] = name;
  writeFileSync(`${DIR}${name}`, body.replace('<html lang="en">', '<html lang="en-GB">'));
};
const json = (route: string, name: string, data: unknown) => file(route, name, `${JSON.stringify(data, null, 2)}\n`);
const dt = (w: Wall) => fmtDateTime(w, 'eu24');
/** Wall time in London (BST, UTC+1 in October) → the API's UTC text without `Z`. */
const api = (w: Wall) => {
  const [y, mo, d, h, mi] = addMinutes(w, -60);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:00`;
};
const C = (i: number) => SAMPLE_CLIENTS[i]!;
const AGENT = 'Alex Wilber';

interface DemoTicket {
  id: number;
  summary: string;
  client: (typeof SAMPLE_CLIENTS)[number];
  status: string;
  priority: string;
  category: string;
  logged: Wall;
  responded?: Wall;
  closed?: Wall;
}
const TICKETS: DemoTicket[] = [
  { id: 5101, summary: 'Outlook keeps asking for password', client: C(0), status: 'In Progress', priority: 'P2 - High', category: 'Email>Outlook', logged: [2026, 10, 7, 9, 14], responded: [2026, 10, 7, 9, 41] },
  { id: 5102, summary: 'Plotter in workshop offline', client: C(37), status: 'Closed', priority: 'P3 - Medium', category: 'Hardware>Printer', logged: [2026, 10, 1, 8, 5], responded: [2026, 10, 1, 9, 30], closed: [2026, 10, 5, 11, 20] },
  { id: 5103, summary: 'Zugang zum Röntgen-PC gesperrt', client: C(38), status: 'New', priority: 'P2 - High', category: 'Users>Access', logged: [2026, 10, 13, 16, 45] },
  { id: 5104, summary: 'New starter laptop for Élodie', client: C(9), status: 'Closed', priority: 'P4 - Low', category: 'Users>New', logged: [2026, 10, 2, 10, 0], responded: [2026, 10, 2, 10, 20], closed: [2026, 10, 3, 15, 0] },
];
const respondBy = (t: DemoTicket) => addMinutes(t.logged, 120);
const fixBy = (t: DemoTicket) => addMinutes(t.logged, 24 * 60);
const ms = (w: Wall) => Date.UTC(w[0], w[1] - 1, w[2], w[3], w[4]);
const state = (done: Wall | undefined, due: Wall) => (done ? (ms(done) <= ms(due) ? 'I' : 'O') : null);
const fault = (t: DemoTicket) => ({
  id: t.id,
  summary: t.summary,
  dateoccurred: api(t.logged),
  respondbydate: api(respondBy(t)),
  responsedate: t.responded ? api(t.responded) : null,
  slaresponsestate: state(t.responded, respondBy(t)),
  fixbydate: api(fixBy(t)),
  dateclosed: t.closed ? api(t.closed) : '1900-01-01T00:00:00',
  slastate: state(t.closed, fixBy(t)),
  client_id: t.client.haloId,
  client_name: t.client.name,
  status_id: t.closed ? 9 : 2,
  status_name: t.status,
  priority_id: Number(t.priority[1]),
  priority_name: t.priority,
  category_1: t.category,
  agent_name: AGENT,
});
const stateText = (s: string | null) => (s === 'I' ? 'Inside SLA' : s === 'O' ? 'Outside SLA' : '');

for (const t of TICKETS) {
  const f = fault(t);
  const view = ticketView({
    id: t.id,
    summary: t.summary,
    sections: [
      {
        title: 'Details',
        fields: [
          ['Client', t.client.name, `/customers?clientid=${t.client.haloId}`],
          ['Status', t.status],
          ['Priority', t.priority],
          ['Category', t.category],
          ['Agent', AGENT],
          ['Date Logged', dt(t.logged)],
        ],
      },
      {
        title: 'SLA',
        fields: [
          ['SLA', 'Gold'],
          ['Respond By', dt(respondBy(t))],
          ['Responded', t.responded ? dt(t.responded) : ''],
          ['Response State', stateText(f.slaresponsestate)],
          ['Fix By', dt(fixBy(t))],
          ['Date Closed', t.closed ? dt(t.closed) : ''],
          ['Resolution State', stateText(f.slastate)],
        ],
      },
    ],
    actions: [{ who: AGENT, when: dt(t.logged), note: 'Ticket logged by phone.' }],
  });
  file(`/ticket?id=${t.id}`, `ticket-${t.id}.html`, appShell({ title: `#${t.id} ${t.summary} - HaloPSA`, active: 'Tickets', view, agent: AGENT }));
  json(`/api/Tickets/${t.id}`, `api/ticket-${t.id}.json`, f);
}

const listRoute = '/tickets?area=1&viewid=32';
const grid = gridHtml(
  'ticket-grid',
  ['ID', 'Summary', 'Client', 'Status', 'Priority', 'Date Logged', 'Respond By', 'Responded', 'Fix By', 'Date Closed'],
  TICKETS.map((t) => [
    String(t.id).padStart(7, '0'),
    t.summary,
    { text: t.client.name, href: `/customers?clientid=${t.client.haloId}` },
    t.status,
    t.priority,
    dt(t.logged),
    dt(respondBy(t)),
    t.responded ? dt(t.responded) : '',
    dt(fixBy(t)),
    t.closed ? dt(t.closed) : '',
  ]),
);
file(listRoute, 'tickets.html', appShell({ title: 'All Tickets - HaloPSA', active: 'Tickets', view: listView('All Tickets', grid, TICKETS.length), agent: AGENT }));
json('/api/Tickets', 'api/tickets.json', { page_no: 1, page_size: 50, record_count: TICKETS.length, tickets: TICKETS.map(fault) });

const CLIENTS = [
  { c: C(0), am: 'Diego Siciliani', contract: { id: 55, ref: 'CON-MSP-2026', charge: 1850 } },
  { c: C(37), am: 'Jürg Brändli', contract: { id: 61, ref: 'ZP-2026', charge: 2600 } },
  { c: C(38), am: 'Agnieszka Wójcik', contract: { id: 62, ref: 'KD-2026', charge: 2050 } },
];
for (const { c, am, contract } of CLIENTS) {
  const users = [
    ['Megan Bowen', 'Office Manager', `megan.bowen@${c.domain}`, ''],
    ['Lee Gu', 'CFO', `lee.gu@${c.domain}`, ''],
  ];
  file(
    `/customers?clientid=${c.haloId}`,
    `client-${c.haloId}.html`,
    appShell({
      title: `${c.name} - HaloPSA`,
      active: 'Customers',
      view: clientView({
        name: c.name,
        fields: [
          ['Top Level', 'Customers'],
          ['Account Manager', am],
          ['Primary Technician', AGENT],
          ['Website', `https://www.${c.domain}`],
        ],
        usersGrid: gridHtml('users-grid', ['Name', 'Job Title', 'Email Address', 'Phone'], users),
      }),
      agent: AGENT,
    }),
  );
  json(`/api/Client/${c.haloId}`, `api/client-${c.haloId}.json`, { id: c.haloId, name: c.name, toplevel_name: 'Customers', accountmanagertech_name: am, pritech_name: AGENT });
  file(
    `/contracts?id=${contract.id}`,
    `contract-${contract.id}.html`,
    appShell({
      title: `${contract.ref} - HaloPSA`,
      active: 'Contracts',
      view: contractView({
        ref: contract.ref,
        fields: [
          ['Contract Ref', contract.ref],
          ['Client', c.name, `/customers?clientid=${c.haloId}`],
          ['Contract Type', 'Managed Services'],
          ['Status', 'Active'],
          ['Start Date', fmtDate([2026, 1, 1, 0, 0], 'eu24')],
          ['End Date', fmtDate([2026, 12, 31, 0, 0], 'eu24')],
          ['Billing Period', 'Monthly'],
          ['Recurring Charge', `£${contract.charge.toLocaleString('en-GB')}.00`],
        ],
      }),
      agent: AGENT,
    }),
  );
  json(`/api/ClientContract/${contract.id}`, `api/contract-${contract.id}.json`, {
    id: contract.id,
    ref: contract.ref,
    client_id: c.haloId,
    client_name: c.name,
    contracttype_name: 'Managed Services',
    start_date: '2026-01-01T00:00:00',
    end_date: '2026-12-31T00:00:00',
    periodchargeamount: contract.charge,
    billing_period_string: 'Monthly',
    active: true,
  });
}
json('/api/Client', 'api/clients.json', { record_count: CLIENTS.length, clients: CLIENTS.map(({ c, am }) => ({ id: c.haloId, name: c.name, accountmanagertech_name: am })) });

writeFileSync(`${DIR}routes.json`, `${JSON.stringify(routes, null, 2)}\n`);
console.log(`wrote ${Object.keys(routes).length} HaloPSA demo routes`);
