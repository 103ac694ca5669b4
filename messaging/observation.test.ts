import { describe, expect, it } from 'vitest';
import { validateObservations } from './observation';

const ticket = {
  id: 'ticket:acme.myconnectwise.net:284511',
  kind: 'ticket',
  ticketId: '284511',
  observedAt: '2026-11-17T13:42:00Z',
  openedAt: '2026-11-17T08:42:00-05:00',
  source: { host: 'acme.myconnectwise.net', pageType: 'ticket', url: 'https://acme.myconnectwise.net/x', reader: 'connectwise' },
  company: { psaId: 'Contoso', name: 'Contoso Ltd' },
};

describe('validateObservations', () => {
  it('accepts a valid ticket observation and keeps its company', () => {
    const r = validateObservations([ticket]);
    expect(r.errors).toEqual([]);
    expect(r.valid).toHaveLength(1);
    expect(r.valid[0]!.company).toEqual({ psaId: 'Contoso', name: 'Contoso Ltd' });
    expect('accountId' in r.valid[0]!).toBe(false);
  });
  it('reports each bad item with its index and path, and keeps the good ones', () => {
    const r = validateObservations([ticket, { ...ticket, openedAt: '17/11/2026' }, { ...ticket, company: {} }, 'x', { ...ticket, accountId: 'acct-evil' }]);
    expect(r.valid).toHaveLength(2); // an accountId from a page is ignored: the background resolves it
    expect(r.errors.map((e) => [e.index, e.path])).toEqual([
      [1, 'openedAt'],
      [2, 'company'],
      [3, '(root)'],
    ]);
  });
  it('rejects unknown kinds and extra fields', () => {
    const r = validateObservations([{ ...ticket, kind: 'payload' }, { ...ticket, evil: '<script>' }]);
    expect(r.valid).toHaveLength(0);
    expect(r.errors).toHaveLength(2);
  });
});
