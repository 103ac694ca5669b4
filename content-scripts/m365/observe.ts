/** Building `adoption` observations for a tenant, shared by the Graph and DOM readers. */
import type { PageType } from '../../engine/signals';
import { formatInstant } from '../core/dates';
import { signalId } from '../core/ids';
import { pageHost } from '../core/detect';
import type { Observation, PageReading, ReadContext } from '../core/types';

export const ADAPTER = 'm365';

/** Insight keys this adapter emits (the engine ignores keys not in its configured insight list). */
export const M365_INSIGHTS = {
  mfa: 'mfa',
  collaboration: 'collaboration',
  exchange: 'exchange',
  secureScore: 'secureScore',
  licences: 'licences',
} as const;
export type M365Insight = (typeof M365_INSIGHTS)[keyof typeof M365_INSIGHTS];

export interface AdoptionFigures {
  insight: M365Insight;
  /** Denominator (users in scope, licences purchased, max score). */
  counted: number;
  /** Numerator (registered, assigned, current score). */
  covered: number;
  detail: string;
  /** Defaults to covered / counted; Secure Score passes its own (fractional points). */
  coveragePct?: number;
}

/** Two decimals: enough for a colour edge, stable in fixtures. */
export const pct = (covered: number, counted: number): number =>
  counted > 0 ? Math.min(100, Math.max(0, Math.round((covered / counted) * 10_000) / 100)) : 0;

export const observedAt = (ctx: ReadContext): string => formatInstant(ctx.now.getTime(), ctx.timeZone) ?? ctx.now.toISOString();

/**
 * One adoption reading. The id is per tenant, insight and day (in the user's zone): reading the
 * same report twice in a day updates one record, later days add history for the DMI trend.
 */
export function adoptionObservation(ctx: ReadContext, pageType: PageType, tenant: string, f: AdoptionFigures): Observation {
  const at = observedAt(ctx);
  return {
    // `m365` stands in for the host: the same figure shows on several admin origins.
    id: signalId('adoption', ADAPTER, `${tenant}:${f.insight}:${at.slice(0, 10)}`),
    kind: 'adoption',
    observedAt: at,
    source: { host: pageHost(ctx.url), pageType, url: ctx.url.href.slice(0, 4000), reader: ADAPTER },
    insight: f.insight,
    coveragePct: f.coveragePct ?? pct(f.covered, f.counted),
    counted: Math.round(f.counted),
    covered: Math.round(f.covered),
    detail: f.detail.slice(0, 500),
    company: { tenant },
  };
}

export const emptyReading = (pageType: PageType): PageReading => ({
  adapter: ADAPTER,
  pageType,
  observations: [],
  missing: [],
  warnings: [],
});

/** "3 guests, 1 disabled" — only the non-zero parts. */
export function countsText(parts: Array<[number, string, string]>): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
}
