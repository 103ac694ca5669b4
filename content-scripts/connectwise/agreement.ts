/**
 * ConnectWise agreement (`routeTo=AgreementFV`): name, type, recurring amount normalised to a month
 * (→ MRR), start and end dates (end → renewal date) → one `accountFacts` signal for the agreement's
 * company. A cancelled agreement or one with no end date gives no MRR / renewal date respectively.
 */
import { parsePsaCalendarDate } from '../core/dates';
import { indexLabels, valueByLabel } from '../core/dom';
import { signalId } from '../core/ids';
import { parseAmount } from '../core/numbers';
import { missingFields, pageHost } from '../core/detect';
import type { Observation, PageReading, PageTypeReader, ReadContext } from '../core/types';
import {
  ADAPTER,
  clean,
  cleanDateText,
  compact,
  companyRef,
  cwScreenOf,
  dateOptions,
  findText,
  observedAt,
  source,
  urlRecId,
} from './shared';

export const AGREEMENT_LABELS = {
  name: ['Agreement Name', 'Agreement', 'Name'],
  company: ['Company', 'Company ID'],
  companyName: ['Company Name'],
  type: ['Agreement Type', 'Type'],
  status: ['Agreement Status', 'Status'],
  start: ['Start Date', 'Date Start', 'Start'],
  end: ['End Date', 'Date End', 'End', 'Expiration Date'],
  noEnd: ['No Ending Date', 'No End Date'],
  renewal: ['Renewal Date', 'Next Renewal'],
  cycle: ['Billing Cycle', 'Bill Cycle', 'Billing Frequency'],
  amount: ['Billing Amount', 'Bill Amount', 'Recurring Amount', 'Amount'],
  monthlyAmount: ['Monthly Amount', 'Monthly Recurring', 'MRR'],
} as const;

const REQUIRED = ['agreementName', 'company', 'agreementType'] as const;
const HEADER = /^Agreement\s*[:\-–#]\s*\S/i;

/** Billing cycle → months per bill. Unknown cycles give no MRR (never a guessed amount). */
const CYCLE_MONTHS: Array<[RegExp, number]> = [
  [/^(?:monthly|month|every month|per month)$/i, 1],
  [/^(?:bi-?monthly|every (?:2|two) months)$/i, 2],
  [/^(?:quarterly|quarter|every (?:3|three) months)$/i, 3],
  [/^(?:semi-?annual(?:ly)?|half-?yearly|every (?:6|six) months)$/i, 6],
  [/^(?:annual(?:ly)?|yearly|year|every (?:12|twelve) months)$/i, 12],
];

export const agreementReader: PageTypeReader = {
  id: 'connectwise/agreement',
  adapter: ADAPTER,
  pageType: 'agreement',
  required: REQUIRED,
  matchesUrl: (url) => cwScreenOf(url) === 'agreement',
  matchesDocument: (doc) =>
    doc.querySelector('[class*="pod_agreement"]') !== null || findText(doc, '.mm_podHeader, .gwt-Label, h1, h2', HEADER) !== undefined,
  read: readAgreement,
};

function readAgreement(doc: Document, ctx: ReadContext): PageReading {
  const warnings: string[] = [];
  const base = { adapter: ADAPTER, pageType: 'agreement' as const, warnings };
  const idx = indexLabels(doc.body ?? doc);
  const v = (labels: readonly string[]): string | undefined => valueByLabel(idx, labels);

  const name = clean(v(AGREEMENT_LABELS.name));
  const company = companyRef(v(AGREEMENT_LABELS.company), v(AGREEMENT_LABELS.companyName));
  const type = clean(v(AGREEMENT_LABELS.type));
  const missing = missingFields(REQUIRED, { agreementName: name, company: company ? 'x' : undefined, agreementType: type });
  if (missing.length > 0) return { ...base, observations: [], missing };

  const raw = { start: cleanDateText(v(AGREEMENT_LABELS.start)), end: cleanDateText(v(AGREEMENT_LABELS.end)), renewal: cleanDateText(v(AGREEMENT_LABELS.renewal)) };
  const opts = dateOptions(ctx, Object.values(raw), doc);
  const date = (text: string | undefined, what: string): string | undefined => {
    if (!text) return undefined;
    const d = parsePsaCalendarDate(text, opts);
    if (!d) warnings.push(`${what}: could not read date "${text.slice(0, 60)}"`);
    return d;
  };
  const start = date(raw.start, 'Start Date');
  const noEnd = v(AGREEMENT_LABELS.noEnd) === 'true';
  const end = noEnd ? undefined : date(raw.end, 'End Date');
  const renewalDate = date(raw.renewal, 'Renewal Date') ?? end;

  const status = clean(v(AGREEMENT_LABELS.status));
  const cancelled = status !== undefined && /cancel|inactive|expired/i.test(status);
  const mrr = cancelled ? undefined : monthlyAmount(v(AGREEMENT_LABELS.monthlyAmount), v(AGREEMENT_LABELS.amount), v(AGREEMENT_LABELS.cycle), warnings);
  if (cancelled) warnings.push(`agreement status "${status}": no MRR taken from it`);

  const host = pageHost(ctx.url);
  const key = urlRecId(ctx.url, ['recid', 'agr_recid', 'agreement_recid', 'agreementRecID']) ?? name!;
  const obs = compact({
    id: signalId('accountFacts', host, `agreement/${key}`),
    kind: 'accountFacts' as const,
    observedAt: observedAt(ctx),
    source: source(ctx, 'agreement'),
    psaRef: company!.psaId ? { host, companyId: company!.psaId } : undefined,
    mrr,
    agreement: compact({ name, type, mrr, start, end }),
    renewalDate: cancelled ? undefined : renewalDate,
    company: company!,
  }) as Observation;
  return { ...base, observations: [obs], missing: [] };
}

/** Monthly amount: an explicit monthly figure, else the billing amount divided by its cycle. */
export function monthlyAmount(
  monthlyText: string | undefined,
  amountText: string | undefined,
  cycleText: string | undefined,
  warnings: string[],
): number | undefined {
  const monthly = parseAmount(clean(monthlyText));
  if (monthly !== undefined && monthly >= 0) return round2(monthly);
  const amount = parseAmount(clean(amountText));
  if (amount === undefined) {
    if (clean(amountText)) warnings.push(`Billing Amount: could not read "${clean(amountText)}"`);
    return undefined;
  }
  if (amount < 0) return undefined;
  const cycle = clean(cycleText);
  const months = cycle ? CYCLE_MONTHS.find(([re]) => re.test(cycle))?.[1] : undefined;
  if (months === undefined) {
    warnings.push(`Billing Cycle "${cycle ?? ''}": not a recurring cycle Metronome knows; no MRR`);
    return undefined;
  }
  return round2(amount / months);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
