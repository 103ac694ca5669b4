import { describe, expect, it } from 'vitest';
import { parseBundleText } from '../../engine/bundle';
import { CW_CSV } from '../../import/testing';
import { parseTicketCsv } from '../../import/csv';
import { backupFileName, bundleSummary, columnsVerdict, csvBlockers, fileKind, formatCsvError, previewRows } from './files';
import example from '../../docs/examples/bundle.example.json';

const NOW = new Date('2026-11-20T12:00:00Z');

describe('backupFileName — the date in the user\'s time zone', () => {
  it('metronome-backup-YYYY-MM-DD.json', () => {
    expect(backupFileName(new Date('2026-11-30T17:05:00Z'), 'UTC')).toBe('metronome-backup-2026-11-30.json');
  });
  it('just after midnight UTC is still the previous day in New York; already the next in Tokyo', () => {
    const t = new Date('2026-12-01T02:00:00Z');
    expect(backupFileName(t, 'America/New_York')).toBe('metronome-backup-2026-11-30.json');
    expect(backupFileName(new Date('2026-11-30T16:00:00Z'), 'Asia/Tokyo')).toBe('metronome-backup-2026-12-01.json');
  });
});

describe('fileKind', () => {
  it('by extension, else by content', () => {
    expect(fileKind('backup.JSON', 'a,b')).toBe('bundle');
    expect(fileKind('tickets.csv', '{')).toBe('csv');
    expect(fileKind('export', '\uFEFF  {"format":1}')).toBe('bundle');
    expect(fileKind('export', 'Ticket #,Company')).toBe('csv');
  });
});

describe('bundleSummary', () => {
  it('counts live rows of the example bundle', () => {
    const r = parseBundleText(JSON.stringify(example));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = bundleSummary(r.bundle);
    expect(s.accounts).toBe(r.bundle.accounts.filter((a) => !a.deletedAt).length);
    expect(s.signals).toBe(r.bundle.signals.filter((x) => !x.deletedAt).length);
    expect(s.accounts).toBeGreaterThan(0);
  });
});

describe('CSV: blockers and preview (PRODUCT §5: nothing half-imported)', () => {
  const opts = { timeZone: 'America/New_York', now: NOW };

  it('a clean ConnectWise export: recognised, no blockers, rows previewed with their tickets', () => {
    const r = parseTicketCsv(CW_CSV, opts);
    expect(columnsVerdict(r)).toBe('ConnectWise PSA ticket export recognised.');
    expect(csvBlockers(r)).toEqual([]);
    const rows = previewRows(r);
    expect(rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.ticket?.ticketId).toBe('284511');
    expect(rows[0]!.errors).toEqual([]);
  });

  it('unknown headers → mapping needed, blocked', () => {
    const r = parseTicketCsv('Ref,Customer,When\n1,Contoso,2026-11-02 10:00\n', opts);
    expect(r.needsMapping).toBe(true);
    expect(columnsVerdict(r)).toMatch(/match no known PSA export/);
    expect(csvBlockers(r)[0]).toBe('Choose the columns for the required fields.');
  });

  it('one bad row blocks the whole file, and the preview shows that row\'s error', () => {
    const bad = CW_CSV.replace('11/20/2026 4:05 PM', 'not a date');
    const r = parseTicketCsv(bad, opts);
    expect(csvBlockers(r)).toEqual(['1 problem to fix in the file; nothing is imported until there are none.']);
    const row4 = previewRows(r).find((x) => x.row === 4)!;
    expect(row4.ticket).toBeUndefined();
    expect(row4.errors.map(formatCsvError)).toEqual(['Row 4 (Date Entered): "not a date" is not a date Metronome can read']);
  });

  it('preview stops at the limit', () => {
    const r = parseTicketCsv(CW_CSV, opts);
    expect(previewRows(r, 2).map((x) => x.row)).toEqual([2, 3]);
  });
});

describe('importHost', () => {
  it('a host, a URL (host kept) or nothing', async () => {
    const { importHost } = await import('./files');
    expect(importHost('')).toEqual({ ok: true });
    expect(importHost('ACME.myconnectwise.net')).toEqual({ ok: true, host: 'acme.myconnectwise.net' });
    expect(importHost('https://acme.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1')).toEqual({
      ok: true,
      host: 'acme.myconnectwise.net',
    });
    expect(importHost('*.autotask.net')).toEqual({ ok: false, reason: 'Enter one host, without a wildcard' });
    expect(importHost('not a host').ok).toBe(false);
  });
});
