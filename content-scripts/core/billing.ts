/**
 * Billing periods as PSAs print them, for MRR (Autotask, HaloPSA). Amounts are parsed by
 * `numbers.ts` `parseAmount`, the one amount parser every adapter uses.
 */

/** Months covered by one billing period, by the period's name; `undefined` for unknown names. */
export function monthsPerPeriod(period: string | undefined): number | undefined {
  if (!period) return undefined;
  const p = period.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (/^(monthly|month|per month|1 month)$/.test(p)) return 1;
  if (/^(quarterly|quarter|per quarter|3 months)$/.test(p)) return 3;
  if (/^(semi ?annual(ly)?|half yearly|biannual|6 months)$/.test(p)) return 6;
  if (/^(yearly|annual(ly)?|year|per year|12 months)$/.test(p)) return 12;
  return undefined;
}

/** Recurring amount per period → per month, rounded to cents. */
export function monthlyAmount(amount: number | undefined, period: string | undefined): number | undefined {
  const months = monthsPerPeriod(period);
  if (amount === undefined || months === undefined || amount < 0) return undefined;
  return Math.round((amount / months) * 100) / 100;
}
