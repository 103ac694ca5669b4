/**
 * Microsoft 365 admin center → Reports → Usage, as rendered: the per-service summary grid
 * (Service | Active users | Inactive users) → active vs licensed users for Teams (collaboration)
 * and Exchange. Summary counts cannot leave service accounts out; the reading says so.
 */
import { indexLabels, valueByLabel } from '../core/dom';
import type { PageReading, PageTypeReader, ReadContext } from '../core/types';
import { usageObservations, type WorkloadUsage } from './figures';
import { parseCount, readGrid } from './grid';
import { isAdminCenterPath } from './licences';
import { ADAPTER, emptyReading, M365_INSIGHTS } from './observe';
import { m365Options, type M365Options } from './options';
import { pageTenant } from './tenant';

export const USAGE_COLUMNS = {
  service: ['Service', 'Product', 'Workload', 'App'],
  active: ['Active users', 'Active'],
  inactive: ['Inactive users', 'Inactive'],
  licensed: ['Licensed users', 'Licensed', 'Total users'],
} as const;

const WORKLOADS: Array<[RegExp, WorkloadUsage['insight'], string]> = [
  [/\bteams\b/i, M365_INSIGHTS.collaboration, 'Teams'],
  [/\bexchange\b|\bemail\b|\boutlook\b/i, M365_INSIGHTS.exchange, 'Exchange'],
];

export function usageReader(options: Partial<M365Options> = {}): PageTypeReader {
  const opts = m365Options(options);
  return {
    id: 'm365/usage',
    adapter: ADAPTER,
    pageType: 'm365-usage',
    required: ['usage', 'tenant'],
    matchesUrl: (url) => isAdminCenterPath(url) && /^#\/reportsUsage(\/|\?|$)/i.test(url.hash),
    matchesDocument: (doc) => readGrid(doc, USAGE_COLUMNS, ['service', 'active']) !== undefined,
    read(doc: Document, ctx: ReadContext): PageReading {
      const out = emptyReading('m365-usage');
      const g = readGrid(doc, USAGE_COLUMNS, ['service', 'active']);
      if (!g || (g.columns.inactive === undefined && g.columns.licensed === undefined)) return { ...out, missing: ['usage'] };
      const rows: WorkloadUsage[] = [];
      for (const row of g.rows) {
        const w = WORKLOADS.find(([re]) => re.test(row.service ?? ''));
        if (!w || rows.some((r) => r.insight === w[1])) continue;
        const active = parseCount(row.active);
        const inactive = parseCount(row.inactive);
        const licensed = parseCount(row.licensed) ?? (active !== undefined && inactive !== undefined ? active + inactive : undefined);
        if (active === undefined || licensed === undefined) {
          out.warnings.push(`${row.service ?? ''}: user counts not understood; row skipped`);
          continue;
        }
        rows.push({ insight: w[1], workload: w[2], active, licensed });
      }
      const index = indexLabels(doc);
      const tenant = pageTenant(opts.tenant, ctx.url, index);
      if (!tenant) return { ...out, missing: ['tenant'] };
      const period = valueByLabel(index, ['Period', 'Report period', 'Date range']);
      const note = `${period ? `, ${period.toLowerCase()}` : ''} (summary counts: service accounts not left out)`;
      out.observations = usageObservations(ctx, 'm365-usage', tenant, rows, note);
      if (out.observations.length === 0) out.warnings.push('no licensed Teams or Exchange users in the report: no usage reading');
      return out;
    },
  };
}
