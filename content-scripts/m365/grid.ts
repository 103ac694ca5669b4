/**
 * Reading a grid by its header text, whether it is a real `<table>` (Azure portal / Entra blades)
 * or a Fluent UI `DetailsList` built from ARIA roles (`role=grid` → `role=columnheader` /
 * `role=row` → `role=gridcell|rowheader`, with `aria-colindex`), as the Microsoft 365 admin center
 * renders its lists. Fluent lists are virtualised: `aria-rowcount` tells how many rows exist, so a
 * reader can tell "all rows rendered" from "only the first screenful".
 */
import { findTableByHeaders, normalizeLabel, readTable, text, valueOf } from '../core/dom';

export interface GridReading<K extends string> {
  columns: Partial<Record<K, number>>;
  rows: Array<Partial<Record<K, string>>>;
  /** Data rows the grid says it has (`aria-rowcount` minus header rows, or a "Showing 1 - 25 of 58" pager). */
  declaredRows?: number;
}

/** A pager beside a table grid: "Showing 1 - 25 of 58", "1–25 of 58". */
const PAGER = /(?:showing\s+)?\d+\s*[-–]\s*\d+\s+of\s+(\d[\d,.]*)/i;

/** Rows the pager next to `table` announces (its container's own text, not the whole page). */
function pagerTotal(table: Element): number | undefined {
  for (let el = table.nextElementSibling; el; el = el.nextElementSibling) {
    const m = PAGER.exec(text(el));
    if (m) return Number(m[1]!.replace(/[,.]/g, ''));
  }
  return undefined;
}

const GRID_SELECTOR = '[role=grid],[role=treegrid]';

function aliasMap<K extends string>(aliases: Readonly<Record<K, readonly string[]>>): Map<string, K> {
  const m = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) if (!m.has(normalizeLabel(a))) m.set(normalizeLabel(a), key);
  return m;
}

/** Header text of a column header cell: its own text, else its title / aria-label (icon-only headers). */
const headerText = (el: Element): string => text(el) || el.getAttribute('aria-label') || el.getAttribute('title') || '';

function ariaColumns<K extends string>(grid: Element, wanted: Map<string, K>): { columns: Partial<Record<K, number>>; headerCount: number } {
  const columns: Partial<Record<K, number>> = {};
  const headers = grid.querySelectorAll('[role=columnheader]');
  headers.forEach((h, i) => {
    const key = wanted.get(normalizeLabel(headerText(h)));
    const col = h.hasAttribute('aria-colindex') ? Number(h.getAttribute('aria-colindex')) : i + 1;
    if (key && columns[key] === undefined) columns[key] = col;
  });
  return { columns, headerCount: headers.length };
}

/**
 * The first grid under `root` whose headers name every `required` key, read into rows of values.
 * `undefined` when there is no such grid.
 */
export function readGrid<K extends string>(
  root: ParentNode,
  aliases: Readonly<Record<K, readonly string[]>>,
  required: readonly NoInfer<K>[],
): GridReading<K> | undefined {
  const wanted = aliasMap(aliases);
  for (const grid of Array.from(root.querySelectorAll(GRID_SELECTOR))) {
    if (grid.tagName === 'TABLE') continue; // handled below with the table reader
    const { columns } = ariaColumns(grid, wanted);
    if (!required.every((k) => columns[k] !== undefined)) continue;
    const keys = Object.keys(columns) as K[];
    const rows: Array<Partial<Record<K, string>>> = [];
    let headerRows = 0;
    for (const row of Array.from(grid.querySelectorAll('[role=row]'))) {
      const cells = row.querySelectorAll('[role=gridcell],[role=rowheader]');
      if (cells.length === 0) {
        if (row.querySelector('[role=columnheader]')) headerRows++;
        continue;
      }
      const byCol = new Map<number, Element>();
      cells.forEach((c, i) => byCol.set(c.hasAttribute('aria-colindex') ? Number(c.getAttribute('aria-colindex')) : i + 1, c));
      const values: Partial<Record<K, string>> = {};
      for (const k of keys) {
        const cell = byCol.get(columns[k]!);
        if (cell) values[k] = cellValue(cell);
      }
      rows.push(values);
    }
    const declared = Number(grid.getAttribute('aria-rowcount'));
    return { columns, rows, ...(declared > 0 ? { declaredRows: declared - Math.max(1, headerRows) } : {}) };
  }
  const table = findTableByHeaders(root, aliases, required);
  if (!table) return undefined;
  const t = readTable(table, aliases);
  const total = pagerTotal(table);
  return { columns: t.columns, rows: t.rows.map((r) => r.values), ...(total !== undefined ? { declaredRows: total } : {}) };
}

/** A cell's value: text, else the aria-label/title of an icon (✓ "Yes"), else a control's value. */
function cellValue(cell: Element): string {
  const v = valueOf(cell);
  if (v) return v;
  const labelled = cell.querySelector('[aria-label],[title]');
  return labelled?.getAttribute('aria-label') ?? labelled?.getAttribute('title') ?? '';
}

/** Yes/no as the admin centers print it (text or icon label); `undefined` when it is neither. */
export function yesNo(s: string | undefined): boolean | undefined {
  const v = normalizeLabel(s);
  if (/^(yes|true|registered|capable|enabled|active|on|✓|✔)$/.test(v)) return true;
  if (/^(no|false|not registered|not capable|disabled|blocked|inactive|off|-|—|✗|✕)$/.test(v)) return false;
  return undefined;
}

/**
 * A count as printed: `1,250`, `1 250`, `1.250` (de), `1'250` (ch). Counts are integers, so every
 * separator is a thousands separator. `undefined` for anything else.
 */
export function parseCount(s: string | undefined): number | undefined {
  const t = (s ?? '').trim();
  if (!/^\d{1,3}([,.\s\u00a0\u202f']\d{3})*$|^\d+$/.test(t)) return undefined;
  return Number(t.replace(/[^\d]/g, ''));
}

/** A score as printed: `412.5`, `412,5` (de/fr), `1,412.5`. */
export function parseScore(s: string | undefined): number | undefined {
  let t = (s ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}
