/**
 * Microsoft 365 admin center → Billing → Licenses (and "Your products"), as rendered: purchased vs
 * assigned per product, summed over paid products (free/trial products left out by name).
 */
import { indexLabels } from '../core/dom';
import type { PageReading, PageTypeReader, ReadContext } from '../core/types';
import { licenceUtilisation, type LicenceLine } from './figures';
import { parseCount, readGrid } from './grid';
import { ADAPTER, emptyReading } from './observe';
import { exclusionMatcher, m365Options, type M365Options } from './options';
import { pageTenant } from './tenant';

export const LICENCE_COLUMNS = {
  name: ['Name', 'Product', 'Product name', 'License', 'Subscription'],
  assigned: ['Assigned licenses', 'Assigned', 'Assigned licences'],
  available: ['Available licenses', 'Available', 'Available licences', 'Unassigned licenses'],
  total: ['Total licenses', 'Total', 'Purchased licenses', 'Purchased', 'Licenses', 'Quantity'],
} as const;

/** `23 of 25` / `23/25` in one cell. */
const OF = /^(.+?)\s*(?:of|\/)\s*(.+)$/i;

/** Admin center list pages: `…/Adminportal/Home#/licenses`, `#/subscriptions` (also on admin.cloud.microsoft `/#/…`). */
export const isAdminCenterPath = (url: URL): boolean => /^\/(adminportal\/home\/?)?$/i.test(url.pathname);

export function licencesReader(options: Partial<M365Options> = {}): PageTypeReader {
  const opts = m365Options(options);
  const ignored = exclusionMatcher(opts.ignoreProductNames);
  return {
    id: 'm365/licences',
    adapter: ADAPTER,
    pageType: 'm365-licences',
    required: ['licences', 'tenant'],
    matchesUrl: (url) => isAdminCenterPath(url) && /^#\/(licenses|subscriptions)\/?(\?|$)/i.test(url.hash),
    matchesDocument: (doc) => readGrid(doc, LICENCE_COLUMNS, ['name', 'assigned']) !== undefined,
    read(doc: Document, ctx: ReadContext): PageReading {
      const out = emptyReading('m365-licences');
      const g = readGrid(doc, LICENCE_COLUMNS, ['name', 'assigned']);
      if (!g) return { ...out, missing: ['licences'] };
      const lines: LicenceLine[] = [];
      for (const row of g.rows) {
        const name = row.name ?? '';
        if (!name || ignored(name)) continue;
        let assigned = parseCount(row.assigned);
        let total = parseCount(row.total);
        const of = OF.exec(row.assigned ?? '');
        if (assigned === undefined && of) [assigned, total] = [parseCount(of[1]), total ?? parseCount(of[2])];
        const available = parseCount(row.available);
        total ??= assigned !== undefined && available !== undefined ? assigned + available : undefined;
        if (assigned === undefined || total === undefined) {
          out.warnings.push(`${name}: licence counts "${row.assigned ?? ''}" not understood; row skipped`);
          continue;
        }
        lines.push({ sku: name, name, purchased: total, assigned });
      }
      const tenant = pageTenant(opts.tenant, ctx.url, () => indexLabels(doc));
      if (!tenant) return { ...out, missing: ['tenant'] };
      out.observations = licenceUtilisation(ctx, 'm365-licences', tenant, lines);
      if (out.observations.length === 0) out.warnings.push('no paid user licences in this tenant: no licence reading');
      return out;
    },
  };
}
