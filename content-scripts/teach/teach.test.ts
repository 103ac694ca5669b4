import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { runReader, detectPage } from '../core/registry';
import { applyMapping, previewMapping, teachReader } from './apply';
import { TeachMapping, urlMatchesPattern, urlPatternFor, type TeachMapping as Mapping } from './mapping';
import { startTeachOverlay } from './overlay';
import { cssEscape, labelFor, looksGenerated, selectorFor } from './selector';

const URL_ = 'https://psa.example-kaseya.com/ticket/edit/88213?tab=details';
/** A ticket page of an app no adapter knows: generated ids and classes everywhere, fields in odd places. */
const PAGE = `<!DOCTYPE html><html><body>
  <div id="app" class="GMDB3DUB">
    <header class="css-1x2y3z"><span>Kaseya BMS</span><nav><a href="/tickets">Tickets</a></nav></header>
    <div id="z3f9a1c0d2e4b6a8c0d2e4f6a8b0c2d4e" class="panel">
      <h1 id="gwt-uid-4412"><span class="ticket-no">T20261117.0042</span> — <span id=":r7:">Mailbox full</span></h1>
      <table class="details">
        <tr><th>Account</th><td><a id="ext-gen1234" href="/accounts/771">Contoso Ltd</a></td></tr>
        <tr><th>Account ID</th><td>771</td></tr>
        <tr><th>Priority</th><td><span class="badge">Critical</span></td></tr>
      </table>
      <div class="row"><div>Status</div><div><select name="statusId"><option>New</option><option selected>In Progress</option></select></div></div>
      <div class="row"><div>Created</div><div data-field="created-date">11/17/2026 7:12 AM</div></div>
      <div class="row"><div>Due</div><div><span>11/18/2026 7:12 AM</span></div></div>
      <div class="row"><div>Queue</div><div aria-label="Queue value">Level 1</div></div>
    </div>
  </div></body></html>`;

const load = (html = PAGE, url = URL_) => new JSDOM(html, { url }).window.document;
const ctx = { url: new URL(URL_), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'America/New_York' };

function teach(doc: Document): Mapping {
  const pick = (sel: string) => doc.querySelector(sel)!;
  const field = (el: Element) => {
    const label = labelFor(el);
    return { selector: selectorFor(el), sample: el.textContent!.trim(), ...(label ? { label } : {}) };
  };
  return TeachMapping.parse({
    id: 'tm-1',
    host: 'psa.example-kaseya.com',
    pageType: 'ticket',
    urlPattern: urlPatternFor(new URL(URL_)),
    fields: {
      ticketId: field(pick('.ticket-no')),
      summary: field(pick('[id=":r7:"]')),
      companyName: field(pick('[id="ext-gen1234"]')),
      companyId: field(pick('table.details tr:nth-of-type(2) td')),
      priority: field(pick('.badge')),
      status: { selector: selectorFor(pick('select')), sample: 'In Progress', label: 'Status' },
      openedAt: field(pick('[data-field="created-date"]')),
      slaResolutionDue: field(pick('.row:nth-of-type(3) span')),
    },
    createdAt: '2026-11-17T09:00:00-05:00',
    updatedAt: '2026-11-17T09:00:00-05:00',
  });
}

describe('selectorFor: robust selectors for a clicked element', () => {
  const doc = load();
  it.each([
    ['z3f9a1c0d2e4b6a8c0d2e4f6a8b0c2d4e', true],
    ['gwt-uid-4412', true],
    ['ext-gen1234', true],
    [':r7:', true],
    ['GMDB3DUB', true],
    ['css-1x2y3z', true],
    ['root-142', true],
    ['7c3d1a52-8b4e-4f0a-9d61-2e5b7c9a0f13', true],
    ['ticket-no', false],
    ['statusId', false],
    ['COMPANY', false],
    ['details', false],
  ])('looksGenerated(%j) → %j', (t, g) => expect(looksGenerated(t)).toBe(g));

  it('prefers a stable attribute: name, data-*, aria-label, a hand-written class', () => {
    expect(selectorFor(doc.querySelector('select')!)).toBe('select[name="statusId"]');
    expect(selectorFor(doc.querySelector('[data-field]')!)).toBe('div[data-field="created-date"]');
    expect(selectorFor(doc.querySelector('[aria-label="Queue value"]')!)).toBe('div[aria-label="Queue value"]');
    expect(selectorFor(doc.querySelector('.ticket-no')!)).toBe('span.ticket-no');
  });
  it('never uses generated ids; falls back to a tag:nth-of-type path from a stable ancestor', () => {
    const s = selectorFor(doc.getElementById('ext-gen1234')!);
    expect(s).not.toMatch(/ext-gen|z3f9|GMDB/);
    expect(s).toBe('table.details > tbody > tr:nth-of-type(1) > td > a');
    const due = doc.querySelector('.row:nth-of-type(3) span')!;
    expect(doc.querySelectorAll(selectorFor(due))).toHaveLength(1);
    expect(doc.querySelector(selectorFor(due))).toBe(due);
  });
  it('every element of the page gets a selector that finds exactly it', () => {
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      const s = selectorFor(el);
      expect(doc.querySelectorAll(s).length, s).toBe(1);
      expect(doc.querySelector(s), s).toBe(el);
    }
  });
  it('cssEscape handles leading digits and punctuation', () => {
    expect(cssEscape('1a')).toBe('\\31 a');
    expect(cssEscape(':r7:')).toBe('\\:r7\\:');
  });
  it('labelFor: the visible label only when reading by it gives the same value back', () => {
    expect(labelFor(doc.getElementById('ext-gen1234')!)).toBe('Account');
    expect(labelFor(doc.querySelector('[data-field]')!)).toBe('Created');
    expect(labelFor(doc.querySelector('.ticket-no')!)).toBeUndefined();
  });
});

describe('TeachMapping schema and URL patterns', () => {
  it('a ticket mapping needs ticketId, companyName and openedAt', () => {
    const r = TeachMapping.safeParse({
      id: 'x', host: 'a.b', pageType: 'ticket', urlPattern: '/t/*', createdAt: '2026-11-17T09:00:00Z', updatedAt: '2026-11-17T09:00:00Z',
      fields: { ticketId: { selector: '#a', sample: '1' } },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['fields.companyName', 'fields.openedAt']);
  });
  it('rejects unknown fields and empty selectors', () => {
    const base = { id: 'x', host: 'a.b', pageType: 'company', urlPattern: '/c/*', createdAt: '2026-11-17T09:00:00Z', updatedAt: '2026-11-17T09:00:00Z' };
    expect(TeachMapping.safeParse({ ...base, fields: { companyName: { selector: '', sample: '' } } }).success).toBe(false);
    expect(TeachMapping.safeParse({ ...base, fields: { companyName: { selector: 'h1', sample: 'A' }, shoeSize: { selector: 'b', sample: '' } } }).success).toBe(false);
    expect(TeachMapping.safeParse({ ...base, fields: { companyName: { selector: 'h1', sample: 'A' } } }).success).toBe(true);
  });
  it('urlPatternFor turns ids and query values into wildcards', () => {
    expect(urlPatternFor(new URL(URL_))).toBe('/ticket/edit/*?tab=*');
    expect(urlPatternFor(new URL('https://x.y/tickets/T20261117.0042'))).toBe('/tickets/*');
    expect(urlPatternFor(new URL('https://x.y/v4_6_release/services/ticket.rails?service_recid=284511'))).toBe('/v4_6_release/services/ticket.rails?service_recid=*');
    expect(urlMatchesPattern(new URL('https://h/ticket/edit/90001?tab=notes'), '/ticket/edit/*?tab=*')).toBe(true);
    expect(urlMatchesPattern(new URL('https://h/ticket/list'), '/ticket/edit/*?tab=*')).toBe(false);
  });
});

describe('applyMapping', () => {
  const doc = load();
  const mapping = teach(doc);
  it('reads every taught field into a ticket observation (pageType taught)', () => {
    const r = runReader(teachReader(mapping), doc, ctx);
    expect(r.missing).toEqual([]);
    expect(r.observations).toEqual([
      {
        id: 'ticket:psa.example-kaseya.com:T20261117.0042',
        kind: 'ticket',
        observedAt: '2026-11-17T09:30:00-05:00',
        source: { host: 'psa.example-kaseya.com', pageType: 'taught', url: URL_, reader: 'teach' },
        ticketId: 'T20261117.0042',
        summary: 'Mailbox full',
        priority: 'Critical',
        status: 'In Progress',
        companyName: 'Contoso Ltd',
        openedAt: '2026-11-17T07:12:00-05:00',
        sla: { resolutionDueAt: '2026-11-18T07:12:00-05:00' },
        company: { name: 'Contoso Ltd', psaId: '771' },
      },
    ]);
  });
  it('preview shows each value beside the sample it was taught with', () => {
    const p = previewMapping(doc, mapping);
    expect(p.find((f) => f.field === 'status')).toEqual({ field: 'status', value: 'In Progress', via: 'selector', sample: 'In Progress' });
    expect(p.every((f) => f.value !== undefined)).toBe(true);
  });
  it('the same mapping reads another ticket of the same kind', () => {
    const other = load(PAGE.replace('T20261117.0042', 'T20261117.0050').replace('Mailbox full', 'VPN down').replace('7:12 AM</div>', '8:00 AM</div>'), 'https://psa.example-kaseya.com/ticket/edit/88300?tab=details');
    const r = applyMapping(other, mapping, { ...ctx, url: new URL(other.URL) });
    expect(r.observations[0]).toMatchObject({ ticketId: 'T20261117.0050', summary: 'VPN down', openedAt: '2026-11-17T08:00:00-05:00' });
  });
  it('when a selector breaks, the label still finds the value', () => {
    const moved = load(PAGE.replace('name="statusId"', 'name="status_v2"'));
    const r = applyMapping(moved, mapping, ctx);
    expect(previewMapping(moved, mapping).find((f) => f.field === 'status')).toMatchObject({ value: 'In Progress', via: 'label' });
    expect(r.missing).toEqual([]);
  });
  it('drift: a taught field that is gone (selector and label) → missing, no observations', () => {
    const drifted = load(PAGE.replace('data-field="created-date"', 'data-field="opened"').replace('<div>Created</div>', '<div>Opened</div>'));
    const r = runReader(teachReader(mapping), drifted, ctx);
    expect(r.missing).toEqual(['openedAt']);
    expect(r.observations).toEqual([]);
    const d = detectPage(drifted, ctx.url, [teachReader(mapping)]);
    expect(d && 'drift' in d ? d.drift.missing : d).toEqual(['page shape']);
  });
  it('a company mapping gives accountFacts with the PSA id', () => {
    const m = TeachMapping.parse({
      id: 'tm-2', host: 'psa.example-kaseya.com', pageType: 'company', urlPattern: '/ticket/edit/*?tab=*',
      fields: { companyName: { selector: 'table.details a', sample: 'Contoso Ltd' }, companyId: { selector: 'table.details tr:nth-of-type(2) td', sample: '771' } },
      createdAt: '2026-11-17T09:00:00-05:00', updatedAt: '2026-11-17T09:00:00-05:00',
    });
    const r = runReader(teachReader(m), doc, ctx);
    expect(r.observations[0]).toMatchObject({ id: 'accountFacts:psa.example-kaseya.com:771', kind: 'accountFacts', name: 'Contoso Ltd', psaRef: { host: 'psa.example-kaseya.com', companyId: '771' }, company: { name: 'Contoso Ltd', psaId: '771' } });
  });
  it('a mapping for another host or path does not apply', () => {
    const r = teachReader(mapping);
    expect(r.matchesUrl(new URL('https://other.example.com/ticket/edit/1?tab=x'))).toBe(false);
    expect(r.matchesUrl(new URL('https://psa.example-kaseya.com:8443/ticket/edit/1?tab=x'))).toBe(true);
    expect(r.matchesUrl(new URL('https://psa.example-kaseya.com/accounts/1'))).toBe(false);
  });
  it('a hand-edited invalid selector reads as not found instead of throwing', () => {
    const bad = { ...mapping, fields: { ...mapping.fields, priority: { selector: 'td[[', sample: 'x' } } };
    expect(applyMapping(doc, bad, ctx).missing).toEqual(['priority']);
  });
});

describe('teach overlay (plain DOM)', () => {
  it('outlines the hovered element, reports the click and swallows it, stops cleanly', () => {
    const dom = new JSDOM(PAGE, { url: URL_ });
    const doc = dom.window.document;
    const pageClick = vi.fn();
    doc.addEventListener('click', pageClick);
    const picked: Element[] = [];
    const hovered: Array<Element | null> = [];
    const ui = doc.createElement('div');
    doc.body.appendChild(ui);
    const o = startTeachOverlay({ doc, onPick: (el) => picked.push(el), onHover: (el) => hovered.push(el), ignore: (el) => ui.contains(el) });
    const badge = doc.querySelector('.badge')!;
    badge.dispatchEvent(new dom.window.MouseEvent('mousemove', { bubbles: true }));
    expect(o.current()).toBe(badge);
    expect(doc.querySelector<HTMLElement>('[data-metronome-teach]')!.style.display).toBe('block');
    const down = new dom.window.MouseEvent('mousedown', { bubbles: true, cancelable: true });
    const pageDown = vi.fn();
    doc.addEventListener('mousedown', pageDown);
    badge.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    expect(pageDown).not.toHaveBeenCalled();
    const click = new dom.window.MouseEvent('click', { bubbles: true, cancelable: true });
    badge.dispatchEvent(click);
    expect(picked).toEqual([badge]);
    expect(click.defaultPrevented).toBe(true);
    expect(pageClick).not.toHaveBeenCalled();
    // The extension's own UI keeps working: its clicks are neither picked nor swallowed.
    ui.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(picked).toHaveLength(1);
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(hovered).toEqual([badge]);
    o.stop();
    expect(doc.querySelector('[data-metronome-teach]')).toBeNull();
    badge.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
    expect(picked).toHaveLength(1);
    expect(pageClick).toHaveBeenCalledTimes(2);
  });
  it('Escape stops it and says so', () => {
    const dom = new JSDOM(PAGE, { url: URL_ });
    const onCancel = vi.fn();
    startTeachOverlay({ doc: dom.window.document, onPick: () => {}, onCancel });
    dom.window.document.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(dom.window.document.querySelector('[data-metronome-teach]')).toBeNull();
  });
});
