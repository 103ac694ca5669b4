/**
 * A CSS selector for an element the user clicked, robust to the host app's next release: stable
 * attributes first (`name`, `data-*`, `aria-label`, ids and classes that look hand-written), else a
 * `tag:nth-of-type` path from the nearest stable ancestor. Generated ids and classes — random hex,
 * Autotask's `z` + 32 hex, GWT's `GMDB3DUB…`, React's `:r1:`, `ember123`, `css-1x2y3z` — are never
 * used: they change on every load or build.
 */
import { normalizeSpace, text, valueByLabel, valueOf } from '../core/dom';

/** Ids and classes that a framework generated rather than a person wrote. */
export function looksGenerated(token: string): boolean {
  return (
    /^z[0-9a-f]{32}$/i.test(token) || // Autotask
    /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(token) || // GUID
    /(^|[^a-z])[0-9a-f]{8,}($|[^a-z])/i.test(token) && /\d/.test(token) || // random hex run
    /^(?=[A-Z]*\d)[A-Z0-9]{7,}(-[A-Za-z0-9]+)?$/.test(token) || // GWT obfuscated (GMDB3DUB, GMDB3DUBCL-x)
    /\d{3,}/.test(token) || // counters: gwt-uid-1234, ext-gen1234, ember1234
    /^(gwt-uid|x-auto|ext-gen|ext-comp|ember|react-select|mui|jss|sc-|css-|emotion-|svelte-|ng-|__BVID__|yui_)/i.test(token) ||
    /^:[a-z0-9]+:$/i.test(token) || // React useId
    /^(root|css|sc)-[a-z0-9]+$/i.test(token) || // Fluent/emotion/styled-components hashes
    /^_[a-zA-Z0-9]{5,}$/.test(token) // CSS-module hashes
  );
}

/** CSS.escape for identifiers (jsdom lacks `CSS.escape`). */
export function cssEscape(ident: string): string {
  let out = '';
  for (let i = 0; i < ident.length; i++) {
    const ch = ident[i]!;
    const code = ident.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x30 && code <= 0x39 && (i === 0 || (i === 1 && ident[0] === '-'))) || code < 0x20 || code === 0x7f)
      out += `\\${code.toString(16)} `;
    else if (/[A-Za-z0-9_\-\u0080-\uFFFF]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

const attrValue = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;

/** Attributes worth anchoring on, best first. */
const STABLE_ATTRS = ['data-testid', 'data-test-id', 'data-qa', 'data-field', 'data-automation-key', 'data-automationid', 'name', 'aria-label', 'data-name', 'data-label'];
const MAX_ATTR_LENGTH = 80;

function isUnique(doc: Document, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** Self-sufficient selectors for `el` alone (no path), most stable first. */
function ownAnchors(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const out: string[] = [];
  if (el.id && !looksGenerated(el.id)) out.push(`#${cssEscape(el.id)}`);
  for (const a of STABLE_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.length <= MAX_ATTR_LENGTH && !looksGenerated(v)) out.push(`${tag}[${a}=${attrValue(v)}]`);
  }
  for (const a of Array.from(el.attributes)) {
    if (a.name.startsWith('data-') && !STABLE_ATTRS.includes(a.name) && a.value && a.value.length <= MAX_ATTR_LENGTH && !looksGenerated(a.value)) {
      out.push(`${tag}[${a.name}=${attrValue(a.value)}]`);
    }
  }
  const classes = Array.from(el.classList).filter((c) => !looksGenerated(c));
  for (const c of classes) out.push(`${tag}.${cssEscape(c)}`);
  return out;
}

function nthOfType(el: Element): string {
  const tag = el.tagName.toLowerCase();
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) n++;
  let total = n;
  for (let s = el.nextElementSibling; s; s = s.nextElementSibling) if (s.tagName === el.tagName) total++;
  return total === 1 ? tag : `${tag}:nth-of-type(${n})`;
}

/** How far up we look for a stable ancestor before falling back to a path from `<body>`. */
const MAX_DEPTH = 12;

/**
 * A selector that matches exactly `el` in its document today and is likely to keep matching it
 * after the host app re-renders: its own stable anchor if unique, else the shortest
 * `anchor > … > tag:nth-of-type(n)` path from a stable ancestor, else a path from `body`.
 */
export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  for (const s of ownAnchors(el)) if (isUnique(doc, s, el)) return s;
  const path: string[] = [];
  let cur: Element = el;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    path.unshift(nthOfType(cur));
    const parent = cur.parentElement;
    if (!parent || parent === doc.documentElement) break;
    if (parent === doc.body) {
      path.unshift('body');
      break;
    }
    for (const anchor of ownAnchors(parent)) {
      if (!isUnique(doc, anchor, parent)) continue;
      const s = `${anchor} > ${path.join(' > ')}`;
      if (isUnique(doc, s, el)) return s;
    }
    // A unique own anchor below a path is shorter than a full path: `tr:nth-of-type(2) td[data-field="x"]`.
    cur = parent;
  }
  const s = path.join(' > ');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Label anchor

const MAX_LABEL = 40;

function labelCandidates(el: Element): string[] {
  const doc = el.ownerDocument;
  const out: string[] = [];
  const control = el.matches('input,select,textarea') ? el : el.querySelector('input,select,textarea');
  const id = control?.id || el.id;
  if (id) {
    const l = doc.querySelector(`label[for=${attrValue(id)}]`);
    if (l) out.push(text(l));
  }
  const labelledBy = (control ?? el).getAttribute('aria-labelledby');
  if (labelledBy) for (const ref of labelledBy.split(/\s+/)) out.push(text(doc.getElementById(ref)));
  // The nearest short text before the value: previous sibling, or the parent's previous sibling.
  let cur: Element | null = el;
  for (let level = 0; cur && level < 3; level++, cur = cur.parentElement) {
    const prev = cur.previousElementSibling;
    if (prev) {
      out.push(text(prev));
      break;
    }
  }
  return out.map((t) => normalizeSpace(t).replace(/[:*\s]+$/, '')).filter((t) => t.length > 0 && t.length <= MAX_LABEL);
}

/**
 * The visible label of a clicked value ("Company", "Priority"), only if reading the page by that
 * label gives back the same value — a label that would read something else is no anchor.
 */
export function labelFor(el: Element): string | undefined {
  const value = valueOf(el);
  if (!value) return undefined;
  const root = el.ownerDocument.body ?? el.ownerDocument.documentElement;
  return labelCandidates(el).find((label) => valueByLabel(root, [label]) === value);
}
