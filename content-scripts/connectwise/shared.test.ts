import { describe, expect, it } from 'vitest';
import { cleanDateText, cwScreenOf, looksLikeIdentifier, metFlag, urlRecId } from './shared';
import { boardSla } from './board';
import { readSla } from './ticket';
import { monthlyAmount } from './agreement';
import { monthDay } from './company';

describe('cwScreenOf: by path and query, never by host', () => {
  it.each([
    ['https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1', 'ticket'],
    ['http://127.0.0.1:4173/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1', 'ticket'],
    ['https://cw.example-msp.com/v2025_1/ConnectWise.aspx?locale=en_US&routeTo=ServiceFV&recid=1', 'ticket'],
    ['https://x/v4_6_release/services/system_io/router/openrecord.rails?recordType=ServiceFv&recid=1', 'ticket'],
    ['https://x/v4_6_release/ConnectWise.aspx?fullscreen=false#startscreen=sr100&srrecid=1', 'ticket'],
    ['https://x/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard', 'board'],
    ['https://x/v4_6_release/ConnectWise.aspx#startscreen=sr200', 'board'],
    ['https://x/v4_6_release/ConnectWise.aspx?routeTo=CompanyFV&recid=2', 'company'],
    ['https://x/v4_6_release/ConnectWise.aspx?routeTo=AgreementFV&recid=3', 'agreement'],
    ['https://x/v4_6_release/ConnectWise.aspx?routeTo=ServiceSLA&recid=3', 'sla'],
  ])('%s → %s', (url, screen) => expect(cwScreenOf(new URL(url))).toBe(screen));
  it.each([
    'https://na.myconnectwise.net/',
    'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US',
    'https://x/services/system_io/Service/fv_sr100_request.rails?service_recid=1',
    'https://x.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=1',
  ])('%s → none', (url) => expect(cwScreenOf(new URL(url))).toBeUndefined());
});

describe('helpers', () => {
  it('urlRecId reads query or hash, digits only', () => {
    expect(urlRecId(new URL('https://x/a?service_recid=284511'), ['service_recid'])).toBe('284511');
    expect(urlRecId(new URL('https://x/a#srrecid=9'), ['srrecid'])).toBe('9');
    expect(urlRecId(new URL('https://x/a?recid=abc'), ['recid'])).toBeUndefined();
  });
  it('cleanDateText drops "by …", "(…)" and empty markers', () => {
    expect(cleanDateText('11/17/2026 8:42 AM by jsmith')).toBe('11/17/2026 8:42 AM');
    expect(cleanDateText('11/17/2026 (overdue)')).toBe('11/17/2026');
    expect(cleanDateText(' -- ')).toBeUndefined();
    expect(cleanDateText('N/A')).toBeUndefined();
  });
  it('identifiers vs names', () => {
    expect(looksLikeIdentifier('ContosoLtd')).toBe(true);
    expect(looksLikeIdentifier('Contoso Ltd')).toBe(false);
    expect(looksLikeIdentifier('Müller & Söhne GmbH')).toBe(false);
  });
  it('metFlag', () => {
    expect(metFlag('Met')).toBe(true);
    expect(metFlag('Not Met')).toBe(false);
    expect(metFlag('Missed')).toBe(false);
    expect(metFlag('Responded (Met)')).toBe(true);
    expect(metFlag('Pending')).toBeUndefined();
    expect(metFlag('')).toBeUndefined();
  });
  it('fiscal year end as MM-dd', () => {
    expect(monthDay('06/30')).toBe('06-30');
    expect(monthDay('June 30')).toBe('06-30');
    expect(monthDay('31 Dec')).toBe('12-31');
    expect(monthDay('02/30')).toBeUndefined();
    expect(monthDay('Q2')).toBeUndefined();
  });
});

describe('ticket SLA (DECISIONS §7 SLA adherence inputs)', () => {
  const now = Date.parse('2026-11-18T14:00:00Z');
  const due = '2026-11-18T13:00:00+00:00';
  it('page text wins over dates', () => {
    expect(readSla({ responseDueAt: due, respondedAt: '2026-11-18T12:00:00+00:00', responseStatus: 'Not Met', now })).toEqual({ responseDueAt: due, responseMet: false });
  });
  it('done exactly at the target is met; one minute late is missed', () => {
    expect(readSla({ responseDueAt: due, respondedAt: due, now })?.responseMet).toBe(true);
    expect(readSla({ responseDueAt: due, respondedAt: '2026-11-18T13:01:00+00:00', now })?.responseMet).toBe(false);
  });
  it('not done: missed once the target passed, unknown before', () => {
    expect(readSla({ resolutionDueAt: due, now })?.resolutionMet).toBe(false);
    expect(readSla({ resolutionDueAt: '2026-11-18T15:00:00+00:00', now })?.resolutionMet).toBeUndefined();
  });
  it('no SLA data → undefined; "No SLA" → excluded', () => {
    expect(readSla({ now })).toBeUndefined();
    expect(readSla({ slaName: 'No SLA', now })).toEqual({ excluded: true });
  });
});

describe('board SLA cell', () => {
  const now = Date.parse('2026-11-18T14:00:00Z');
  it('Met on a closed ticket means both met; on an open one, response met', () => {
    expect(boardSla('Met', undefined, true, undefined, undefined, now)).toEqual({ responseMet: true, resolutionMet: true });
    expect(boardSla('Met', undefined, false, undefined, undefined, now)).toEqual({ responseMet: true });
  });
  it('Missed: resolution when closed or past resolve-by, else response', () => {
    expect(boardSla('Missed', undefined, true, undefined, undefined, now)).toEqual({ resolutionMet: false });
    expect(boardSla('Missed', undefined, false, undefined, '2026-11-18T13:59:00+00:00', now)).toEqual({ resolutionDueAt: '2026-11-18T13:59:00+00:00', resolutionMet: false });
    expect(boardSla('Missed', undefined, false, undefined, '2026-11-18T14:01:00+00:00', now)).toEqual({ resolutionDueAt: '2026-11-18T14:01:00+00:00', responseMet: false });
  });
  it('percent used from its own column or the SLA cell', () => {
    expect(boardSla('', '63%', false, undefined, undefined, now)).toEqual({ percentUsed: 63 });
    expect(boardSla('112%', undefined, false, undefined, undefined, now)).toEqual({ percentUsed: 112 });
    expect(boardSla('', '', false, undefined, undefined, now)).toBeUndefined();
  });
});

describe('agreement MRR', () => {
  it.each([
    [undefined, '$4,250.00', 'Monthly', 4250],
    [undefined, '$9,000.00', 'Quarterly', 3000],
    [undefined, '51.000,00 €', 'Annual', 4250],
    [undefined, '$1,000.00', 'Semi-Annual', 166.67],
    ['$500.00', '$6,000.00', 'Annual', 500],
  ])('monthly %s / amount %s / %s → %d', (m, a, c, want) => expect(monthlyAmount(m, a, c, [])).toBe(want));
  it('unknown cycle or amount → no MRR, with a warning', () => {
    const w: string[] = [];
    expect(monthlyAmount(undefined, '$2,500.00', 'One Time', w)).toBeUndefined();
    expect(monthlyAmount(undefined, 'call us', 'Monthly', w)).toBeUndefined();
    expect(w).toHaveLength(2);
  });
});
