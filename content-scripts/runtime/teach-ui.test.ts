import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { applyMapping } from '../teach/apply';
import { TeachMapping } from '../teach/mapping';
import { startTeachUi, type TeachUiOptions } from './teach-ui';

const URL_ = 'https://desk.unknown-psa.test/case/view/4711?tab=main';
/** A ticket page with no labels the generic reader knows: values in styled spans. */
const PAGE = `<!DOCTYPE html><html><body>
  <main>
    <div class="hd"><span class="case-ref">CS-4711</span> <span class="case-title">Printer offline &lt;b&gt;again&lt;/b&gt;</span></div>
    <div class="chips"><span class="chip chip-org">Northwind Traders</span><span class="chip chip-prio">P2</span><span class="chip chip-state">Waiting</span></div>
    <div class="times"><span class="ts-open">2026-11-16 08:15</span><span class="ts-due">2026-11-17 08:15</span></div>
    <div class="bad-date"><span class="when">sometime</span></div>
    <button id="page-button">Page action</button>
  </main></body></html>`;

function setup(over: Partial<TeachUiOptions> = {}, html = PAGE, url = URL_) {
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  const send = vi.fn(async (m: { mapping: unknown }) => ({ ok: true, data: m.mapping }));
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const ui = startTeachUi({
    doc,
    shadowMode: 'open',
    send,
    onSaved,
    onClose,
    readContext: () => ({ url: new URL(url), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'Europe/London' }),
    ...over,
  });
  const host = doc.querySelector('metronome-teach')!;
  const root = host.shadowRoot!;
  const win = dom.window;
  const button = (name: RegExp) => {
    const b = Array.from(root.querySelectorAll('button')).find((x) => name.test(x.getAttribute('aria-label') ?? x.textContent ?? ''));
    if (!b) throw new Error(`no button ${name}`);
    return b;
  };
  const pageClick = (sel: string) => doc.querySelector(sel)!.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  const pick = (field: RegExp, sel: string) => {
    button(field).click();
    pageClick(sel);
  };
  const reads = () => Array.from(root.querySelectorAll('output')).map((o) => [o.getAttribute('aria-label'), o.textContent]);
  const key = (k: string, target: EventTarget = doc.body) =>
    target.dispatchEvent(new win.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true }));
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { doc, win, ui, host, root, send, onSaved, onClose, button, pick, pageClick, reads, key, flush };
}

describe('teach UI: picking fields on a page no adapter knows (issue "Readers")', () => {
  it('opens in a shadow root with the ticket fields, needed ones marked, Save disabled, pattern from the URL', () => {
    const t = setup();
    expect(t.root.querySelector('[role=dialog]')?.getAttribute('aria-labelledby')).toBe('mt-t');
    const names = Array.from(t.root.querySelectorAll('li .n')).map((n) => n.textContent);
    expect(names.slice(0, 3)).toEqual(['Ticket id *', 'Company *', 'Opened *']);
    expect(names).toContain('Priority');
    expect(names).toHaveLength(12);
    expect(t.root.querySelector<HTMLButtonElement>('button.s')!.disabled).toBe(true);
    expect(t.root.querySelector<HTMLInputElement>('input')!.value).toBe('/case/view/*?tab=*');
    // Keyboard: focus starts inside the panel.
    expect(t.host.shadowRoot!.activeElement).toBe(t.root.querySelector('select'));
  });

  it('a pick shows the value read and its selector, moves focus to the next field, and the page never sees the click', () => {
    const t = setup();
    const pageHandler = vi.fn();
    t.doc.querySelector('#page-button')!.addEventListener('click', pageHandler);
    t.button(/^Pick Ticket id/).click();
    expect(t.button(/^Pick Ticket id/).getAttribute('aria-pressed')).toBe('true');
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).not.toBeNull();
    t.pageClick('.case-ref');
    expect(t.reads()).toEqual([['Ticket id reads', 'CS-4711']]);
    expect(t.root.querySelector('li code')?.textContent).toBe('span.case-ref');
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).toBeNull(); // overlay stopped
    expect(t.root.activeElement?.getAttribute('aria-label')).toBe('Pick Company (needed)');
    // A click on a page control while picking is taken for teaching, not passed to the page.
    t.button(/^Pick Summary/).click();
    t.pageClick('#page-button');
    expect(pageHandler).not.toHaveBeenCalled();
    expect(t.reads()[1]).toEqual(['Summary reads', 'Page action']);
  });

  it('Save stays disabled until ticket id, company and opened are all picked [TAUGHT_MINIMUM]', () => {
    const t = setup();
    const save = t.root.querySelector<HTMLButtonElement>('button.s')!;
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    expect(save.disabled).toBe(true);
    expect(save.title).toBe('Still needed: Opened');
    t.pick(/^Pick Opened/, '.ts-open');
    expect(save.disabled).toBe(false);
    // Clearing a needed field disables it again.
    t.button(/^Clear Company/).click();
    expect(save.disabled).toBe(true);
  });

  it('Save sends a TeachMapping the background schema accepts, then closes without a trace and reports it', async () => {
    const t = setup();
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    t.pick(/^Pick Opened/, '.ts-open');
    t.pick(/^Pick Priority/, '.chip-prio');
    t.pick(/^Pick Status/, '.chip-state');
    t.pick(/^Pick Summary/, '.case-title');
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    expect(t.send).toHaveBeenCalledTimes(1);
    const sent = t.send.mock.calls[0]![0] as { type: string; mapping: unknown };
    expect(sent.type).toBe('teach.save');
    const m = TeachMapping.parse(sent.mapping);
    expect(m.id).toBe('desk.unknown-psa.test:ticket');
    expect(m.host).toBe('desk.unknown-psa.test');
    expect(m.urlPattern).toBe('/case/view/*?tab=*');
    expect(Object.keys(m.fields).sort()).toEqual(['companyName', 'openedAt', 'priority', 'status', 'summary', 'ticketId']);
    expect(m.fields.companyName).toEqual({ selector: 'span.chip-org', sample: 'Northwind Traders' });
    expect(m.fields.summary?.sample).toBe('Printer offline <b>again</b>');
    expect(m.createdAt).toBe(m.updatedAt);
    expect(m.dateOrder).toBeUndefined();
    expect(t.onSaved).toHaveBeenCalledWith(m);
    expect(t.onClose).toHaveBeenCalledTimes(1);
    expect(t.doc.querySelector('metronome-teach')).toBeNull();
    expect(t.doc.querySelector('[data-metronome-teach]')).toBeNull();
    // The saved mapping reads this page as a ticket, by the teach reader.
    const reading = applyMapping(t.doc, m, { url: new URL(URL_), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'Europe/London' });
    expect(reading.missing).toEqual([]);
    expect(reading.observations[0]).toMatchObject({ kind: 'ticket', ticketId: 'CS-4711', companyName: 'Northwind Traders', priority: 'P2', status: 'Waiting', source: { reader: 'teach' } });
  });

  it('the background refusing the mapping shows its errors and keeps the panel open', async () => {
    const send = vi.fn(async () => ({ ok: false, error: 'This mapping is incomplete.', errors: [{ path: 'fields.openedAt', message: 'a ticket mapping needs openedAt' }] }));
    const t = setup({ send });
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    t.pick(/^Pick Opened/, '.ts-open');
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    expect(Array.from(t.root.querySelectorAll('[role=alert] li')).map((l) => l.textContent)).toEqual([
      'This mapping is incomplete.',
      'fields.openedAt a ticket mapping needs openedAt',
    ]);
    expect(t.onSaved).not.toHaveBeenCalled();
    expect(t.doc.querySelector('metronome-teach')).not.toBeNull();
    expect(t.root.querySelector<HTMLButtonElement>('button.s')!.disabled).toBe(false);
  });

  it('a send that throws (no background) is an error, not a crash', async () => {
    const t = setup({ send: vi.fn(async () => Promise.reject(new Error('Extension context invalidated.'))) });
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    t.pick(/^Pick Opened/, '.ts-open');
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    expect(t.root.querySelector('[role=alert] li')?.textContent).toBe('Extension context invalidated.');
  });

  it('an opened date that does not parse is said before anything is sent', async () => {
    const t = setup();
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    t.pick(/^Pick Opened/, '.when');
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    expect(t.send).not.toHaveBeenCalled();
    expect(t.root.querySelector('[role=alert] li')?.textContent).toBe('ticket CS-4711: opened date "sometime" not understood; skipped');
  });

  it('a page pattern that does not fit this page, or does not start with "/", is refused', async () => {
    const t = setup();
    t.pick(/^Pick Ticket id/, '.case-ref');
    t.pick(/^Pick Company/, '.chip-org');
    t.pick(/^Pick Opened/, '.ts-open');
    const input = t.root.querySelector<HTMLInputElement>('input')!;
    input.value = '/tickets/*';
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    expect(t.root.querySelector('[role=alert] li')?.textContent).toBe('The page pattern does not match this page.');
    input.value = 'case/*';
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    expect(t.root.querySelector('[role=alert] li')?.textContent).toBe('The page pattern must start with “/”.');
    input.value = '/case/*';
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    expect((t.send.mock.calls[0]![0] as { mapping: { urlPattern: string } }).mapping.urlPattern).toBe('/case/*');
  });

  it('Escape while picking stops picking only; Escape again closes and removes every trace', () => {
    const t = setup();
    t.button(/^Pick Company/).click();
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).not.toBeNull();
    t.key('Escape');
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).toBeNull();
    expect(t.doc.querySelector('metronome-teach')).not.toBeNull();
    expect(t.button(/^Pick Company/).getAttribute('aria-pressed')).toBe('false');
    // After Escape the page's clicks are the page's again.
    const pageHandler = vi.fn();
    t.doc.querySelector('#page-button')!.addEventListener('click', pageHandler);
    t.pageClick('#page-button');
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(t.reads()).toEqual([]);
    t.key('Escape');
    expect(t.doc.querySelector('metronome-teach')).toBeNull();
    expect(t.onClose).toHaveBeenCalledTimes(1);
    expect(t.send).not.toHaveBeenCalled();
    // Its document listener is gone too: a later Escape reaches the page.
    const escapes = vi.fn();
    t.doc.addEventListener('keydown', escapes);
    t.key('Escape');
    expect(escapes).toHaveBeenCalledTimes(1);
  });

  it('Cancel closes while picking and stops the overlay', () => {
    const t = setup();
    t.button(/^Pick Ticket id/).click();
    t.button(/^Cancel/).click();
    expect(t.doc.querySelector('metronome-teach')).toBeNull();
    expect(t.doc.querySelector('[data-metronome-teach]')).toBeNull();
    const pageHandler = vi.fn();
    t.doc.querySelector('#page-button')!.addEventListener('click', pageHandler);
    t.pageClick('#page-button');
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });

  it('pressing Pick again stops picking; changing the page type while picking stops it too', () => {
    const t = setup();
    t.button(/^Pick Ticket id/).click();
    t.button(/^Pick Ticket id/).click();
    expect(t.button(/^Pick Ticket id/).getAttribute('aria-pressed')).toBe('false');
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).toBeNull();
    t.button(/^Pick Ticket id/).click();
    const select = t.root.querySelector<HTMLSelectElement>('select')!;
    select.focus();
    select.value = 'company';
    select.dispatchEvent(new t.win.Event('change'));
    expect(t.doc.querySelector('[data-metronome-teach=highlight]')).toBeNull();
    expect(t.root.activeElement).toBe(select);
    t.pageClick('.case-ref');
    expect(t.reads()).toEqual([]);
  });

  it('company pages offer company name and id only, and need the name', async () => {
    const t = setup();
    const select = t.root.querySelector<HTMLSelectElement>('select')!;
    select.value = 'company';
    select.dispatchEvent(new t.win.Event('change'));
    expect(Array.from(t.root.querySelectorAll('li .n')).map((n) => n.textContent)).toEqual(['Company *', 'Company id']);
    t.pick(/^Pick Company \(needed\)/, '.chip-org');
    t.root.querySelector<HTMLButtonElement>('button.s')!.click();
    await t.flush();
    const m = TeachMapping.parse((t.send.mock.calls[0]![0] as { mapping: unknown }).mapping);
    expect(m).toMatchObject({ id: 'desk.unknown-psa.test:company', pageType: 'company', fields: { companyName: { selector: 'span.chip-org' } } });
    expect(m.dateOrder).toBeUndefined();
  });

  it('an existing mapping for this page type is shown for editing and keeps its createdAt', async () => {
    const existing = TeachMapping.parse({
      id: 'desk.unknown-psa.test:ticket',
      host: 'desk.unknown-psa.test',
      pageType: 'ticket',
      urlPattern: '/case/view/*',
      fields: {
        ticketId: { selector: 'span.case-ref', sample: 'CS-1' },
        companyName: { selector: 'span.gone', sample: 'Old Co' },
        openedAt: { selector: 'span.ts-open', sample: '2026-01-01 08:00' },
      },
      dateOrder: 'YMD',
      createdAt: '2026-10-01T09:00:00+01:00',
      updatedAt: '2026-10-01T09:00:00+01:00',
    });
    const t = setup({ existing: [existing] });
    expect(t.root.querySelector<HTMLInputElement>('input')!.value).toBe('/case/view/*');
    expect(t.reads()).toEqual([
      ['Ticket id reads', 'CS-4711'],
      ['Company reads', 'not found on this page'],
      ['Opened reads', '2026-11-16 08:15'],
    ]);
    const save = t.root.querySelector<HTMLButtonElement>('button.s')!;
    expect(save.disabled).toBe(true); // the company's element is gone: re-pick it
    t.pick(/^Re-pick Company/, '.chip-org');
    save.click();
    await t.flush();
    const m = TeachMapping.parse((t.send.mock.calls[0]![0] as { mapping: unknown }).mapping);
    expect(m.createdAt).toBe('2026-10-01T09:00:00+01:00');
    expect(m.updatedAt).not.toBe(m.createdAt);
    expect(m.dateOrder).toBe('YMD');
    expect(m.fields.companyName?.selector).toBe('span.chip-org');
  });

  it('page text is shown as text, never parsed as HTML', () => {
    const t = setup();
    t.pick(/^Pick Summary/, '.case-title');
    expect(t.reads()).toEqual([['Summary reads', 'Printer offline <b>again</b>']]);
    expect(t.root.querySelector('output b')).toBeNull();
  });

  it('the panel itself cannot be picked', () => {
    const t = setup();
    t.button(/^Pick Ticket id/).click();
    t.host.dispatchEvent(new t.win.MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(t.reads()).toEqual([]);
    expect(t.button(/^Pick Ticket id/).getAttribute('aria-pressed')).toBe('true');
  });
});
