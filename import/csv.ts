/**
 * Ticket exports (CSV) from ConnectWise, Autotask and HaloPSA → ticket observations. Pure (no
 * storage): `parseTicketCsv` reads the file and reports every problem per row; `apply.ts` stores
 * the result only when there is none (all-or-nothing, PRODUCT §5).
 *
 * - Columns are recognised by their header names per PSA (`CSV_PROFILES`). An unknown header set
 *   comes back with `needsMapping` and its headers, so the user maps them once (`mapping`).
 * - Dates: US and EU orders. The order is inferred from the file when some date proves it
 *   (`13/11/2026` is day-first); otherwise `dateOrder` decides; without it an ambiguous date is an
 *   error and `needsDateOrder` is set. 12 h (`8:42 PM`) and 24 h clocks; wall times are local to
 *   `timeZone` (the user's).
 * - Ticket ids follow the page readers' convention (`ticket:<host>:<ticketId>`), so a ticket
 *   imported with the PSA's host and later read on its page is one record.
 */
import Papa from 'papaparse';
import { inferDateOrder, parsePsaDateTime, type DateOrder } from '../content-scripts/core/dates';
import { signalId } from '../content-scripts/core/ids';
import type { Observation } from '../content-scripts/core/types';
import { zodErrors } from '../engine/config';
import { TicketSignal, type TicketSla } from '../engine/signals';

export const PSA_FORMATS = ['connectwise', 'autotask', 'halopsa'] as const;
export type PsaFormat = (typeof PSA_FORMATS)[number];

export const TICKET_FIELDS = [
  'ticketId',
  'company',
  'companyId',
  'summary',
  'priority',
  'status',
  'category',
  'openedAt',
  'respondedAt',
  'resolvedAt',
  'closedAt',
  'slaMet',
  'responseMet',
  'resolutionMet',
  'slaExcluded',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
/** Field → the CSV column (header text) it is read from. */
export type ColumnMapping = Partial<Record<TicketField, string>>;

export const REQUIRED_FIELDS: readonly TicketField[] = ['ticketId', 'company', 'openedAt'];
export const FIELD_LABELS: Record<TicketField, string> = {
  ticketId: 'Ticket number',
  company: 'Company',
  companyId: 'Company id',
  summary: 'Summary',
  priority: 'Priority',
  status: 'Status',
  category: 'Category / type',
  openedAt: 'Opened',
  respondedAt: 'Responded',
  resolvedAt: 'Resolved',
  closedAt: 'Closed',
  slaMet: 'SLA met (overall)',
  responseMet: 'Response SLA met',
  resolutionMet: 'Resolution SLA met',
  slaExcluded: 'Excluded from SLA',
};
const DATE_FIELDS = ['openedAt', 'respondedAt', 'resolvedAt', 'closedAt'] as const;
const BOOL_FIELDS = ['slaMet', 'responseMet', 'resolutionMet', 'slaExcluded'] as const;

/**
 * Header names each PSA's ticket export uses, per field, most specific first (compared after
 * `normaliseHeader`: lower case, single spaces).
 */
export const CSV_PROFILES: Record<PsaFormat, Record<TicketField, readonly string[]>> = {
  connectwise: {
    ticketId: ['ticket #', 'ticket#', 'ticket nbr', 'ticket no', 'service ticket #', 'ticket number'],
    company: ['company', 'company name'],
    companyId: ['company id', 'company identifier'],
    summary: ['summary', 'summary description', 'ticket summary'],
    priority: ['priority'],
    status: ['status'],
    category: ['type', 'subtype', 'board', 'service board'],
    openedAt: ['date entered', 'entered', 'date created', 'created'],
    respondedAt: ['date responded', 'responded', 'first response'],
    resolvedAt: ['resolved date', 'date resolved', 'resolved'],
    closedAt: ['closed date', 'date closed', 'closed'],
    slaMet: ['met sla', 'sla met', 'in sla', 'sla status'],
    responseMet: ['response met', 'responded within sla'],
    resolutionMet: ['resolution met', 'resolved within sla'],
    slaExcluded: ['exclude from sla', 'excluded from sla'],
  },
  autotask: {
    ticketId: ['ticket number', 'ticket #'],
    company: ['account', 'account name', 'company'],
    companyId: ['account id'],
    summary: ['title', 'ticket title'],
    priority: ['priority'],
    status: ['status'],
    category: ['issue type', 'sub-issue type', 'queue', 'ticket category'],
    openedAt: ['created', 'create date', 'created date/time', 'create date/time', 'created date'],
    respondedAt: ['first response date/time', 'first response date', 'first response'],
    resolvedAt: ['resolved date/time', 'resolved date', 'resolution date'],
    closedAt: ['complete date', 'completed date', 'complete date/time', 'completed date/time'],
    slaMet: ['sla met', 'service level agreement met'],
    responseMet: ['first response met', 'first response sla met'],
    resolutionMet: ['resolution met', 'resolution plan met'],
    slaExcluded: ['exclude from sla'],
  },
  halopsa: {
    ticketId: ['id', 'ticket id', 'request id', 'ticket number'],
    company: ['client', 'client name', 'customer'],
    companyId: ['client id', 'client_id'],
    summary: ['summary', 'subject'],
    priority: ['priority'],
    status: ['status'],
    category: ['category', 'category 1', 'request type', 'ticket type'],
    openedAt: ['date logged', 'date occurred', 'date opened', 'logged'],
    respondedAt: ['response date', 'date responded', 'responded date'],
    resolvedAt: ['date resolved', 'resolved date'],
    closedAt: ['date closed', 'closed date'],
    slaMet: ['sla status', 'sla met', 'sla state'],
    responseMet: ['response target met', 'response sla met', 'response state'],
    resolutionMet: ['fix target met', 'resolution target met', 'fix by met'],
    slaExcluded: ['excluded from sla', 'exclude from sla'],
  },
};

export interface CsvImportOptions {
  /** The user's IANA time zone: export dates without an offset are local to it. */
  timeZone: string;
  /** When the import runs (becomes `observedAt`). */
  now: Date;
  /** The PSA's host (`acme.myconnectwise.net`), so ids match page readings. Default `csv-import`. */
  host?: string;
  /** The user's column mapping (field → header text); wins over recognised columns. */
  mapping?: ColumnMapping;
  /** Day/month order when the file does not prove it. */
  dateOrder?: 'MDY' | 'DMY';
  /** Treat the file as this PSA's export instead of detecting it. */
  format?: PsaFormat;
  /** Refuse files with more data rows than this (default 100,000). */
  maxRows?: number;
}

export interface CsvError {
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  row: number;
  column?: string;
  message: string;
}

export interface CsvImportResult {
  format: PsaFormat | 'mapped' | null;
  headers: string[];
  /** The field → column mapping actually used. */
  mapping: ColumnMapping;
  /** The headers matched no known export and the mapping does not cover the required fields. */
  needsMapping: boolean;
  /** Some dates are ambiguous (`05/11/2026`) and neither the file nor `dateOrder` decides. */
  needsDateOrder: boolean;
  /** Day/month order used for ambiguous dates, when known. */
  dateOrder?: 'MDY' | 'DMY';
  /** Data rows in the file. */
  rows: number;
  observations: Observation[];
  /** Spreadsheet row of each observation (same order), for error messages after parsing. */
  observationRows: number[];
  errors: CsvError[];
  warnings: string[];
}

export const DEFAULT_IMPORT_HOST = 'csv-import';

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Which PSA's export these headers look like, and the mapping to its columns; null if none. */
export function detectFormat(headers: readonly string[]): { format: PsaFormat; mapping: ColumnMapping } | null {
  let best: { format: PsaFormat; mapping: ColumnMapping; score: number } | null = null;
  for (const format of PSA_FORMATS) {
    const mapping = profileMapping(CSV_PROFILES[format], headers);
    if (!REQUIRED_FIELDS.every((f) => mapping[f])) continue;
    const score = Object.keys(mapping).length;
    if (!best || score > best.score) best = { format, mapping, score };
  }
  return best && { format: best.format, mapping: best.mapping };
}

function profileMapping(profile: Record<TicketField, readonly string[]>, headers: readonly string[]): ColumnMapping {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normaliseHeader(h))) byNorm.set(normaliseHeader(h), h);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of TICKET_FIELDS) {
    for (const alias of profile[field]) {
      const h = byNorm.get(alias);
      if (h !== undefined && !used.has(h)) {
        mapping[field] = h;
        used.add(h);
        break;
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------

export function parseTicketCsv(text: string, opts: CsvImportOptions): CsvImportResult {
  const result: CsvImportResult = {
    format: null,
    headers: [],
    mapping: {},
    needsMapping: false,
    needsDateOrder: false,
    rows: 0,
    observations: [],
    observationRows: [],
    errors: [],
    warnings: [],
  };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.replace(/^\uFEFF/, '').trim(),
  });
  result.headers = (parsed.meta.fields ?? []).filter((h) => h !== '');
  result.rows = parsed.data.length;
  const maxRows = opts.maxRows ?? 100_000;
  if (result.rows > maxRows) {
    result.errors.push({ row: 1, message: `the file has ${result.rows} rows; at most ${maxRows} can be imported at once` });
    return result;
  }
  // A one-column or empty file has no delimiter to detect: not an error in itself.
  for (const e of parsed.errors.filter((x) => x.code !== 'UndetectableDelimiter')) {
    // Papa's `row` is the index of the record among the data rows.
    const row = e.row === undefined ? 1 : e.row + 2;
    result.errors.push({ row, message: papaMessage(e) });
  }
  if (result.headers.length === 0) {
    result.errors.push({ row: 1, message: 'the file has no header row' });
    return result;
  }
  const dupHeaders = result.headers.filter((h, i) => result.headers.indexOf(h) !== i);
  if (dupHeaders.length) result.warnings.push(`repeated column names (the last one is used): ${[...new Set(dupHeaders)].join(', ')}`);

  // Columns: the forced or detected PSA profile, then the user's mapping over it.
  const detected = opts.format
    ? { format: opts.format, mapping: profileMapping(CSV_PROFILES[opts.format], result.headers) }
    : detectFormat(result.headers);
  const mapping: ColumnMapping = { ...(detected?.mapping ?? {}) };
  for (const [field, column] of Object.entries(opts.mapping ?? {}) as [TicketField, string | undefined][]) {
    if (!column) continue;
    if (!result.headers.includes(column)) {
      result.errors.push({ row: 1, column, message: `mapped column "${column}" (${FIELD_LABELS[field]}) is not in the file` });
      continue;
    }
    mapping[field] = column;
  }
  result.mapping = mapping;
  const recognised = !!detected && REQUIRED_FIELDS.every((f) => detected.mapping[f]);
  result.format = recognised ? detected.format : 'mapped';
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) {
    result.needsMapping = true;
    result.format = null;
    result.errors.push({
      row: 1,
      message: `columns not recognised: choose the columns for ${missing.map((f) => FIELD_LABELS[f]).join(', ')}`,
    });
    return result;
  }
  if (result.errors.length) return result;

  // Day/month order: the option, else what the file proves.
  const dateColumns = DATE_FIELDS.map((f) => mapping[f]).filter((c): c is string => !!c);
  const samples = parsed.data.flatMap((r) => dateColumns.map((c) => r[c] ?? '')).filter((v) => v.trim() !== '');
  const order = opts.dateOrder ?? mixedOrderCheck(samples, result) ?? inferDateOrder(samples);
  if (order) result.dateOrder = order;
  if (result.errors.length) return result;

  const host = opts.host?.trim() || DEFAULT_IMPORT_HOST;
  const observedAt = opts.now.toISOString();
  const firstRowOf = new Map<string, number>();
  const ambiguousColumns = new Set<string>();

  parsed.data.forEach((record, i) => {
    const row = i + 2;
    const cell = (f: TicketField): string | undefined => {
      const c = mapping[f];
      const v = c ? record[c] : undefined;
      const t = v?.trim();
      return t ? t : undefined;
    };
    const rowErrors: CsvError[] = [];
    const err = (f: TicketField | undefined, message: string) =>
      rowErrors.push({ row, ...(f && mapping[f] ? { column: mapping[f] } : {}), message });

    const ticketId = cell('ticketId');
    const company = cell('company');
    if (!ticketId) err('ticketId', `${FIELD_LABELS.ticketId} is empty`);
    if (!company) err('company', `${FIELD_LABELS.company} is empty`);

    const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
    for (const f of DATE_FIELDS) {
      const raw = cell(f);
      if (!raw) {
        if (f === 'openedAt') err(f, `${FIELD_LABELS.openedAt} is empty`);
        continue;
      }
      const parsedDate = parsePsaDateTime(raw, { timeZone: opts.timeZone, dateOrder: order as DateOrder | undefined });
      if (parsedDate) dates[f] = parsedDate.instant;
      else if (!order && isAmbiguousNumericDate(raw)) {
        result.needsDateOrder = true;
        if (!ambiguousColumns.has(mapping[f]!)) {
          ambiguousColumns.add(mapping[f]!);
          err(f, `"${raw}" could be day-first or month-first: choose the date order (US month/day or EU day/month)`);
        }
      } else err(f, `"${raw}" is not a date Metronome can read`);
    }

    const bools: Partial<Record<(typeof BOOL_FIELDS)[number], boolean>> = {};
    for (const f of BOOL_FIELDS) {
      const raw = cell(f);
      if (!raw) continue;
      const b = parseYesNo(raw);
      if (b === null) err(f, `"${raw}" is not a yes/no (met/missed) value`);
      else if (b !== undefined) bools[f] = b;
    }

    if (rowErrors.length || !ticketId || !company || !dates.openedAt) {
      result.errors.push(...rowErrors);
      return;
    }

    const id = signalId('ticket', host, ticketId);
    const seen = firstRowOf.get(id);
    if (seen !== undefined) result.warnings.push(`row ${row}: ticket ${ticketId} also on row ${seen}; the later row is used`);
    else firstRowOf.set(id, row);

    const sla = slaOf(bools);
    const companyId = cell('companyId');
    const obs = {
      id,
      kind: 'ticket' as const,
      observedAt,
      source: { host, pageType: 'import' as const, url: '', reader: 'csv' },
      ticketId,
      summary: cell('summary')?.slice(0, 2000),
      priority: cell('priority')?.slice(0, 500),
      status: cell('status')?.slice(0, 500),
      category: cell('category')?.slice(0, 500),
      companyName: company.slice(0, 500),
      openedAt: dates.openedAt,
      respondedAt: dates.respondedAt,
      resolvedAt: dates.resolvedAt,
      closedAt: dates.closedAt,
      sla,
    };
    const clean = Object.fromEntries(Object.entries(obs).filter(([, v]) => v !== undefined));
    // The same schema the store uses, so nothing that passes here can fail there.
    const check = TicketSignal.safeParse({ ...clean, accountId: '(import)' });
    if (!check.success) {
      for (const e of zodErrors(check.error)) result.errors.push({ row, message: `${e.path}: ${e.message}` });
      return;
    }
    const { accountId: _a, ...signal } = check.data;
    result.observations.push({ ...signal, company: { name: company.slice(0, 300), ...(companyId ? { psaId: companyId } : {}) } });
    result.observationRows.push(row);
  });

  if (result.rows === 0) result.errors.push({ row: 2, message: 'the file has no ticket rows' });
  return result;
}

/**
 * A column that proves both orders (`13/11/2026` and `11/13/2026`) cannot be read safely: report it.
 * Returns undefined (so inference decides) when there is no conflict.
 */
function mixedOrderCheck(samples: readonly string[], result: CsvImportResult): undefined {
  let dmy: string | undefined;
  let mdy: string | undefined;
  for (const s of samples) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(s.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy ??= s;
    else if (b > 12 && a <= 12) mdy ??= s;
  }
  if (dmy && mdy)
    result.errors.push({ row: 1, message: `the dates mix day-first ("${dmy}") and month-first ("${mdy}") orders; fix the file` });
  return undefined;
}

function isAmbiguousNumericDate(raw: string): boolean {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}/.exec(raw.trim());
  return !!m && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2];
}

const YES = new Set(['yes', 'y', 'true', '1', 'met', 'met sla', 'within', 'within sla', 'inside', 'inside sla', 'in sla', 'ok', 'achieved', 'i']);
const NO = new Set([
  'no', 'n', 'false', '0', 'missed', 'not met', 'breached', 'failed', 'outside', 'outside sla', 'out of sla', 'overdue', 'o',
]);
const UNKNOWN = new Set(['n/a', 'na', '-', '--', 'none', 'unknown', 'pending', 'not applicable']);

/** true / false, undefined for "not known", null for text that is not a yes/no. */
export function parseYesNo(raw: string): boolean | undefined | null {
  const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (UNKNOWN.has(t) || t === '') return undefined;
  return null;
}

/**
 * SLA from the export's columns. An overall "SLA met" fills in the per-target values the file
 * lacks: met → both met; missed → the target not known to be met is counted as missed (SLA
 * adherence needs both met, DECISIONS §7, so the ticket counts as missed either way).
 */
function slaOf(b: Partial<Record<(typeof BOOL_FIELDS)[number], boolean>>): TicketSla | undefined {
  let responseMet = b.responseMet;
  let resolutionMet = b.resolutionMet;
  if (b.slaMet === true) {
    responseMet ??= true;
    resolutionMet ??= true;
  } else if (b.slaMet === false) {
    if (responseMet === true) resolutionMet ??= false;
    else if (resolutionMet === true) responseMet ??= false;
    else {
      responseMet ??= false;
      resolutionMet ??= false;
    }
  }
  const sla: TicketSla = {
    ...(responseMet !== undefined ? { responseMet } : {}),
    ...(resolutionMet !== undefined ? { resolutionMet } : {}),
    ...(b.slaExcluded ? { excluded: true } : {}),
  };
  return Object.keys(sla).length ? sla : undefined;
}

function papaMessage(e: Papa.ParseError): string {
  switch (e.code) {
    case 'TooFewFields':
      return 'this row has fewer columns than the header';
    case 'TooManyFields':
      return 'this row has more columns than the header (a comma outside quotes?)';
    case 'MissingQuotes':
      return 'a quoted value is not closed';
    default:
      return e.message;
  }
}
