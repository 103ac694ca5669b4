import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findTableByHeaders, indexLabels, labelElement, normalizeLabel, normalizeSpace, readTable, text, valueByLabel, valueOf } from './dom';

const doc = (body: string): Document => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;

describe('text / normalizeLabel', () => {
  it('collapses whitespace and no-break spaces, skips script/style text', () => {
    const d = doc('<div id="x">  Hello\u00a0\n  <b>world</b><script>evil()</script><style>p{}</style> ! </div>');
    expect(text(d.getElementById('x'))).toBe('Hello world !');
    expect(text(null)).toBe('');
  });
  it('labels ignore case, spaces, leading/trailing * and :', () => {
    expect(normalizeLabel('  Company Name:* ')).toBe('company name');
    expect(normalizeLabel('* Status')).toBe('status');
    expect(normalizeLabel('Priority ▲')).toBe('priority');
  });
});

describe('normalizeSpace fast path (unchanged text is returned as is)', () => {
  const slow = (s: string) => s.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ').trim();
  it.each([
    'Proseware Health', ' lead', 'trail ', 'two  spaces', 'tab\there', 'line\nbreak', 'nbsp\u00a0x', 'figure\u2007x',
    'narrow\u202fx', 'zero\u200bwidth', '\u200b', ' ', '', 'a', '11/17/2026 8:54 AM', 'ideographic\u3000x', 'bom\ufeffx',
  ])('%j is normalised exactly as the replace/trim does', (s) => {
    expect(normalizeSpace(s)).toBe(slow(s));
  });
  it('null and undefined are empty', () => {
    expect(normalizeSpace(null)).toBe('');
    expect(normalizeSpace(undefined)).toBe('');
  });
});

describe('valueOf: text fast path and control walk agree', () => {
  it('plain cells read their text; a control two levels down still wins; script text is skipped', () => {
    const d = doc(`<table><tr>
      <td id="a"><div> 285000 </div></td>
      <td id="b"><div><span>Priority 3</span> - <i>Normal</i></div></td>
      <td id="c"><div><span><input value=" typed  value "></span></div></td>
      <td id="d"><div>shown<script>hidden()</script></div></td>
      <td id="e"><div><b><i>deep</i></b> text</div></td>
      <td id="f"><select><option>One</option><option selected>Two</option></select></td>
    </tr></table>`);
    const v = (id: string) => valueOf(d.getElementById(id)!);
    expect(v('a')).toBe('285000');
    expect(v('b')).toBe('Priority 3 - Normal');
    expect(v('c')).toBe('typed value');
    expect(v('d')).toBe('shown');
    expect(v('e')).toBe('deep text');
    expect(v('f')).toBe('Two');
  });
});

describe('valueByLabel', () => {
  it('ConnectWise layout: .mm_label in a cell, value in an input in the next cell', () => {
    const d = doc(`
      <table><tr><td><div class="mm_label GMDB3DUBXX">Company:</div></td>
      <td><input class="cw_company GMDB3DUBYY" type="text" value="Müller &amp; Söhne GmbH"></td></tr>
      <tr><td><div class="mm_label">Status:*</div></td><td><input class="cw_status" value="In Progress"></td></tr></table>`);
    expect(valueByLabel(d, ['Company'])).toBe('Müller & Söhne GmbH');
    expect(valueByLabel(d, ['STATUS'])).toBe('In Progress');
  });
  it('reads the selected option text of a <select>', () => {
    const d = doc(`<label for="p1">Priority</label><select id="p1"><option value="1">P1 - Critical</option><option value="3" selected>P3 - Normal</option></select>`);
    expect(valueByLabel(d, ['priority'])).toBe('P3 - Normal');
  });
  it('label wrapping its control, and label with for=', () => {
    const d = doc(`<label>Contact <input value=" Ana  Ruiz "></label><label for="z9f">Board</label><div><input id="z9f" value="Help Desk"></div>`);
    expect(valueByLabel(d, ['Contact'])).toBe('Ana Ruiz');
    expect(valueByLabel(d, ['Board'])).toBe('Help Desk');
  });
  it('Autotask layout: label container with trailing * then value container', () => {
    const d = doc(`
      <div class="ReadOnlyData"><div class="ReadOnlyLabelContainer"><span class="PrimaryText">Account</span><span>*</span></div>
      <div class="ReadOnlyValueContainer"><div class="Value"><a class="LinkButton2"><span class="Text2">Contoso Ltd</span></a></div></div></div>
      <div class="ReadOnlyData"><div class="ReadOnlyLabelContainer"><span class="PrimaryText">Due Date</span><span>*</span></div>
      <div class="ReadOnlyValueContainer"><div class="Value"></div></div></div>
      <div class="ReadOnlyData"><div class="ReadOnlyLabelContainer"><span class="PrimaryText">Queue</span></div>
      <div class="ReadOnlyValueContainer"><div class="Value">Tier 1</div></div></div>`);
    expect(valueByLabel(d, ['Account'])).toBe('Contoso Ltd');
    expect(valueByLabel(d, ['Due Date'])).toBe('');
    expect(valueByLabel(d, ['Queue'])).toBe('Tier 1');
  });
  it('dt/dd, th/td and inline "Label: value"', () => {
    const d = doc(`<dl><dt>Type</dt><dd>Managed Services</dd></dl>
      <table><tr><th>Start</th><td>01/01/2026</td></tr></table>
      <p><b>Owner:</b> Dana Lee</p>`);
    expect(valueByLabel(d, ['type'])).toBe('Managed Services');
    expect(valueByLabel(d, ['start'])).toBe('01/01/2026');
    expect(valueByLabel(d, ['Owner'])).toBe('Dana Lee');
  });
  it('skips navigation links and header rows that carry the same word', () => {
    const d = doc(`<nav><ul><li><a>Company</a></li><li><a>Service Desk</a></li></ul></nav>
      <table><thead><tr><th>Company</th><th>Status</th></tr></thead></table>
      <div><span class="cw_CwLabel">Company</span><span>Trey Research</span></div>`);
    expect(valueByLabel(d, ['Company'])).toBe('Trey Research');
  });
  it('section titles (pod headers, headings) are not field labels', () => {
    const d = doc(`<div class="mm_pod"><div class="mm_podHeader"><span>SLA</span></div>
      <div class="flow"><div><span class="cw_CwLabel">Respond By</span></div><div><div class="gwt-Label">11/17/2026</div></div>
      <div><span class="cw_CwLabel">SLA</span></div><div><div class="gwt-Label">Standard SLA</div></div></div></div>
      <h2>Priority</h2><p>Text under a heading</p>`);
    expect(valueByLabel(d, ['SLA'])).toBe('Standard SLA');
    expect(valueByLabel(d, ['Priority'])).toBeUndefined();
    expect(labelElement(d, ['Priority'])?.tagName).toBe('H2');
  });
  it('alternatives in order; first non-empty value wins; absent label → undefined', () => {
    const d = doc(`<div><span class="mm_label">Required Date</span><input value=""></div>
      <div><span class="mm_label">Due Date</span><input value="11/20/2026"></div>`);
    expect(valueByLabel(d, ['Required Date', 'Due Date'])).toBe('11/20/2026');
    expect(valueByLabel(d, ['Required Date'])).toBe('');
    expect(valueByLabel(d, ['Closed Date'])).toBeUndefined();
  });
  it('ignores hidden inputs (ids) and returns the visible control', () => {
    const d = doc(`<div><span class="mm_label">Company</span><div><input type="hidden" value="19300"><input value="Relecloud"></div></div>`);
    expect(valueByLabel(d, ['Company'])).toBe('Relecloud');
  });
  it('value text that looks like HTML stays plain text', () => {
    const d = doc(`<div><span class="mm_label">Summary</span><input value="&lt;img src=x onerror=alert(1)&gt;"></div>`);
    expect(valueByLabel(d, ['Summary'])).toBe('<img src=x onerror=alert(1)>');
  });
  it('works over a prebuilt index scoped to an element', () => {
    const d = doc(`<div id="a"><span class="mm_label">Status</span><input value="New"></div>
      <div id="b"><span class="mm_label">Status</span><input value="Closed"></div>`);
    expect(valueByLabel(indexLabels(d.getElementById('b')!), ['Status'])).toBe('Closed');
    expect(labelElement(d, ['status'])?.parentElement?.id).toBe('a');
  });
});

describe('readTable', () => {
  const aliases = { id: ['Ticket #', 'Ticket'], company: ['Company'], status: ['Status'], age: ['Age'] } as const;
  it('maps headers by text, skips hidden rows, prefers the visible duplicate column', () => {
    const d = doc(`<table class="srboard-grid">
      <thead><tr><th style="display:none">Company</th><th>Ticket #</th><th>Company</th><th>Status ▲</th></tr></thead>
      <tbody>
        <tr class="cw-ml-row"><td style="display:none">19300</td><td>284511</td><td>Contoso Ltd</td><td><input value="New"></td></tr>
        <tr class="cw-ml-row" style="display: none"><td>1</td><td>2</td><td>3</td><td>4</td></tr>
        <tr class="cw-ml-row"><td>19301</td><td>284512</td><td>Müller &amp; Söhne GmbH</td><td>Closed</td></tr>
      </tbody></table>`);
    const t = readTable(d.querySelector('table')!, aliases);
    expect(t.columns).toEqual({ id: 1, company: 2, status: 3 });
    expect(t.rows.map((r) => r.values)).toEqual([
      { id: '284511', company: 'Contoso Ltd', status: 'New' },
      { id: '284512', company: 'Müller & Söhne GmbH', status: 'Closed' },
    ]);
  });
  it('first-row <td> headers and colspans', () => {
    const d = doc(`<table><tr><td colspan="2">Ticket</td><td>Age</td></tr>
      <tr><td><img></td><td>77</td><td>3d</td></tr></table>`);
    const t = readTable(d.querySelector('table')!, aliases);
    expect(t.columns).toEqual({ id: 0, age: 2 });
    expect(t.rows[0]!.values).toEqual({ id: '', age: '3d' });
  });
  it('header in a separate table and a row selector', () => {
    const d = doc(`<table id="h"><tr><th>Ticket</th><th>Status</th></tr></table>
      <table id="b"><tr class="group"><td colspan="2">Help Desk (2)</td></tr><tr class="cw-ml-row"><td>5</td><td>New</td></tr></table>`);
    const t = readTable(d.getElementById('b') as HTMLTableElement, aliases, {
      headerTable: d.getElementById('h') as HTMLTableElement,
      rowSelector: 'tr.cw-ml-row',
    });
    expect(t.rows.map((r) => r.values)).toEqual([{ id: '5', status: 'New' }]);
  });
  it('findTableByHeaders picks the grid that names the required columns', () => {
    const d = doc(`<table id="nav"><tr><th>Company</th></tr></table><table id="grid"><tr><th>Ticket #</th><th>Company</th></tr></table>`);
    expect(findTableByHeaders(d, aliases, ['id', 'company'])?.id).toBe('grid');
    expect(findTableByHeaders(d, aliases, ['age'])).toBeUndefined();
  });
});
