// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, flush, render } from '../../components/testing';
import { PermissionsContext, type PermissionsApi } from '../../components/options/permissions';
import { App } from './App';

afterEach(cleanup);

const permissions: PermissionsApi = {
  contains: vi.fn(async () => false),
  request: vi.fn(async () => true),
  remove: vi.fn(async () => true),
  getAll: vi.fn(async () => ({ origins: [] })),
  subscribe: () => () => {},
};

describe('Options page', () => {
  it('renders every section with its heading, and the settings editor once settings are read', async () => {
    const { container } = await render(
      <PermissionsContext.Provider value={permissions}>
        <App />
      </PermissionsContext.Provider>,
    );
    for (let i = 0; i < 20 && !container.querySelector('form.config-editor'); i++) await flush();
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'PSA and Microsoft 365 sites',
      'Import',
      'Export and backup',
      'Thresholds, weights, cadence and calendar',
      'Teach mode and page changes',
      'Sample data',
      'Data retention',
      'Reset everything',
    ]);
    expect(container.querySelector('form.config-editor')).not.toBeNull();
    expect(container.textContent).toContain('nothing leaves your browser');
  });

  it('a CSV chosen with the file picker opens the CSV preview; a .json opens the bundle preview', async () => {
    const { container } = await render(
      <PermissionsContext.Provider value={permissions}>
        <App />
      </PermissionsContext.Provider>,
    );
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      for (let i = 0; i < 20 && !container.querySelector('.import-preview'); i++) await flush();
    };
    await choose(new File(['Ticket #,Company,Date Entered\n1,Contoso,11/16/2026 8:42 AM\n'], 'tickets.csv', { type: 'text/csv' }));
    expect(container.querySelector('.import-preview h3')!.textContent).toBe('Ticket export: tickets.csv');
    await choose(new File(['{"format":"nope"}'], 'backup.json', { type: 'application/json' }));
    for (let i = 0; i < 20 && !container.textContent!.includes('Metronome bundle:'); i++) await flush();
    expect(container.querySelector('.import-preview h3')!.textContent).toBe('Metronome bundle: backup.json');
    expect(container.textContent).toContain('format: not a Metronome bundle');
  });
});
