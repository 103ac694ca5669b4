/**
 * Teach mode's panel in the page: the user chooses the page type, then for each field presses
 * "Pick" and clicks the value on the page; the panel shows what Metronome read there (and the
 * selector it will use), and "Save" sends a `TeachMapping` to the background. Plain DOM in a closed
 * shadow root, fixed position (no layout shift), keyboard usable, every text set with
 * `textContent`. Closing removes every trace. Zod-free: the background validates the mapping.
 */
import { valueOf } from '../core/dom';
import type { ReadContext } from '../core/types';
import { applyMapping, readMappedField } from '../teach/apply';
import type { FieldMapping, TaughtField, TeachMapping } from '../teach/mapping';
import { TAUGHT_MINIMUM, urlMatchesPattern, urlPatternFor } from '../teach/patterns';
import { startTeachOverlay, type TeachOverlay } from '../teach/overlay';
import { labelFor, selectorFor } from '../teach/selector';

type PageKind = TeachMapping['pageType'];

/** Fields offered per page type, in the order a ticket page usually shows them. */
export const TEACH_UI_FIELDS: Record<PageKind, readonly TaughtField[]> = {
  ticket: ['ticketId', 'companyName', 'openedAt', 'summary', 'priority', 'status', 'category', 'companyId', 'respondedAt', 'resolvedAt', 'slaResponseDue', 'slaResolutionDue'],
  company: ['companyName', 'companyId'],
};

export const FIELD_NAMES: Record<TaughtField, string> = {
  companyName: 'Company',
  companyId: 'Company id',
  ticketId: 'Ticket id',
  summary: 'Summary',
  priority: 'Priority',
  status: 'Status',
  category: 'Category',
  openedAt: 'Opened',
  respondedAt: 'Responded',
  resolvedAt: 'Resolved',
  slaResponseDue: 'Response due (SLA)',
  slaResolutionDue: 'Resolution due (SLA)',
};

/** Longest value shown beside a field (the stored sample keeps up to the schema's 500). */
const SHOWN = 80;
const SAMPLE_MAX = 500;

export interface TeachUiOptions {
  /** Sends `{ type: 'teach.save', mapping }` and resolves with the background's reply. */
  send(message: { type: 'teach.save'; mapping: TeachMapping }): Promise<unknown>;
  /** Saved and acknowledged: the caller applies it at once (re-reads the page). */
  onSaved(mapping: TeachMapping): void;
  /** Closed (saved or cancelled): every trace is gone from the page. */
  onClose?(): void;
  /** Mappings already taught on this host: their page type's fields are shown for editing. */
  existing?: readonly TeachMapping[];
  readContext(): ReadContext;
  doc?: Document;
  /** Tests only: `open` lets jsdom tests reach the controls. The page always gets `closed`. */
  shadowMode?: ShadowRootMode;
}

export interface TeachUi {
  close(): void;
  /** Focus the panel again (teach mode asked for while already open). */
  focus(): void;
}

const STYLE = `
:host{all:initial}
.p{position:fixed;top:16px;right:16px;z-index:2147483647;width:360px;max-height:calc(100vh - 32px);overflow:auto;box-sizing:border-box;
 background:#fff;color:#1f2328;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.2);padding:12px;font:13px/1.4 system-ui,sans-serif}
h2{font-size:14px;margin:0 0 8px}
p{margin:6px 0}
label{display:block;margin:6px 0}
select,input{font:inherit;margin-left:4px;max-width:100%;box-sizing:border-box}
input{width:100%;margin:2px 0 0}
ul{list-style:none;margin:8px 0;padding:0}
li{padding:4px 0;border-top:1px solid #eaeef2}
.r{display:flex;align-items:center;gap:6px}
.n{flex:1}
.v{display:block;color:#1a7f37;word-break:break-word}
.v.e{color:#9a6700}
code{display:block;color:#57606a;font-size:11px;word-break:break-all}
button{font:inherit;cursor:pointer;border:1px solid #d0d7de;background:#f6f8fa;border-radius:6px;padding:3px 8px;color:inherit}
button[aria-pressed=true]{background:#fff8c5;border-color:#d4a72c}
button:disabled{cursor:default;opacity:.5}
button.s{background:#1f883d;color:#fff;border-color:#1f883d}
:focus-visible{outline:2px solid #0969da;outline-offset:1px}
.a{color:#cf222e}
.m{color:#57606a;font-size:12px}
.f{display:flex;gap:8px;justify-content:flex-end;margin-top:8px}`;

interface Picked {
  fm: FieldMapping;
  /** What applying the stored selector reads now. */
  value: string | undefined;
}

type Reply = { ok?: boolean; error?: unknown; errors?: unknown; data?: unknown } | undefined;

export function startTeachUi(opts: TeachUiOptions): TeachUi {
  const doc = opts.doc ?? document;
  const url = new URL(doc.location.href);
  const host = url.hostname.toLowerCase();
  const returnFocus = doc.activeElement as HTMLElement | null;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, txt?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (txt !== undefined) e.textContent = txt;
    return e;
  };

  const hostEl = doc.createElement('metronome-teach');
  hostEl.style.cssText = 'all:initial';
  const root = hostEl.attachShadow({ mode: opts.shadowMode ?? 'closed' });
  const style = el('style', {}, STYLE);
  const panel = el('section', { class: 'p', role: 'dialog', 'aria-labelledby': 'mt-t' });
  const title = el('h2', { id: 'mt-t' }, 'Teach Metronome this page');
  const intro = el('p', { class: 'm' }, 'Press Pick beside a field, then click its value on the page. Fields marked * are needed.');
  const typeSelect = el('select');
  for (const [v, t] of [
    ['ticket', 'Ticket'],
    ['company', 'Company'],
  ] as const)
    typeSelect.append(el('option', { value: v }, t));
  const typeLabel = el('label', {}, 'This page shows one');
  typeLabel.append(typeSelect);
  const list = el('ul', { 'aria-label': 'Fields' });
  const patternInput = el('input', { type: 'text', spellcheck: 'false' });
  const patternLabel = el('label', {}, 'Apply to pages like (* = anything)');
  patternLabel.append(patternInput);
  const orderSelect = el('select');
  for (const [v, t] of [
    ['', 'as the page says'],
    ['MDY', 'month/day/year'],
    ['DMY', 'day/month/year'],
    ['YMD', 'year-month-day'],
  ] as const)
    orderSelect.append(el('option', { value: v }, t));
  const orderLabel = el('label', {}, 'Dates read');
  orderLabel.append(orderSelect);
  const status = el('p', { role: 'status', 'aria-live': 'polite', class: 'm' });
  const errors = el('ul', { role: 'alert', class: 'a' });
  const save = el('button', { type: 'button', class: 's' }, 'Save');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  const footer = el('div', { class: 'f' });
  footer.append(cancel, save);
  panel.append(title, intro, typeLabel, list, patternLabel, orderLabel, status, errors, footer);
  root.append(style, panel);

  const picked = new Map<TaughtField, Picked>();
  let pageType: PageKind = 'ticket';
  let overlay: TeachOverlay | undefined;
  let picking: TaughtField | undefined;
  let saving = false;
  let closed = false;
  const pickButtons = new Map<TaughtField, HTMLButtonElement>();

  const existingFor = (t: PageKind) => opts.existing?.find((m) => m.pageType === t && !m.deletedAt);

  /** Prefill from the mapping already taught for this page type (editing it). */
  const loadExisting = (t: PageKind) => {
    const m = existingFor(t);
    patternInput.value = m?.urlPattern ?? urlPatternFor(url);
    orderSelect.value = m?.dateOrder ?? '';
    if (!m) return;
    for (const [f, fm] of Object.entries(m.fields) as Array<[TaughtField, FieldMapping | undefined]>) {
      if (fm) picked.set(f, { fm, value: readMappedField(doc, fm).value });
    }
  };

  const fieldsOf = (t: PageKind) => TEACH_UI_FIELDS[t];
  const minimumMet = () => TAUGHT_MINIMUM[pageType].every((f) => picked.get(f)?.value);

  const setErrors = (msgs: readonly string[]) => {
    errors.replaceChildren(...msgs.map((m) => el('li', {}, m)));
  };

  const render = () => {
    pickButtons.clear();
    const required = new Set(TAUGHT_MINIMUM[pageType]);
    list.replaceChildren(
      ...fieldsOf(pageType).map((f) => {
        const li = el('li');
        const row = el('div', { class: 'r' });
        const name = el('span', { class: 'n' }, `${FIELD_NAMES[f]}${required.has(f) ? ' *' : ''}`);
        const p = picked.get(f);
        const pick = el('button', { type: 'button', 'aria-pressed': String(picking === f) }, p ? 'Re-pick' : 'Pick');
        pick.setAttribute('aria-label', `${p ? 'Re-pick' : 'Pick'} ${FIELD_NAMES[f]}${required.has(f) ? ' (needed)' : ''}`);
        pick.addEventListener('click', () => (picking === f ? stopPicking() : startPicking(f)));
        pickButtons.set(f, pick);
        row.append(name, pick);
        if (p) {
          const clear = el('button', { type: 'button', 'aria-label': `Clear ${FIELD_NAMES[f]}` }, '×');
          clear.addEventListener('click', () => {
            picked.delete(f);
            render();
            pickButtons.get(f)?.focus();
          });
          row.append(clear);
        }
        li.append(row);
        if (p) {
          const shown = p.value === undefined ? 'not found on this page' : p.value === '' ? '(empty)' : p.value.length > SHOWN ? `${p.value.slice(0, SHOWN)}…` : p.value;
          li.append(el('output', { class: p.value ? 'v' : 'v e', 'aria-label': `${FIELD_NAMES[f]} reads` }, shown), el('code', {}, p.fm.selector));
        }
        return li;
      }),
    );
    orderLabel.hidden = pageType !== 'ticket';
    save.disabled = saving || !minimumMet();
    const lacking = TAUGHT_MINIMUM[pageType].filter((f) => !picked.get(f)?.value).map((f) => FIELD_NAMES[f]);
    save.title = lacking.length ? `Still needed: ${lacking.join(', ')}` : '';
  };

  const startPicking = (f: TaughtField) => {
    overlay?.stop();
    picking = f;
    status.textContent = `Click the ${FIELD_NAMES[f].toLowerCase()} on the page (Escape stops).`;
    overlay = startTeachOverlay({
      doc,
      ignore: (e) => e === hostEl,
      onHover: (e) => {
        if (e && picking) status.textContent = `${FIELD_NAMES[picking]}: ${shorten(valueOf(e))}`;
      },
      onPick: (e) => onPicked(f, e),
      onCancel: () => stopPicking(),
    });
    render();
    pickButtons.get(f)?.focus();
  };

  const stopPicking = (refocus = true) => {
    overlay?.stop();
    overlay = undefined;
    const was = picking;
    picking = undefined;
    status.textContent = '';
    render();
    if (was && refocus) pickButtons.get(was)?.focus();
  };

  const onPicked = (f: TaughtField, target: Element) => {
    overlay?.stop();
    overlay = undefined;
    picking = undefined;
    const label = labelFor(target);
    const fm: FieldMapping = { selector: selectorFor(target), sample: valueOf(target).slice(0, SAMPLE_MAX), ...(label ? { label } : {}) };
    const value = readMappedField(doc, fm).value;
    picked.set(f, { fm: { ...fm, sample: (value ?? fm.sample).slice(0, SAMPLE_MAX) }, value });
    status.textContent = value ? `${FIELD_NAMES[f]}: ${shorten(value)}` : `${FIELD_NAMES[f]}: that element shows no text; pick the value itself.`;
    setErrors([]);
    render();
    // Keyboard flow: go on with the next field not taught yet, else Save.
    const order = fieldsOf(pageType);
    const next = order.slice(order.indexOf(f) + 1).find((x) => !picked.has(x));
    (next ? pickButtons.get(next) : save.disabled ? pickButtons.get(f) : save)?.focus();
  };

  const build = (): TeachMapping => {
    const now = new Date().toISOString();
    const fields: TeachMapping['fields'] = {};
    for (const f of fieldsOf(pageType)) {
      const p = picked.get(f);
      if (p) fields[f] = p.fm;
    }
    const order = orderSelect.value as '' | NonNullable<TeachMapping['dateOrder']>;
    return {
      id: `${host}:${pageType}`,
      host,
      pageType,
      urlPattern: patternInput.value.trim(),
      fields,
      ...(order && pageType === 'ticket' ? { dateOrder: order } : {}),
      createdAt: existingFor(pageType)?.createdAt ?? now,
      updatedAt: now,
    };
  };

  /** Checks the background would also make, said in the user's words before anything is sent. */
  const problems = (m: TeachMapping): string[] => {
    if (!m.urlPattern.startsWith('/')) return ['The page pattern must start with “/”.'];
    if (!urlMatchesPattern(url, m.urlPattern)) return ['The page pattern does not match this page.'];
    const reading = applyMapping(doc, m, opts.readContext());
    if (reading.missing.length) return [`Not found on this page: ${reading.missing.map((f) => FIELD_NAMES[f as TaughtField] ?? f).join(', ')}.`];
    if (reading.observations.length === 0) return reading.warnings.length ? reading.warnings.slice(0, 3) : ['Nothing could be read with these fields.'];
    return [];
  };

  const onSave = async () => {
    if (save.disabled) return;
    const mapping = build();
    const found = problems(mapping);
    setErrors(found);
    if (found.length) return;
    saving = true;
    render();
    status.textContent = 'Saving…';
    let reply: Reply;
    try {
      reply = (await opts.send({ type: 'teach.save', mapping })) as Reply;
    } catch (e) {
      reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    saving = false;
    if (closed) return;
    if (reply?.ok) {
      close();
      opts.onSaved((reply.data as TeachMapping | undefined) ?? mapping);
      return;
    }
    status.textContent = '';
    const details = Array.isArray(reply?.errors)
      ? (reply.errors as Array<{ path?: unknown; message?: unknown }>).map((i) => `${String(i.path ?? '')} ${String(i.message ?? '')}`.trim())
      : [];
    setErrors([typeof reply?.error === 'string' ? reply.error : 'Metronome did not save this mapping.', ...details.slice(0, 10)]);
    render();
    save.focus();
  };

  // Escape: stop picking if picking, else close. Registered before any overlay (same phase, earlier
  // listener runs first), so one Escape never does both.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopImmediatePropagation();
    e.preventDefault();
    if (picking) stopPicking();
    else close();
  };

  typeSelect.addEventListener('change', () => {
    stopPicking(false); // the user is on the select: focus stays there
    pageType = typeSelect.value === 'company' ? 'company' : 'ticket';
    picked.clear();
    loadExisting(pageType);
    setErrors([]);
    render();
  });
  save.addEventListener('click', () => void onSave());
  cancel.addEventListener('click', () => close());
  doc.addEventListener('keydown', onKey, true);

  function close() {
    if (closed) return;
    closed = true;
    overlay?.stop();
    doc.removeEventListener('keydown', onKey, true);
    hostEl.remove();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus?.();
    opts.onClose?.();
  }

  loadExisting(pageType);
  render();
  (doc.body ?? doc.documentElement).append(hostEl);
  typeSelect.focus();

  return { close, focus: () => typeSelect.focus() };
}

const shorten = (s: string): string => (s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s || '(no text)');
