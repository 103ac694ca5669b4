// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import example from '../../docs/examples/bundle.example.json';
import { openDb } from '../../storage/db';
import { send } from '../../ui/send';
import { button, cleanup, click, field, flush, render, submit, type } from '../testing';
import { BackupSection } from './BackupSection';
import { BundleImport } from './BundleImport';
import { DataSection } from './DataSection';
import { fieldSample, TeachSection } from './TeachSection';

vi.mock('../../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => sendMock.mockReset());
afterEach(cleanup);

describe('BundleImport — preview, then merge or (confirmed) replace via import.bundle', () => {
  it('a valid bundle shows its counts; merge applies at once', async () => {
    sendMock.mockResolvedValueOnce({ ok: true, data: { written: { accounts: 2, signals: 5, ctas: 1 } } });
    const { container } = await render(<BundleImport file={{ fileName: 'b.json', json: { ok: true, value: example } }} timeZone="UTC" onClose={() => {}} />);
    const counts = container.querySelector('.counts')!.textContent!;
    expect(counts).toContain(`Accounts${example.accounts.length}`);
    await click(button(container, 'Apply (merge)'));
    await flush();
    expect(sendMock).toHaveBeenCalledWith({ type: 'import.bundle', json: example, mode: 'merge' }, { quiet: true });
    expect(container.textContent).toContain('Written: 2 accounts, 5 signals, 1 CTAs.');
  });

  it('replace asks for confirmation first; Cancel sends nothing', async () => {
    const { container } = await render(<BundleImport file={{ fileName: 'b.json', json: { ok: true, value: example } }} timeZone="UTC" onClose={() => {}} />);
    await click(container.querySelector('input[value="replace"]'));
    await click(button(container, 'Apply (replace)…'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alertdialog"]')!.textContent).toContain('Replace all data?');
    await click(button(container, 'Cancel'));
    expect(sendMock).not.toHaveBeenCalled();
    await click(button(container, 'Apply (replace)…'));
    await click(button(container, 'Yes, replace everything'));
    await flush();
    expect(sendMock).toHaveBeenCalledWith({ type: 'import.bundle', json: example, mode: 'replace' }, { quiet: true });
  });

  it('an invalid bundle lists every path: reason and offers no Apply', async () => {
    const bad = { ...example, signals: [{ ...(example.signals[0] as object), accountId: 'acct-404' }] };
    const { container } = await render(<BundleImport file={{ fileName: 'b.json', json: { ok: true, value: bad } }} timeZone="UTC" onClose={() => {}} />);
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('signals.0.accountId: unknown account "acct-404"');
    expect(container.textContent).not.toContain('Apply');
  });

  it('a JSON syntax error is reported like any other problem', async () => {
    const { container } = await render(<BundleImport file={{ fileName: 'b.json', json: { ok: false, error: 'Unexpected token' } }} timeZone="UTC" onClose={() => {}} />);
    expect(container.textContent).toContain('(root): not valid JSON: Unexpected token');
  });
});

describe('DataSection — sample data, retention, reset', () => {
  it('Reset everything is disabled until RESET is typed exactly, then sends { type: "reset" }', async () => {
    const { container } = await render(<DataSection sampleLoaded={false} retentionDays={null} />);
    const input = field(container, 'Type RESET to confirm');
    const btn = button(container, 'Reset everything');
    expect(btn.disabled).toBe(true);
    await type(input, 'reset');
    expect(btn.disabled).toBe(true);
    await submit(input.closest('form'));
    expect(sendMock).not.toHaveBeenCalled();
    await type(input, 'RESET');
    expect(btn.disabled).toBe(false);
    await click(btn);
    await flush();
    expect(sendMock).toHaveBeenCalledWith({ type: 'reset' }, { quiet: true });
  });

  it('sample load / remove send their messages; the buttons follow the loaded state', async () => {
    const { container, rerender } = await render(<DataSection sampleLoaded={false} retentionDays={null} />);
    expect(button(container, 'Remove sample data').disabled).toBe(true);
    await click(button(container, 'Load sample portfolio'));
    await flush();
    expect(sendMock).toHaveBeenCalledWith({ type: 'sample.load' }, { quiet: true });
    await rerender(<DataSection sampleLoaded={true} retentionDays={null} />);
    expect(button(container, 'Load sample portfolio').disabled).toBe(true);
    await click(button(container, 'Remove sample data'));
    await flush();
    expect(sendMock).toHaveBeenLastCalledWith({ type: 'sample.remove' }, { quiet: true });
  });

  it('retention: default 400; below the 200-day floor cannot be saved; a valid value sends settings.retention', async () => {
    const { container } = await render(<DataSection sampleLoaded={false} retentionDays={null} />);
    const input = field(container, 'Keep signals for (days)');
    expect(input.value).toBe('400');
    await type(input, '199');
    expect(container.textContent).toContain('between 200 and 3650 days');
    expect(button(container, 'Save retention').disabled).toBe(true);
    await type(input, '200');
    await click(button(container, 'Save retention'));
    await flush();
    expect(sendMock).toHaveBeenCalledWith({ type: 'settings.retention', days: 200 }, { quiet: true });
    expect(container.textContent).toContain('Signals older than 200 days will be removed.');
  });
});

describe('TeachSection', () => {
  const mapping = {
    id: 'psa.example.com:ticket',
    host: 'psa.example.com',
    pageType: 'ticket' as const,
    fields: { ticketId: { selector: '#id', sample: 'T-42' }, companyName: { selector: 'h1', sample: '<b>Contoso</b>' } },
    updatedAt: '2026-11-20T10:00:00Z',
  };
  const drift = {
    id: 'drift-1',
    host: 'acme.myconnectwise.net',
    adapter: 'connectwise',
    pageType: 'ticket' as const,
    at: '2026-11-19T15:30:00Z',
    missing: ['ticketId', 'company'],
    url: 'https://acme.myconnectwise.net/x',
    updatedAt: '2026-11-19T15:30:00Z',
  };

  it('lists mappings with sample values (as text) and deletes via mapping.delete; drift via drift.clear', async () => {
    const { container } = await render(<TeachSection mappings={[mapping]} drift={[drift]} timeZone="UTC" />);
    expect(container.textContent).toContain('ticketId: T-42');
    expect(container.textContent).toContain('companyName: <b>Contoso</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('ticketId, company');
    expect(container.textContent).toContain('19 Nov 2026, 15:30');
    await click(container.querySelector('[aria-label="Delete the mapping for psa.example.com, ticket pages"]'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'mapping.delete', host: 'psa.example.com', pageType: 'ticket' }, { quiet: true });
    await click(button(container, 'Clear the drift log'));
    expect(sendMock).toHaveBeenLastCalledWith({ type: 'drift.clear' }, { quiet: true });
  });

  it('fieldSample: the sample, else a short text', () => {
    expect(fieldSample({ selector: 'a', sample: '' })).toBe('(empty)');
    expect(fieldSample({ selector: 'a' })).toBe('{"selector":"a"}');
    expect(fieldSample('x'.repeat(100))).toHaveLength(80);
  });
});

describe('BackupSection — reads the database directly (exportBundle)', () => {
  it('downloads metronome-backup-YYYY-MM-DD.json holding the bundle', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const blobs: Blob[] = [];
    const names: string[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { container } = await render(<BackupSection db={db} timeZone="America/New_York" now={() => new Date('2026-12-01T02:00:00Z')} />);
    await click(button(container, 'Download backup'));
    for (let i = 0; i < 50 && names.length === 0 && !container.querySelector('[role="alert"]')?.textContent; i++) await flush();
    expect(container.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    expect(names).toEqual(['metronome-backup-2026-11-30.json']);
    const json = JSON.parse(await blobText(blobs[0]!)) as { format: string; accounts: unknown[] };
    expect(json.format).toBe('metronome-bundle');
    expect(json.accounts).toEqual([]);
    expect(container.textContent).toContain('metronome-backup-2026-11-30.json: 0 accounts');
    clickSpy.mockRestore();
    db.close();
  });
});

/** jsdom's Blob has no text(): read it the old way. */
function blobText(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}
