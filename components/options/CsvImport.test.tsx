// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CW_CSV } from '../../import/testing';
import { send } from '../../ui/send';
import { button, cleanup, click, field, flush, render, type } from '../testing';
import { CsvImport } from './CsvImport';

vi.mock('../../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => sendMock.mockReset());
afterEach(cleanup);

const NOW = new Date('2026-11-20T12:00:00Z');
const TZ = 'America/New_York';
const applyButton = (c: HTMLElement) => button(c, /^Apply: import/);

/** Headers no PSA profile knows; row 3 has a date Metronome cannot read. */
const UNKNOWN_BAD = 'Ref,Customer,When,State\nT-1,Contoso,2026-11-02 10:00,Open\nT-2,Fabrikam,someday,Closed\n';
const UNKNOWN_OK = 'Ref,Customer,When,State\nT-1,Contoso,2026-11-02 10:00,Open\nT-2,Fabrikam,2026-11-03 14:30,Closed\n';

async function renderCsv(text: string, extra: Partial<Parameters<typeof CsvImport>[0]> = {}) {
  const r = await render(<CsvImport file={{ fileName: 'tickets.csv', text }} timeZone={TZ} now={NOW} onClose={() => {}} {...extra} />);
  await flush();
  return r;
}

async function mapRequired(c: HTMLElement) {
  await type(field<HTMLSelectElement>(c, 'Ticket number (required)'), 'Ref');
  await type(field<HTMLSelectElement>(c, 'Company (required)'), 'Customer');
  await type(field<HTMLSelectElement>(c, 'Opened (required)'), 'When');
}

describe('CSV import — PRODUCT §5: clear per-row errors, nothing half-imported', () => {
  it('a ConnectWise export is recognised, previewed, and applied as one import.csv message', async () => {
    const { container } = await renderCsv(CW_CSV);
    expect(container.textContent).toContain('✓ ConnectWise PSA ticket export recognised. 3 rows.');
    expect(container.querySelector('select[aria-required]')).toBeNull(); // no mapping form needed
    const rows = container.querySelectorAll('table.preview tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('284511');
    expect(rows[0]!.textContent).toContain('Contoso, Ltd.');
    expect(rows[0]!.textContent).toContain('16 Nov 2026, 08:42');

    await type(field(container, 'PSA host these tickets come from (optional)'), 'https://acme.myconnectwise.net/v4_6_release');
    await flush();
    const apply = applyButton(container);
    expect(apply.disabled).toBe(false);
    await click(apply);
    await flush();
    expect(sendMock).toHaveBeenCalledTimes(1);
    const msg = sendMock.mock.calls[0]![0] as { type: string; observations: { id: string }[]; source: Record<string, unknown> };
    expect(msg.type).toBe('import.csv');
    expect(msg.observations.map((o) => o.id)).toEqual([
      'ticket:acme.myconnectwise.net:284511',
      'ticket:acme.myconnectwise.net:284512',
      'ticket:acme.myconnectwise.net:284513',
    ]);
    expect(msg.source).toMatchObject({ fileName: 'tickets.csv', format: 'connectwise', host: 'acme.myconnectwise.net' });
    expect(container.textContent).toContain('Imported 3 tickets from tickets.csv.');
  });

  it('unknown headers: mapping form for each required field; Apply disabled until mapped, and still disabled while a row has an error', async () => {
    const { container } = await renderCsv(UNKNOWN_BAD);
    expect(container.textContent).toContain('These columns match no known PSA export');
    expect(applyButton(container).disabled).toBe(true);
    expect(container.querySelector('.blockers')!.textContent).toContain('Choose the columns for the required fields.');

    await mapRequired(container);
    // Mapped, but row 3's date is unreadable → all-or-nothing: still disabled, and the row says why.
    expect(applyButton(container).disabled).toBe(true);
    expect(container.querySelector('.csv-errors')!.textContent).toContain('Row 3 (When): "someday" is not a date Metronome can read');
    const row3 = [...container.querySelectorAll('table.preview tbody tr')].find((r) => r.querySelector('th')!.textContent === '3')!;
    expect(row3.textContent).toContain('✕ When: "someday" is not a date Metronome can read');
    expect(applyButton(container).getAttribute('aria-describedby')).toBeTruthy();
    await click(applyButton(container));
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('unknown headers, clean rows: once mapped, Apply sends format "mapped" with the mapping to remember', async () => {
    const { container } = await renderCsv(UNKNOWN_OK);
    await mapRequired(container);
    await type(field<HTMLSelectElement>(container, 'Status'), 'State');
    const apply = applyButton(container);
    expect(apply.disabled).toBe(false);
    expect(apply.textContent).toBe('Apply: import 2 tickets');
    await click(apply);
    await flush();
    const msg = sendMock.mock.calls[0]![0] as { observations: { status?: string }[]; source: Record<string, unknown> };
    expect(msg.observations.map((o) => o.status)).toEqual(['Open', 'Closed']);
    expect(msg.source).toEqual({
      fileName: 'tickets.csv',
      format: 'mapped',
      host: 'csv-import',
      headers: ['Ref', 'Customer', 'When', 'State'],
      mapping: { ticketId: 'Ref', company: 'Customer', openedAt: 'When', status: 'State' },
    });
  });

  it('a mapping saved for the same headers is offered', async () => {
    const load = vi.fn(async () => ({ mapping: { ticketId: 'Ref', company: 'Customer', openedAt: 'When' } }));
    const { container } = await renderCsv(UNKNOWN_OK, { loadSavedMapping: load });
    await flush();
    expect(load).toHaveBeenCalledWith(['Ref', 'Customer', 'When', 'State']);
    expect(container.textContent).toContain('Using the column mapping you chose last time');
    expect(applyButton(container).disabled).toBe(false);
  });

  it('ambiguous dates block Apply until the date order is chosen', async () => {
    const csv = CW_CSV.replace(/11\/\d\d\/2026/g, '11/05/2026');
    const { container } = await renderCsv(csv);
    expect(applyButton(container).disabled).toBe(true);
    expect(container.querySelector('.blockers')!.textContent).toContain('Choose the date order');
    await type(field<HTMLSelectElement>(container, 'Date order'), 'DMY');
    expect(applyButton(container).disabled).toBe(false);
    const first = container.querySelector('table.preview tbody tr')!;
    expect(first.textContent).toContain('11 May 2026');
  });

  it('the background refusing the batch is shown per row, never as imported', async () => {
    sendMock.mockResolvedValueOnce({ ok: false, error: 'Nothing imported: 1 invalid ticket.', errors: [{ path: 'observations.1.openedAt', message: 'Invalid ISO datetime' }] });
    const { container } = await renderCsv(CW_CSV);
    await click(applyButton(container));
    await flush();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Nothing imported: 1 invalid ticket.');
    expect(alert.textContent).toContain('Row 3 (openedAt): Invalid ISO datetime');
    expect(container.textContent).not.toContain('Imported 3 tickets');
  });

  it('file contents are rendered as text, never as HTML', async () => {
    const csv = 'Ticket #,Company,Date Entered\n1,"<img src=x onerror=alert(1)>Evil",11/16/2026 8:42 AM\n';
    const { container } = await renderCsv(csv);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>Evil');
  });
});
