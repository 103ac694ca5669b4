/**
 * Applying a taught mapping to a page: each field by its selector, else by its label; the result
 * is a `PageReading` like any adapter's. A taught field whose element is gone is drift (`missing`):
 * the page changed since the user taught it, and nothing is stored until they re-teach it.
 */
import { formatInstant } from '../core/dates';
import { indexLabels, valueByLabel, valueOf, type LabelIndex } from '../core/dom';
import { signalId } from '../core/ids';
import { pageHost } from '../core/detect';
import type { Observation, PageReading, PageTypeReader, ReadContext } from '../core/types';
import { ticketFromValues, type TicketValues } from '../generic/tickets';
import type { FieldMapping, TaughtField, TeachMapping } from './mapping';
import { mappingApplies, TAUGHT_MINIMUM } from './patterns';

export interface FieldRead {
  field: TaughtField;
  /** Value on this page; `undefined` when the element could not be found. */
  value: string | undefined;
  /** How it was found. */
  via: 'selector' | 'label' | undefined;
  /** What the user saw when teaching it. */
  sample: string;
}

function query(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null; // a stored selector that is not valid CSS (edited by hand) reads as "not found"
  }
}

export function readMappedField(doc: Document, fm: FieldMapping, index?: LabelIndex): Pick<FieldRead, 'value' | 'via'> {
  const el = query(doc, fm.selector);
  if (el) return { value: valueOf(el), via: 'selector' };
  if (fm.label) {
    const v = valueByLabel(index ?? indexLabels(doc.body ?? doc.documentElement), [fm.label]);
    if (v !== undefined) return { value: v, via: 'label' };
  }
  return { value: undefined, via: undefined };
}

/** Every taught field's value on this page, for the confirmation step ("is this right?"). */
export function previewMapping(doc: Document, mapping: Pick<TeachMapping, 'fields'>): FieldRead[] {
  let index: LabelIndex | undefined;
  const out: FieldRead[] = [];
  for (const [field, fm] of Object.entries(mapping.fields) as Array<[TaughtField, FieldMapping]>) {
    if (!fm) continue;
    if (!query(doc, fm.selector) && fm.label) index ??= indexLabels(doc.body ?? doc.documentElement);
    out.push({ field, sample: fm.sample, ...readMappedField(doc, fm, index) });
  }
  return out;
}

export function applyMapping(doc: Document, mapping: TeachMapping, ctx: ReadContext): PageReading {
  const reads = previewMapping(doc, mapping);
  const values: Partial<Record<TaughtField, string>> = {};
  const missing: string[] = [];
  for (const r of reads) {
    if (r.value === undefined) missing.push(r.field);
    else if (r.value !== '') values[r.field] = r.value;
  }
  for (const f of TAUGHT_MINIMUM[mapping.pageType]) if (!values[f] && !missing.includes(f)) missing.push(f);
  const reading: PageReading = { adapter: 'teach', pageType: 'taught', observations: [], missing, warnings: [] };
  if (missing.length > 0) return reading;
  if (mapping.pageType === 'ticket') {
    const r = ticketFromValues(values as TicketValues, ctx, { reader: 'teach', pageType: 'taught' }, mapping.dateOrder ?? ctx.dateOrder);
    if (r.warning) reading.warnings.push(r.warning);
    if (r.observation) {
      const o = r.observation as Extract<Observation, { kind: 'ticket' }>;
      if (values.category) o.category = values.category.slice(0, 500);
      if (values.companyId) o.company = { ...o.company, psaId: values.companyId.slice(0, 200) };
      reading.observations.push(o);
    }
  } else {
    reading.observations.push(companyFacts(values, ctx));
  }
  return reading;
}

function companyFacts(values: Partial<Record<TaughtField, string>>, ctx: ReadContext): Observation {
  const host = pageHost(ctx.url);
  const name = values.companyName!.slice(0, 300);
  const companyId = values.companyId?.slice(0, 200);
  return {
    id: signalId('accountFacts', host, companyId ?? name),
    kind: 'accountFacts',
    observedAt: formatInstant(ctx.now.getTime(), ctx.timeZone) ?? ctx.now.toISOString(),
    source: { host, pageType: 'taught', url: ctx.url.href.slice(0, 4000), reader: 'teach' },
    name,
    ...(companyId ? { psaRef: { host, companyId } } : {}),
    company: { name, ...(companyId ? { psaId: companyId } : {}) },
  };
}

/** A taught mapping as a page-type reader, so detection and drift work as for built-in adapters. */
export function teachReader(mapping: TeachMapping): PageTypeReader {
  const minimum = TAUGHT_MINIMUM[mapping.pageType];
  return {
    id: `teach/${mapping.id}`,
    adapter: 'teach',
    pageType: 'taught',
    required: minimum,
    matchesUrl: (url) => mappingApplies(mapping, url),
    matchesDocument: (doc) => minimum.every((f) => {
      const fm = mapping.fields[f];
      return fm !== undefined && readMappedField(doc, fm).value !== undefined;
    }),
    read: (doc, ctx) => applyMapping(doc, mapping, ctx),
  };
}
