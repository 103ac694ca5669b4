/**
 * Label-based DOM readers shared by every adapter.
 *
 * PSA UIs rename their CSS classes and element ids with every release (ConnectWise's GWT classes
 * such as `GMDB3DUB…`, Autotask's `z` + 32 hex ids), but the words on screen — "Company",
 * "Status", "Priority" — stay. So fields are found by their visible label text, and tables by their
 * header text. Nothing here reads layout (`innerText`, `getBoundingClientRect`): only `textContent`
 * and attributes, so a read costs no reflow of the host page.
 */

/** Elements whose text is never page content. */
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Anything `normalizeSpace` would change: whitespace other than one inner space, or a zero-width space. */
const NEEDS_NORMALIZING = /[^\S ]|\u200b|  |^ | $/;

/** Collapses whitespace (including no-break spaces) and trims. */
export function normalizeSpace(s: string | null | undefined): string {
  if (!s) return '';
  // Most cell texts are already normal: testing is cheaper than replacing (a board read calls this per cell).
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return s.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, ' ').trim();
}


/**
 * Visible-ish text of a node with normalised whitespace: `textContent` minus script/style content.
 * Always plain text; never HTML.
 */
export function text(el: Node | null | undefined): string {
  if (!el) return '';
  if (el.nodeType === 3) return normalizeSpace(el.nodeValue);
  const parts: string[] = [];
  collectText(el, parts);
  return normalizeSpace(parts.join(''));
}

/** Text of the subtree without script/style content: one recursive pass, no selector matching. */
function collectText(node: Node, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.nodeValue ?? '');
    else if (c.nodeType === 1 && !SKIP_TEXT.has((c as Element).tagName)) collectText(c, out);
  }
}

/**
 * Canonical form of a label or header: lower case, single spaces, without the decorations PSAs
 * add — a leading/trailing `*` (required), a trailing `:`, sort arrows.
 */
export function normalizeLabel(s: string | null | undefined): string {
  return normalizeSpace(s)
    .toLowerCase()
    .replace(/[▲▼↑↓⇅△▽]/g, '')
    .replace(/^[\s*:]+|[\s*:]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Hidden by markup (attribute or inline style): we never compute styles. */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Value of a form control as the user sees it; `undefined` for controls that hold no user value. */
export function controlValue(el: Element): string | undefined {
  const tag = el.tagName;
  if (tag === 'INPUT') {
    const input = el as HTMLInputElement;
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'hidden' || type === 'button' || type === 'submit' || type === 'reset' || type === 'image') return undefined;
    if (type === 'checkbox' || type === 'radio') return input.checked ? 'true' : 'false';
    return normalizeSpace(input.value);
  }
  if (tag === 'SELECT') {
    const select = el as HTMLSelectElement;
    const opt = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
    return opt ? text(opt) : '';
  }
  if (tag === 'TEXTAREA') return normalizeSpace((el as HTMLTextAreaElement).value);
  return undefined;
}

const CONTROL_SELECTOR = 'input:not([type=hidden]):not([type=button]):not([type=submit]),select,textarea';

/**
 * The value shown by a value element: its (first) control's value, else its text. One pass over
 * the subtree (no selector matching per call: tables call this for every cell).
 */
export function valueOf(el: Element): string {
  const own = controlValue(el);
  if (own !== undefined) return own;
  // Fast path (most grid cells: `<td><div>text</div></td>`): no control and nothing skipped in the
  // subtree, so the walk below would collect exactly `textContent` — read it in one native call.
  if (isPlainShallow(el)) return normalizeSpace(el.textContent);
  const parts: string[] = [];
  const control = walkValue(el, parts);
  if (control !== undefined) return control;
  return normalizeSpace(parts.join(''));
}

/** Elements a plain-text fast path must not see inside a value: controls (value ≠ text) and skipped text. */
const NOT_PLAIN = new Set(['INPUT', 'SELECT', 'TEXTAREA', ...SKIP_TEXT]);

/** True when `el`'s element descendants (checked two levels deep, else false) hold no control or skipped text. */
function isPlainShallow(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (NOT_PLAIN.has(c.tagName)) return false;
    for (let g = c.firstElementChild; g; g = g.nextElementSibling) {
      if (NOT_PLAIN.has(g.tagName) || g.firstElementChild) return false;
    }
  }
  return true;
}

/** Collects text; returns the first user-visible control's value as soon as one is met. */
function walkValue(node: Node, out: string[]): string | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.nodeValue ?? '');
    else if (c.nodeType === 1) {
      const e = c as Element;
      if (SKIP_TEXT.has(e.tagName)) continue;
      const v = controlValue(e);
      if (v !== undefined) return v;
      const inner = walkValue(e, out);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Label index

/** Label text → the elements that carry it, built in one pass over the text of a root. */
export interface LabelIndex {
  root: ParentNode;
  byLabel: Map<string, Element[]>;
}

/** Labels are short; longer text nodes are content, not labels. */
const MAX_LABEL_LENGTH = 60;

/** Text inside these is navigation or a choice — never a label. */
const NOT_A_LABEL =
  'a,button,option,select,textarea,nav,[role=navigation],[role=menu],[role=menubar],[role=menuitem],[role=tab],[role=tablist],[role=option]';
/**
 * Section titles are not *field* labels for `valueByLabel`: a pod titled "SLA" must not be read as
 * the field "SLA", nor a "Company" pod title stand in for a renamed "Company" field (that would hide
 * drift). `labelElement` still finds them (a heading can anchor a reader, e.g. "Your secure score").
 */
const NOT_A_FIELD_LABEL = `${NOT_A_LABEL},h1,h2,h3,h4,h5,h6,caption,legend,[role=heading],.mm_podHeader,.DetailsSectionHeading`;

/** One pass over the text nodes under `root`, indexing short texts by their normalised form. */
export function indexLabels(root: ParentNode): LabelIndex {
  const byLabel = new Map<string, Element[]>();
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const raw = n.nodeValue;
    if (!raw || raw.length > MAX_LABEL_LENGTH * 2) continue;
    const parent = n.parentElement;
    if (!parent || SKIP_TEXT.has(parent.tagName)) continue;
    const key = normalizeLabel(raw);
    if (!key || key.length > MAX_LABEL_LENGTH) continue;
    const list = byLabel.get(key);
    if (list) {
      if (list[list.length - 1] !== parent) list.push(parent);
    } else byLabel.set(key, [parent]);
  }
  return { root, byLabel };
}

function isLabelLike(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'LABEL' || tag === 'TH' || tag === 'DT') return true;
  const cls = el.classList;
  return cls.contains('mm_label') || cls.contains('cw_CwLabel') || (el.id !== '' && el.id.endsWith('-label'));
}

/** Element carries only decoration (`*`, `:`) or nothing worth reading as a value. */
const ORNAMENTS = new Set(['BR', 'HR', 'IMG', 'WBR', 'svg', 'SVG']);

function isDecoration(el: Element): boolean {
  if (SKIP_TEXT.has(el.tagName) || ORNAMENTS.has(el.tagName) || isHiddenByMarkup(el)) return true;
  if (el.tagName === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  if (el.querySelector(CONTROL_SELECTOR)) return false;
  if (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA') return false;
  const t = text(el);
  return t !== '' && /^[*:\s]+$/.test(t);
}

/** How many ancestor levels we climb from a label to find its value container. */
const MAX_CLIMB = 4;

/**
 * The value belonging to one label element, or `undefined` when this element does not look like a
 * label of a label/value pair (so the caller can try the next occurrence).
 */
function valueForLabelElement(label: Element, doc: Document): string | undefined {
  if (label.closest(NOT_A_FIELD_LABEL)) return undefined;
  // <label for=…>: follow the link (ids may change per load, but the link is read live).
  const forId = label.getAttribute('for');
  if (label.tagName === 'LABEL' && forId) {
    const target = doc.getElementById(forId);
    if (target) return valueOf(target);
  }
  // A control nested in the label: <label>Company <input></label>.
  const nested = label.querySelector(CONTROL_SELECTOR);
  if (nested) return controlValue(nested) ?? '';
  // Next meaningful sibling, climbing while the label is the last thing in its container.
  let cur: Element | null = label;
  for (let level = 0; cur && level <= MAX_CLIMB; level++) {
    let sib: Element | null = cur.nextElementSibling;
    while (sib && isDecoration(sib)) sib = sib.nextElementSibling;
    if (sib) {
      // Header rows (<th>Company</th><th>Status</th>) and a label followed by a label: not a pair.
      if (isLabelLike(sib) && !sib.querySelector(CONTROL_SELECTOR)) return undefined;
      if (cur.tagName === 'DT' && sib.tagName !== 'DD') return undefined;
      return valueOf(sib);
    }
    // Text right after the label inside the same element: <div><b>Status:</b> Open</div>.
    const tail = trailingText(cur);
    if (tail) return tail;
    cur = cur.parentElement;
    if (!cur || cur === doc.body || cur === doc.documentElement) return undefined;
  }
  return undefined;
}

function trailingText(el: Element): string {
  let s = '';
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 3) s += n.nodeValue ?? '';
  return normalizeSpace(s).replace(/^[*:\s]+/, '');
}

/**
 * Finds a field by its visible label and returns its value: an `<input>`'s `.value`, a `<select>`'s
 * selected text, or the text of the value element next to (or inside) the label's container.
 * Labels match case-, space-, `*`- and `:`-insensitively, tried in the order given. Returns the
 * first non-empty value; `''` when the label is there but its value is empty; `undefined` when no
 * label was found. Pass a `LabelIndex` (from `indexLabels`) to read many fields in one DOM pass.
 */
export function valueByLabel(rootOrIndex: ParentNode | LabelIndex, labels: readonly string[]): string | undefined {
  const index = 'byLabel' in rootOrIndex ? rootOrIndex : indexLabels(rootOrIndex);
  const root = index.root as Node;
  const doc = root.ownerDocument ?? (root as Document);
  let empty: string | undefined;
  for (const label of labels) {
    const els = index.byLabel.get(normalizeLabel(label));
    if (!els) continue;
    for (const el of els) {
      const v = valueForLabelElement(el, doc);
      if (v === undefined) continue;
      if (v !== '') return v;
      empty = '';
    }
  }
  return empty;
}

/** The label element for a field (first usable occurrence), e.g. to read a sibling link's href. */
export function labelElement(rootOrIndex: ParentNode | LabelIndex, labels: readonly string[]): Element | undefined {
  const index = 'byLabel' in rootOrIndex ? rootOrIndex : indexLabels(rootOrIndex);
  for (const label of labels) {
    const els = index.byLabel.get(normalizeLabel(label));
    const el = els?.find((e) => !e.closest(NOT_A_LABEL));
    if (el) return el;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface TableRow<K extends string> {
  /** Cell text (or control value) per mapped column; absent when the row has no such cell. */
  values: Partial<Record<K, string>>;
  cells: Partial<Record<K, HTMLTableCellElement>>;
  element: HTMLTableRowElement;
}

export interface TableReading<K extends string> {
  /** Column index per key (visual index, colspans counted). */
  columns: Partial<Record<K, number>>;
  rows: TableRow<K>[];
}

export interface ReadTableOptions {
  /** Header lives in another table (grids with a frozen header). */
  headerTable?: HTMLTableElement;
  /** Only rows matching this selector (e.g. `tr.cw-ml-row`). */
  rowSelector?: string;
  /** Keep rows hidden by markup (default: skipped). */
  includeHiddenRows?: boolean;
}

/** Visual column index → cell, counting colspans. */
function cellsByColumn(row: HTMLTableRowElement): Map<number, HTMLTableCellElement> {
  const out = new Map<number, HTMLTableCellElement>();
  let col = 0;
  for (const cell of Array.from(row.cells)) {
    out.set(col, cell);
    col += Math.max(1, cell.colSpan || 1);
  }
  return out;
}

/** The header row: last `<thead>` row, else the first row with `<th>`, else the first row. */
export function headerRowOf(table: HTMLTableElement): HTMLTableRowElement | undefined {
  const head = table.tHead;
  if (head && head.rows.length > 0) return head.rows[head.rows.length - 1];
  const rows = table.rows;
  for (let i = 0; i < rows.length && i < 5; i++) {
    const r = rows[i]!;
    if (r.querySelector(':scope > th')) return r;
  }
  return rows[0] ?? undefined;
}

/**
 * Maps header text to column index: a visible column wins over a hidden one with the same header.
 * Unknown headers are ignored; a key with no header is absent from `columns`.
 */
export function mapColumns<K extends string>(
  headerRow: HTMLTableRowElement,
  headerAliases: Readonly<Record<K, readonly string[]>>,
): Partial<Record<K, number>> {
  const wanted = new Map<string, K>();
  for (const key of Object.keys(headerAliases) as K[]) {
    for (const alias of headerAliases[key]) if (!wanted.has(normalizeLabel(alias))) wanted.set(normalizeLabel(alias), key);
  }
  const columns: Partial<Record<K, number>> = {};
  const hiddenOnly = new Set<K>();
  for (const [col, cell] of cellsByColumn(headerRow)) {
    const key = wanted.get(normalizeLabel(text(cell) || cell.getAttribute('title') || cell.getAttribute('aria-label')));
    if (!key) continue;
    const hidden = isHiddenByMarkup(cell);
    if (columns[key] === undefined) {
      columns[key] = col;
      if (hidden) hiddenOnly.add(key);
    } else if (hiddenOnly.has(key) && !hidden) {
      columns[key] = col;
      hiddenOnly.delete(key);
    }
  }
  return columns;
}

/**
 * Reads a table by its header text: `headerAliases` maps each key to the header texts that mean it
 * (`{ id: ['Ticket #', 'Ticket'], company: ['Company'] }`). Rows are every body row after the header
 * row (hidden rows skipped unless asked), each as a record of cell values.
 */
export function readTable<K extends string>(
  table: HTMLTableElement,
  headerAliases: Readonly<Record<K, readonly string[]>>,
  opts: ReadTableOptions = {},
): TableReading<K> {
  const headerRow = headerRowOf(opts.headerTable ?? table);
  if (!headerRow) return { columns: {}, rows: [] };
  const columns = mapColumns(headerRow, headerAliases);
  // Visual column index → the keys read from it (in `columns` order), so each row is one pass over
  // its cells with no per-row map (measured: the per-row Map + Array.from were 13% of a board read).
  const keysAt: K[][] = [];
  for (const key of Object.keys(columns) as K[]) (keysAt[columns[key]!] ??= []).push(key);
  const head = table.tHead;
  const rows: TableRow<K>[] = [];
  const all = table.rows;
  for (let r = 0; r < all.length; r++) {
    const row = all[r]!;
    if (row === headerRow) continue;
    const parent = row.parentElement;
    if (parent === head || parent?.tagName === 'THEAD') continue;
    if (opts.rowSelector && !row.matches(opts.rowSelector)) continue;
    if (!opts.includeHiddenRows && isHiddenByMarkup(row)) continue;
    const rowCells = row.cells;
    if (rowCells.length === 0) continue;
    const values: Partial<Record<K, string>> = {};
    const cells: Partial<Record<K, HTMLTableCellElement>> = {};
    let col = 0;
    for (let i = 0; i < rowCells.length && col < keysAt.length; i++) {
      const cell = rowCells[i]!;
      const keys = keysAt[col];
      if (keys) {
        const value = valueOf(cell);
        for (const key of keys) {
          cells[key] = cell;
          values[key] = value;
        }
      }
      col += Math.max(1, cell.colSpan || 1);
    }
    rows.push({ values, cells, element: row });
  }
  return { columns, rows };
}

/**
 * The first table under `root` whose header row names every key in `requiredKeys` (by the aliases
 * in `headerAliases`). Lets adapters find a grid by its header text instead of by class or id.
 */
export function findTableByHeaders<K extends string>(
  root: ParentNode,
  headerAliases: Readonly<Record<K, readonly string[]>>,
  requiredKeys: readonly K[],
  selector = 'table',
): HTMLTableElement | undefined {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>(selector))) {
    const header = headerRowOf(table);
    if (!header) continue;
    const cols = mapColumns(header, headerAliases);
    if (requiredKeys.every((k) => cols[k] !== undefined)) return table;
  }
  return undefined;
}
