import { describe, expect, it } from 'vitest';
import { detectFormat, parseTicketCsv, parseYesNo, type CsvImportOptions } from './csv';
import { CW_CSV } from './testing';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const NY: CsvImportOptions = { timeZone: 'America/New_York', now: NOW, host: 'acme.myconnectwise.net' };
const BERLIN: CsvImportOptions = { timeZone: 'Europe/Berlin', now: NOW, host: 'webservices5.autotask.net' };

describe('parseTicketCsv — ConnectWise (PRODUCT §5 bulk import)', () => {
  it('recognises the CW export and reads every row, quoted commas and line breaks included', () => {
    const r = parseTicketCsv(CW_CSV, NY);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('connectwise');
    expect(r.rows).toBe(3);
    expect(r.headers[0]).toBe('Ticket #'); // BOM stripped
    expect(r.mapping).toMatchObject({ ticketId: 'Ticket #', company: 'Company', companyId: 'Company ID', category: 'Type', openedAt: 'Date Entered' });
    expect(r.dateOrder).toBe('MDY');
    expect(r.observations).toHaveLength(3);
    expect(r.observationRows).toEqual([2, 3, 4]);
    const [a, b, c] = r.observations as Extract<(typeof r.observations)[number], { kind: 'ticket' }>[];
    expect(a).toEqual({
      id: 'ticket:acme.myconnectwise.net:284511',
      kind: 'ticket',
      observedAt: NOW.toISOString(),
      source: { host: 'acme.myconnectwise.net', pageType: 'import', url: '', reader: 'csv' },
      ticketId: '284511',
      summary: 'Outlook asks for password, again',
      priority: 'Priority 3 - Normal Response',
      status: 'Closed',
      category: 'Email',
      companyName: 'Contoso, Ltd.',
      openedAt: '2026-11-16T08:42:00-05:00',
      respondedAt: '2026-11-16T09:05:00-05:00',
      resolvedAt: '2026-11-16T15:30:00-05:00',
      closedAt: '2026-11-17T10:00:00-05:00',
      sla: { responseMet: true, resolutionMet: true },
      company: { name: 'Contoso, Ltd.', psaId: 'Contoso' },
    });
    expect(b!.summary).toBe('Printer on 2nd floor\r\nshows "offline"');
    expect(b!.openedAt).toBe('2026-11-18T13:15:00-05:00');
    expect(b!.sla).toEqual({ responseMet: false, resolutionMet: false });
    expect(c!.respondedAt).toBeUndefined();
    expect(c!.sla).toBeUndefined();
  });

  it('a bad row is reported with its spreadsheet row and column; the good rows do not hide it', () => {
    const bad = CW_CSV + '284514,Northwind Traders,Northwind,VPN down,Help Desk,Network,P1,New,31/31/2026 9:00 AM,,,,Maybe\r\n' + ',Relecloud,,No number,Help Desk,Email,P3,New,11/21/2026 9:00 AM,,,,\r\n';
    const r = parseTicketCsv(bad, NY);
    expect(r.errors).toEqual([
      { row: 5, column: 'Date Entered', message: '"31/31/2026 9:00 AM" is not a date Metronome can read' },
      { row: 5, column: 'Met SLA', message: '"Maybe" is not a yes/no (met/missed) value' },
      { row: 6, column: 'Ticket #', message: 'Ticket number is empty' },
    ]);
    expect(r.observations).toHaveLength(3);
  });

  it('a row with more cells than the header (unquoted comma) is an error', () => {
    const r = parseTicketCsv(CW_CSV + '284515,Contoso, Ltd.,Contoso,Broken,Help Desk,Email,P3,New,11/21/2026 9:00 AM,,,,\r\n', NY);
    expect(r.errors).toEqual([{ row: 5, message: 'this row has more columns than the header (a comma outside quotes?)' }]);
  });
});

describe('parseTicketCsv — Autotask and HaloPSA', () => {
  it('Autotask: EU day-first 24 h dates, "SLA Met", "Issue Type", account column', () => {
    const csv =
      'Ticket Number,Account,Title,Priority,Status,Queue,Issue Type,Created,First Response Date/Time,Complete Date,SLA Met\n' +
      'T20261107.0042,Contoso Limited,"Mailbox full, needs archive",Medium,Complete,Level I Support,Email,07/11/2026 14:05,07/11/2026 14:20,13/11/2026 09:30,True\n' +
      'T20261112.0007,Adatum Corporation,Firewall alert,High,In Progress,Level II Support,Security,12/11/2026 08:00,,,\n';
    const r = parseTicketCsv(csv, BERLIN);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('autotask');
    expect(r.dateOrder).toBe('DMY'); // proven by 13/11/2026
    const t = r.observations[0] as Extract<(typeof r.observations)[number], { kind: 'ticket' }>;
    expect(t).toMatchObject({
      id: 'ticket:webservices5.autotask.net:T20261107.0042',
      ticketId: 'T20261107.0042',
      summary: 'Mailbox full, needs archive',
      category: 'Email',
      openedAt: '2026-11-07T14:05:00+01:00',
      respondedAt: '2026-11-07T14:20:00+01:00',
      closedAt: '2026-11-13T09:30:00+01:00',
      sla: { responseMet: true, resolutionMet: true },
      company: { name: 'Contoso Limited' },
    });
    expect((r.observations[1] as { openedAt: string }).openedAt).toBe('2026-11-12T08:00:00+01:00');
  });

  it('HaloPSA: Client / Date Logged / Response Target Met / SLA Status', () => {
    const csv =
      'ID,Client,Summary,Priority,Status,Category,Date Logged,Response Date,Date Closed,Response Target Met,SLA Status\n' +
      '1001,Fabrikam Inc,Laptop slow,P3,Closed,Hardware,2026-11-02 09:00,2026-11-02 09:45,2026-11-03 16:00,Yes,Breached\n' +
      '1002,Fabrikam Inc,New user,P4,Closed,Onboarding,2026-11-04 10:00,2026-11-04 10:10,2026-11-04 12:00,Yes,Inside SLA\n';
    const r = parseTicketCsv(csv, { timeZone: 'Europe/London', now: NOW, host: 'fabrikam.halopsa.com' });
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('halopsa');
    expect(r.observations.map((o) => (o as { sla?: unknown }).sla)).toEqual([
      { responseMet: true, resolutionMet: false },
      { responseMet: true, resolutionMet: true },
    ]);
    expect((r.observations[0] as { openedAt: string }).openedAt).toBe('2026-11-02T09:00:00+00:00');
  });
});

describe('unknown columns and date order', () => {
  const custom =
    'Ref;Customer;Opened on;Subject\n'.replace(/;/g, ',') +
    'A-1,Contoso Ltd,05/11/2026 09:00,Password reset\n' +
    'A-2,Contoso Ltd,06/11/2026 10:30,VPN\n';

  it('an unknown header set returns its headers and asks for a mapping; nothing is read', () => {
    const r = parseTicketCsv(custom, NY);
    expect(r.needsMapping).toBe(true);
    expect(r.format).toBeNull();
    expect(r.headers).toEqual(['Ref', 'Customer', 'Opened on', 'Subject']);
    expect(r.observations).toEqual([]);
    expect(r.errors).toEqual([{ row: 1, message: 'columns not recognised: choose the columns for Ticket number, Company, Opened' }]);
  });

  it('with a mapping it reads; all dates ambiguous → needsDateOrder until dateOrder is given', () => {
    const mapping = { ticketId: 'Ref', company: 'Customer', openedAt: 'Opened on', summary: 'Subject' };
    const r1 = parseTicketCsv(custom, { ...NY, mapping });
    expect(r1.format).toBe('mapped');
    expect(r1.needsDateOrder).toBe(true);
    expect(r1.errors).toEqual([
      {
        row: 2,
        column: 'Opened on',
        message: '"05/11/2026 09:00" could be day-first or month-first: choose the date order (US month/day or EU day/month)',
      },
    ]);
    const eu = parseTicketCsv(custom, { ...NY, mapping, dateOrder: 'DMY' });
    expect(eu.errors).toEqual([]);
    expect((eu.observations[0] as { openedAt: string }).openedAt).toBe('2026-11-05T09:00:00-05:00');
    const us = parseTicketCsv(custom, { ...NY, mapping, dateOrder: 'MDY' });
    expect((us.observations[0] as { openedAt: string }).openedAt).toBe('2026-05-11T09:00:00-04:00');
  });

  it('a mapping naming a column that is not in the file is an error', () => {
    const r = parseTicketCsv(custom, { ...NY, mapping: { ticketId: 'Ticket', company: 'Customer', openedAt: 'Opened on' } });
    expect(r.errors[0]).toEqual({ row: 1, column: 'Ticket', message: 'mapped column "Ticket" (Ticket number) is not in the file' });
  });

  it('a file that proves both orders is refused', () => {
    const csv = 'Ticket #,Company,Date Entered\n1,Contoso,13/11/2026 09:00\n2,Contoso,11/14/2026 09:00\n';
    const r = parseTicketCsv(csv, NY);
    expect(r.errors).toEqual([
      { row: 1, message: 'the dates mix day-first ("13/11/2026 09:00") and month-first ("11/14/2026 09:00") orders; fix the file' },
    ]);
    expect(r.observations).toEqual([]);
  });

  it('empty file / header only', () => {
    expect(parseTicketCsv('', NY).errors).toEqual([{ row: 1, message: 'the file has no header row' }]);
    expect(parseTicketCsv('Ticket #,Company,Date Entered\n', NY).errors).toEqual([{ row: 2, message: 'the file has no ticket rows' }]);
  });

  it('duplicate ticket numbers: warning, the later row wins at ingest', () => {
    const csv = 'Ticket #,Company,Date Entered,Status\n1,Contoso,11/13/2026 09:00,New\n1,Contoso,11/13/2026 09:00,Closed\n';
    const r = parseTicketCsv(csv, NY);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['row 3: ticket 1 also on row 2; the later row is used']);
  });

  it('too many rows is refused before reading', () => {
    const r = parseTicketCsv(CW_CSV, { ...NY, maxRows: 2 });
    expect(r.errors).toEqual([{ row: 1, message: 'the file has 3 rows; at most 2 can be imported at once' }]);
  });
});

describe('detectFormat / parseYesNo', () => {
  it('picks the PSA whose required columns are all there', () => {
    expect(detectFormat(['Ticket #', 'Company', 'Date Entered'])?.format).toBe('connectwise');
    expect(detectFormat(['Ticket Number', 'Account', 'Created'])?.format).toBe('autotask');
    expect(detectFormat(['ID', 'Client', 'Date Occurred'])?.format).toBe('halopsa');
    expect(detectFormat(['Ticket #', 'Company'])).toBeNull();
  });

  it('yes/no values', () => {
    expect(['Yes', 'TRUE', 'met', 'Inside SLA', '1'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['No', 'false', 'Breached', 'outside sla', 'Not met'].map(parseYesNo)).toEqual([false, false, false, false, false]);
    expect(['N/A', '-', ''].map(parseYesNo)).toEqual([undefined, undefined, undefined]);
    expect(parseYesNo('Maybe')).toBeNull();
  });
});
