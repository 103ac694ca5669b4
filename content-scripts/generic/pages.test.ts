import { describe, expect, it } from 'vitest';
import { loadDocument, runFixtures } from '../core/fixture-harness';
import { runReader } from '../core/registry';
import { cleanTicketId } from './fields';
import { mainTextOf } from './main-text';
import { GENERIC_READERS, genericReader } from './index';

runFixtures(import.meta.dirname, GENERIC_READERS);

const ctx = (url = 'https://tools.example.com/x', dateOrder?: 'MDY' | 'DMY') => ({
  url: new URL(url),
  now: new Date('2026-11-17T14:30:00Z'),
  timeZone: 'America/New_York',
  ...(dateOrder ? { dateOrder } : {}),
});
const read = (html: string, c = ctx()) => runReader(genericReader(), loadDocument(html, c.url.href), c);

describe('generic tickets: id + company + opened at least', () => {
  const table = (rows: string) =>
    `<table><thead><tr><th>Ticket #</th><th>Company</th><th>Summary</th><th>Opened</th></tr></thead><tbody>${rows}</tbody></table>`;
  it('a complete row becomes a ticket with a stable id on this host', () => {
    const r = read(table('<tr><td>#501</td><td>Contoso Ltd</td><td>Printer</td><td>2026-11-16 10:00</td></tr>'));
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ id: 'ticket:tools.example.com:501', ticketId: '501', openedAt: '2026-11-16T10:00:00-05:00', company: { name: 'Contoso Ltd' } });
  });
  it('no company → skipped with a warning; no opened → skipped', () => {
    const r = read(table('<tr><td>502</td><td></td><td>x</td><td>2026-11-16</td></tr><tr><td>503</td><td>Contoso</td><td>y</td><td></td></tr>'));
    expect(r.observations).toEqual([]);
    expect(r.warnings).toEqual(['ticket 502: no companyName; skipped', 'ticket 503: no openedAt; skipped']);
  });
  it('a table without an opened column is not a ticket table at all', () => {
    const r = read('<table><tr><th>Ticket #</th><th>Company</th><th>Summary</th></tr><tr><td>1</td><td>A</td><td>B</td></tr></table>');
    expect(r.observations).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
  it('ambiguous 05/11/2026 needs the page or the user to say the order', () => {
    const rows = '<tr><td>601</td><td>Contoso</td><td>x</td><td>05/11/2026</td></tr>';
    expect(read(table(rows)).observations).toEqual([]);
    expect(read(table(rows), ctx(undefined, 'DMY')).observations[0]).toMatchObject({ openedAt: '2026-11-05T00:00:00-05:00' });
    // A second row with 13/11 proves day-first for the whole column.
    const proven = read(table(rows + '<tr><td>602</td><td>Contoso</td><td>y</td><td>13/11/2026</td></tr>'), ctx(undefined, 'MDY'));
    expect(proven.observations.map((o) => (o as { openedAt: string }).openedAt)).toEqual(['2026-11-05T00:00:00-05:00', '2026-11-13T00:00:00-05:00']);
  });
  it('label:value pairs of a single ticket page (dt/dd, "Label: value", label+input)', () => {
    const html = `<h1>Ticket #7781 Server down</h1>
      <dl><dt>Client</dt><dd>Northwind Traders</dd><dt>Priority</dt><dd>P1</dd></dl>
      <div><b>Status:</b> Open</div>
      <label for="c">Created</label><input id="c" value="11/17/2026 7:05 AM">`;
    const r = read(html);
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ ticketId: '7781', summary: 'Server down', companyName: 'Northwind Traders', priority: 'P1', status: 'Open', openedAt: '2026-11-17T07:05:00-05:00' });
  });
  it('page text that only happens to say "Status: Online" is not a ticket', () => {
    expect(read('<div><b>Status:</b> Online</div><div><b>Created:</b> 2026-01-01</div>').observations).toEqual([]);
  });
  it.each([['#1042', '1042'], ['T20261007.0081', 'T20261007.0081'], ['Ticket #55', '55'], ['TKT-5521', 'TKT-5521'], ['abc', undefined], ['1 2', undefined], ['', undefined]])(
    'cleanTicketId(%j) → %j',
    (s, id) => expect(cleanTicketId(s)).toBe(id),
  );
});

describe('main text', () => {
  it('Readability runs on a clone: the page is not modified', () => {
    const doc = loadDocument(`<article><h1>Notes</h1><p>${'We agreed to move the QBR to December and to pilot Intune. '.repeat(8)}</p></article>`, 'https://x.example/');
    const before = doc.documentElement.outerHTML;
    expect(mainTextOf(doc)).toMatch(/^Notes\nWe agreed to move the QBR/);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('caps the text', () => {
    const doc = loadDocument(`<article><p>${'word '.repeat(5000)}</p></article>`, 'https://x.example/');
    expect(mainTextOf(doc, 100)).toHaveLength(100);
  });
});
