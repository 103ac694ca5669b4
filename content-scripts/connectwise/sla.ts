/**
 * ConnectWise SLA setup (`routeTo=ServiceSLA`): the SLA's priorities with their respond / plan /
 * resolve hours. No signal carries SLA definitions (each ticket carries its own CW-computed due
 * dates), so the reading has no observations; the targets travel in `slaTargets` for display.
 */
import { findTableByHeaders, indexLabels, readTable, valueByLabel } from '../core/dom';
import type { PageReading, PageTypeReader, ReadContext, SlaTarget } from '../core/types';
import { ADAPTER, clean, compact, cwScreenOf } from './shared';

export const SLA_COLUMNS = {
  priority: ['Priority'],
  respond: ['Respond Hours', 'Respond Within', 'Response Hours', 'Respond'],
  plan: ['Plan Within', 'Plan Hours', 'Resolution Plan'],
  resolve: ['Resolution Hours', 'Resolve Within', 'Resolve Hours', 'Resolve'],
} as const;

const REQUIRED = ['slaTable'] as const;

function findSlaTable(doc: Document): HTMLTableElement | undefined {
  return findTableByHeaders(doc, SLA_COLUMNS, ['priority', 'respond', 'resolve']);
}

export const slaReader: PageTypeReader = {
  id: 'connectwise/sla',
  adapter: ADAPTER,
  pageType: 'sla',
  required: REQUIRED,
  matchesUrl: (url) => cwScreenOf(url) === 'sla',
  matchesDocument: (doc) => findSlaTable(doc) !== undefined || doc.querySelector('[class*="pod_sla"]') !== null,
  read: readSlaPage,
};

function readSlaPage(doc: Document, _ctx: ReadContext): PageReading {
  const warnings: string[] = [];
  const base = { adapter: ADAPTER, pageType: 'sla' as const, warnings, observations: [] };
  const table = findSlaTable(doc);
  if (!table) return { ...base, missing: ['slaTable'] };
  const sla = clean(valueByLabel(indexLabels(doc.body ?? doc), ['SLA Name', 'SLA', 'Name']));
  const slaTargets: SlaTarget[] = [];
  for (const row of readTable(table, SLA_COLUMNS).rows) {
    const priority = clean(row.values.priority);
    if (!priority) continue;
    const target = compact({
      sla,
      priority,
      respondHours: hours(row.values.respond, `${priority} respond`, warnings),
      planHours: hours(row.values.plan, `${priority} plan`, warnings),
      resolveHours: hours(row.values.resolve, `${priority} resolve`, warnings),
    });
    slaTargets.push(target);
  }
  return { ...base, missing: [], slaTargets };
}

/** `5`, `5.5`, `5,5 h`, `4:30`, `24 hrs` → hours; blank → undefined; other text → warning. */
export function hours(raw: string | undefined, what: string, warnings: string[]): number | undefined {
  const s = clean(raw);
  if (!s) return undefined;
  let m = /^(\d{1,5}(?:[.,]\d{1,2})?)\s*(?:h|hr|hrs|hours?)?$/i.exec(s);
  if (m) return Number(m[1]!.replace(',', '.'));
  m = /^(\d{1,5}):([0-5]\d)$/.exec(s);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  warnings.push(`${what}: could not read hours "${s.slice(0, 40)}"`);
  return undefined;
}
