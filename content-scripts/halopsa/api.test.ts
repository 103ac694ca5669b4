import { describe, expect, it } from 'vitest';
import { haloApiRoute, readHaloApiResponse } from './api';

const ctx = { url: new URL('https://acme.halopsa.com/ticket?id=1'), now: new Date('2026-10-08T12:00:00Z'), timeZone: 'UTC' };
const fault = { id: 1, dateoccurred: '2026-10-07T09:00:00', client_id: 100, client_name: 'Contoso Ltd' };

describe('the endpoint whitelist', () => {
  it('tickets, clients, contracts (list and single), any case → read', () => {
    expect(haloApiRoute('/api/Tickets')?.route.pageType).toBe('ticket-list');
    expect(haloApiRoute('/api/tickets/42')).toMatchObject({ id: '42', route: { pageType: 'ticket' } });
    expect(haloApiRoute('/api/CLIENT/7')?.route.pageType).toBe('company');
    expect(haloApiRoute('/api/ClientContract')?.route.pageType).toBe('agreement');
  });
  it('anything else → null, nothing read', () => {
    for (const p of ['/api/Agent', '/api/Actions', '/api/Tickets/42/actions', '/api/Users', '/tickets', '/api/Tickets.json'])
      expect(readHaloApiResponse(p, [fault], ctx)).toBeNull();
  });
});

describe('readHaloApiResponse: validation', () => {
  it('fields are read; everything else is ignored', () => {
    const r = readHaloApiResponse('/api/Tickets/1', { ...fault, details: '<script>x</script>', unknown: { deep: true } }, ctx)!;
    expect(r.observations).toEqual([
      {
        id: 'ticket:acme.halopsa.com:1',
        kind: 'ticket',
        observedAt: '2026-10-08T12:00:00.000Z',
        source: { host: 'acme.halopsa.com', pageType: 'ticket', url: ctx.url.href, reader: 'halopsa' },
        ticketId: '1',
        openedAt: '2026-10-07T09:00:00+00:00',
        companyName: 'Contoso Ltd',
        company: { psaId: '100', name: 'Contoso Ltd' },
      },
    ]);
    expect(r.warnings).toEqual([]);
  });
  it('a wrongly typed field → warning, nothing stored', () => {
    const r = readHaloApiResponse('/api/Tickets/1', { ...fault, slapercused: '37%' }, ctx)!;
    expect(r.observations).toEqual([]);
    expect(r.warnings).toEqual(['ticket #1: invalid (slapercused: Invalid input: expected number, received string), skipped']);
  });
  it('null, a string, a number as the body → warning, nothing stored', () => {
    for (const body of [null, 'x', 3]) {
      expect(readHaloApiResponse('/api/Tickets/1', body, ctx)!.observations).toEqual([]);
      expect(readHaloApiResponse('/api/Tickets', body, ctx)!.warnings).toEqual(['/api/Tickets: response is not a ticket list, nothing read']);
    }
  });
  it('a client without a name is refused; a contract with an expired flag gives no MRR to the account', () => {
    expect(readHaloApiResponse('/api/Client/5', { id: 5, name: '' }, ctx)!.observations).toEqual([]);
    const c = readHaloApiResponse('/api/ClientContract/9', { id: 9, ref: 'X', client_id: 5, periodchargeamount: 300, billing_period_string: 'Monthly', end_date: '2026-01-31T00:00:00', expired: true }, ctx)!;
    expect(c.observations[0]).toMatchObject({ agreement: { name: 'X', mrr: 300, end: '2026-01-31' } });
    expect(c.observations[0]).not.toHaveProperty('mrr');
    expect(c.observations[0]).not.toHaveProperty('renewalDate');
  });
});
