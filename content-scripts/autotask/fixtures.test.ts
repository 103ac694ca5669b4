import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument, runFixtures } from '../core/fixture-harness';
import { detectPage } from '../core/registry';
import { autotaskReaders } from './index';

runFixtures(new URL('.', import.meta.url), autotaskReaders);

describe('autotask outer shell (fixtures/outer-shell.html)', () => {
  const html = readFileSync(new URL('./fixtures/outer-shell.html', import.meta.url), 'utf8');
  it('no reader claims the outer page: its URL is not an /Mvc/ page', () => {
    const url = 'https://ww15.autotask.net/app/service-desk/tickets/29711043';
    expect(detectPage(loadDocument(html, url), new URL(url), autotaskReaders)).toBeNull();
  });
  it('not even under an /Mvc/ ticket URL: its DOM is not a ticket page (drift, never a reading)', () => {
    const url = 'https://ww15.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=29711043';
    const d = detectPage(loadDocument(html, url), new URL(url), autotaskReaders);
    expect(d && 'drift' in d ? d.drift.reader.id : d).toBe('autotask/ticket');
  });
  it('points its iframe at the /Mvc/ ticket page the ticket fixture models', () => {
    const doc = loadDocument(html, 'https://ww15.autotask.net/app/');
    expect(doc.querySelector('[data-slot="header"]')).not.toBeNull();
    expect(doc.querySelector('iframe')?.getAttribute('src')).toBe('/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29711043');
  });
});
