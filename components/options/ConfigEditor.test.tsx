// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../ui/send';
import { cleanup, click, field, flush, render, submit, type } from '../testing';
import { ConfigEditor } from './ConfigEditor';
import { fieldId } from './ConfigFields';

vi.mock('../../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => sendMock.mockReset());
afterEach(cleanup);

const byId = <T extends HTMLElement = HTMLInputElement>(c: HTMLElement, path: string) => c.querySelector<T>(`[id="${fieldId(path)}"]`)!;
const fieldBox = (c: HTMLElement, path: string) => byId(c, path).closest('.field')!;
const statusText = (c: HTMLElement) => c.querySelector('.save-bar [role]')!.textContent;

async function renderEditor(stored: unknown = { calendar: { timeZone: 'America/New_York' } }) {
  const r = await render(<ConfigEditor stored={stored} browserTimeZone="Europe/Berlin" />);
  await flush();
  return r;
}

describe('ConfigEditor — Save sends settings.config; the background decides', () => {
  it('shows the background\'s path: reason errors beside the fields and does not claim success', async () => {
    sendMock.mockResolvedValueOnce({
      ok: false,
      error: 'Settings not saved: some values are invalid.',
      errors: [{ path: 'health.execSponsorDays', message: 'Too big: expected number to be <=3650' }],
    });
    const { container } = await renderEditor();
    await type(field(container, 'Exec sponsor seen within'), '90');
    await submit(container.querySelector('form.config-editor'));
    await flush();

    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(sendMock.mock.calls[0]![0]).toEqual({
      type: 'settings.config',
      overrides: { calendar: { timeZone: 'America/New_York' }, health: { execSponsorDays: 90 } },
    });
    // beside the field, linked to the input
    const box = fieldBox(container, 'health.execSponsorDays');
    expect(box.querySelector('.field-errors')!.textContent).toBe('✕ Too big: expected number to be <=3650');
    expect(byId(container, 'health.execSponsorDays').getAttribute('aria-invalid')).toBe('true');
    // and in the summary, never "Saved"
    expect(statusText(container)).toBe('Settings not saved: some values are invalid.');
    expect(container.textContent).not.toMatch(/\bSaved\b/);
    expect(container.querySelector('.error-summary')!.textContent).toContain('health.execSponsorDays');
  });

  it('errors on a grid row (Red edge above Green) are shown under that grid, naming the segment', async () => {
    sendMock.mockResolvedValueOnce({
      ok: false,
      error: 'invalid',
      errors: [{ path: 'overrides.health.composite.edges.B', message: 'the Red edge must not be above the Green edge' }],
    });
    const { container } = await renderEditor();
    await type(byId(container, 'health.composite.edges.B.green'), '79'); // valid locally
    await submit(container.querySelector('form.config-editor'));
    await flush();
    const grid = byId(container, 'health.composite.edges.B.green').closest('.field')!;
    expect(grid.querySelector('.field-errors')!.textContent).toBe('✕ Segment B: the Red edge must not be above the Green edge');
    expect(byId(container, 'health.composite.edges.B.red').getAttribute('aria-invalid')).toBe('true');
  });

  it('invalid locally (same resolveConfig rules) → nothing is sent, the errors are shown', async () => {
    const { container } = await renderEditor();
    await type(byId(container, 'health.composite.edges.A.red'), '90'); // above Green 85
    await submit(container.querySelector('form.config-editor'));
    await flush();
    expect(sendMock).not.toHaveBeenCalled();
    expect(statusText(container)).toBe('Not saved: 1 problem to fix.');
    expect(byId(container, 'health.composite.edges.A.red').closest('.field')!.textContent).toContain(
      'Segment A: the Red edge must not be above the Green edge',
    );
  });

  it('a field that is not a number blocks Save', async () => {
    const { container } = await renderEditor();
    await type(field(container, 'Recap due within'), '');
    await submit(container.querySelector('form.config-editor'));
    await flush();
    expect(sendMock).not.toHaveBeenCalled();
    expect(fieldBox(container, 'health.recapHours').textContent).toContain('enter a number');
  });

  it('ok reply → "Saved."; reset to default removes the override from what is sent', async () => {
    sendMock.mockResolvedValue({ ok: true });
    const { container } = await renderEditor({ calendar: { timeZone: 'America/New_York' }, segments: { strategicCadenceDays: { B: 60 } } });
    const cell = byId(container, 'segments.strategicCadenceDays.B');
    expect(cell.value).toBe('60');
    await click(container.querySelector('[aria-label="Reset Strategic meeting every, segment B to default (91)"]'));
    expect(byId(container, 'segments.strategicCadenceDays.B').value).toBe('91');
    await submit(container.querySelector('form.config-editor'));
    await flush();
    expect(sendMock.mock.calls[0]![0]).toEqual({ type: 'settings.config', overrides: { calendar: { timeZone: 'America/New_York' } } });
    expect(statusText(container)).toBe('Saved. Health and due work are recomputed with these settings.');
  });

  it('a background that does not answer is "Not saved"', async () => {
    sendMock.mockResolvedValueOnce({ ok: false, error: 'Metronome’s background did not answer (no receiver)' });
    const { container } = await renderEditor();
    await submit(container.querySelector('form.config-editor'));
    await flush();
    expect(statusText(container)).toMatch(/^Not saved: Metronome’s background did not answer/);
  });

  it('time zone: the browser\'s when none is stored (to be saved); business days and holidays edit the calendar', async () => {
    sendMock.mockResolvedValue({ ok: true });
    const { container } = await renderEditor(null);
    expect(field<HTMLSelectElement>(container, 'Time zone').value).toBe('Europe/Berlin');
    expect(container.textContent).toContain('Taken from your browser and not saved yet');
    await click([...container.querySelectorAll('.weekdays label')].find((l) => l.textContent?.trim() === 'Friday')!.querySelector('input'));
    await type(field(container, 'Holidays (not business days)'), '2026-12-25');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Add holiday'));
    await submit(container.querySelector('form.config-editor'));
    await flush();
    expect(sendMock.mock.calls[0]![0]).toEqual({
      type: 'settings.config',
      overrides: { calendar: { timeZone: 'Europe/Berlin', businessDays: [1, 2, 3, 4], holidays: ['2026-12-25'] } },
    });
  });
});
