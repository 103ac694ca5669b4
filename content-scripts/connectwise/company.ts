/**
 * ConnectWise company detail (`routeTo=CompanyFV`, `recordType=CompanyFv`): the company's name and
 * identifier (the id the PSA and Metronome's account link share), its account manager (→ role
 * `am`), and the contacts list with titles → one `accountFacts` signal.
 */
import { findTableByHeaders, indexLabels, readTable, valueByLabel } from '../core/dom';
import { signalId } from '../core/ids';
import { missingFields, pageHost } from '../core/detect';
import type { AccountFactsSignal } from '../../engine/signals';
import type { Observation, PageReading, PageTypeReader, ReadContext } from '../core/types';
import { ADAPTER, clean, compact, cwScreenOf, findText, observedAt, source } from './shared';

export const COMPANY_LABELS = {
  name: ['Company Name', 'Name'],
  identifier: ['Company ID', 'Company Identifier', 'Identifier'],
  accountManager: ['Account Manager', 'Account Mgr'],
  fiscalYearEnd: ['Fiscal Year End', 'Fiscal Year-End', 'FYE'],
} as const;

export const CONTACT_COLUMNS = {
  name: ['Name', 'Contact', 'Contact Name'],
  first: ['First Name'],
  last: ['Last Name'],
  title: ['Title', 'Job Title'],
  email: ['Email', 'Email Address', 'Default Email'],
} as const;

const REQUIRED = ['companyName', 'companyId'] as const;
const HEADER = /^Company\s*[:\-–]\s*\S/i;
const MAX_CONTACTS = 500;

export const companyReader: PageTypeReader = {
  id: 'connectwise/company',
  adapter: ADAPTER,
  pageType: 'company',
  required: REQUIRED,
  matchesUrl: (url) => cwScreenOf(url) === 'company',
  matchesDocument: (doc) =>
    doc.querySelector('.pod_company_detail, .pod_company_header, [class*="pod_company"]') !== null ||
    findText(doc, '.mm_podHeader, .gwt-Label, h1, h2', HEADER) !== undefined,
  read: readCompany,
};

function readCompany(doc: Document, ctx: ReadContext): PageReading {
  const warnings: string[] = [];
  const base = { adapter: ADAPTER, pageType: 'company' as const, warnings };
  const idx = indexLabels(doc.body ?? doc);
  const v = (labels: readonly string[]): string | undefined => valueByLabel(idx, labels);
  const name = clean(v(COMPANY_LABELS.name), 300);
  const identifier = clean(v(COMPANY_LABELS.identifier), 200);
  const missing = missingFields(REQUIRED, { companyName: name, companyId: identifier });
  if (missing.length > 0) return { ...base, observations: [], missing };

  const host = pageHost(ctx.url);
  const am = clean(v(COMPANY_LABELS.accountManager));
  const fyeRaw = clean(v(COMPANY_LABELS.fiscalYearEnd));
  const fiscalYearEnd = monthDay(fyeRaw);
  if (fyeRaw && !fiscalYearEnd) warnings.push(`Fiscal Year End: could not read "${fyeRaw.slice(0, 40)}"`);
  const contacts = readContacts(doc, warnings);

  const obs = compact({
    id: signalId('accountFacts', host, `company/${identifier}`),
    kind: 'accountFacts' as const,
    observedAt: observedAt(ctx),
    source: source(ctx, 'company'),
    name,
    psaRef: { host, companyId: identifier! },
    roles: am ? { am } : undefined,
    fiscalYearEnd,
    contacts: contacts.length > 0 ? contacts : undefined,
    company: { psaId: identifier!, name: name! },
  }) as Observation;
  return { ...base, observations: [obs], missing: [] };
}

type Contact = NonNullable<AccountFactsSignal['contacts']>[number];

function readContacts(doc: Document, warnings: string[]): Contact[] {
  const table =
    findTableByHeaders(doc, CONTACT_COLUMNS, ['name', 'title']) ?? findTableByHeaders(doc, CONTACT_COLUMNS, ['first', 'last']);
  if (!table) return [];
  const out: Contact[] = [];
  for (const row of readTable(table, CONTACT_COLUMNS).rows) {
    const r = row.values;
    const name = clean(r.name) ?? clean([r.first, r.last].map((s) => clean(s)).filter(Boolean).join(' '));
    if (!name) continue;
    if (out.length >= MAX_CONTACTS) {
      warnings.push(`more than ${MAX_CONTACTS} contacts; the rest were not read`);
      break;
    }
    out.push(compact({ name, title: clean(r.title), email: clean(r.email) }));
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `06/30`, `June 30`, `30 June` → `06-30`; anything else undefined. */
export function monthDay(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/-](\d{1,2})$/.exec(raw))) [mo, d] = [Number(m[1]), Number(m[2])];
  else if ((m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})$/i.exec(raw))) [mo, d] = [MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2])];
  else if ((m = /^(\d{1,2})\.?\s+([a-z]{3})[a-z]*$/i.exec(raw))) [mo, d] = [MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])];
  if (!mo || !d || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]!) return undefined;
  return `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
