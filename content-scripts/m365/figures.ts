/**
 * M365 adoption figures → observations, shared by the Graph readers (`graph.ts`) and the rendered-page
 * readers. Zod-free: the rendered-page readers run in the content script.
 */
import type { PageType } from '../../engine/signals';
import type { PageReading, ReadContext } from '../core/types';
import { adoptionObservation, M365_INSIGHTS, pct } from './observe';
import { compareText } from '../core/compare';

export interface LicenceLine {
  sku: string;
  name: string;
  purchased: number;
  assigned: number;
}

/** Licences purchased vs assigned, summed over the paid user SKUs; one line per SKU in `detail`. */
export function licenceUtilisation(
  ctx: ReadContext,
  pageType: PageType,
  tenant: string,
  lines: readonly LicenceLine[],
): PageReading['observations'] {
  const paid = lines.filter((l) => l.purchased > 0);
  if (paid.length === 0) return [];
  const purchased = paid.reduce((s, l) => s + l.purchased, 0);
  const assigned = paid.reduce((s, l) => s + l.assigned, 0);
  const detail = [...paid]
    .sort((a, b) => b.purchased - a.purchased || compareText(a.name, b.name))
    .map((l) => `${l.name}: ${l.assigned}/${l.purchased} assigned`)
    .join('; ');
  return [adoptionObservation(ctx, pageType, tenant, { insight: M365_INSIGHTS.licences, counted: purchased, covered: assigned, detail })];
}

export function secureScoreObservation(ctx: ReadContext, pageType: PageType, tenant: string, current: number, max: number, on?: string) {
  const coveragePct = pct(current, max);
  const fmt = (n: number) => String(Math.round(n * 100) / 100);
  return adoptionObservation(ctx, pageType, tenant, {
    insight: M365_INSIGHTS.secureScore,
    counted: max,
    covered: current,
    coveragePct,
    detail: `Secure Score ${fmt(current)}/${fmt(max)} points (${coveragePct}%)${on ? ` on ${on}` : ''}`,
  });
}

export interface WorkloadUsage {
  insight: typeof M365_INSIGHTS.collaboration | typeof M365_INSIGHTS.exchange;
  workload: string;
  active: number;
  licensed: number;
}

export function usageObservations(ctx: ReadContext, pageType: PageType, tenant: string, rows: readonly WorkloadUsage[], note = '') {
  return rows
    .filter((r) => r.licensed > 0)
    .map((r) =>
      adoptionObservation(ctx, pageType, tenant, {
        insight: r.insight,
        counted: r.licensed,
        covered: Math.min(r.active, r.licensed),
        detail: `${r.workload}: ${r.active} active of ${r.licensed} licensed users${note}`,
      }),
    );
}

