/**
 * Amounts and billing periods as PSAs print them, for MRR. Shared by the Autotask and HaloPSA
 * readers (candidate for `core/` if another adapter needs it).
 *
 * `$4,250.00`, `4.250,00 €`, `CHF 3’950.50`, `4 250,00 €`, `€ 4250` → a number; anything that is not
 * certainly one amount (`12.5.3`, `1,23,4`, text) is `undefined`. A single separator followed by
 * exactly three digits is grouping (`4,250` = 4250, `4.250` = 4250); by one or two, the decimal mark
 * (`4,25`); by more, nothing certain.
 */

export function parseAmount(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  // Drop currency symbols/codes and grouping spaces/apostrophes; keep digits, separators, sign.
  let s = raw
    .replace(/[\s\u00a0\u2007\u202f'’]/g, '')
    .replace(/^[^\d\-(]+|[^\d)]+$/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s) || s.startsWith('-')) {
    negative = true;
    s = s.replace(/^[-(]|\)$/g, '');
  }
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal separator.
    const dec = lastDot > lastComma ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    if (!groupsValid(s.slice(0, s.lastIndexOf(dec)), group)) return undefined;
    normalized = s.split(group).join('').replace(dec, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1]!;
    if (parts.length === 2 && tail.length >= 1 && tail.length <= 2) normalized = `${parts[0]}.${tail}`; // decimal
    else if (tail.length === 3 && groupsValid(s, sep)) normalized = parts.join(''); // grouping
    else return undefined;
  } else normalized = s;
  const n = Number(normalized);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** `4,250,000` style grouping: first group 1–3 digits, the rest exactly 3. */
function groupsValid(intPart: string, group: string): boolean {
  const parts = intPart.split(group);
  if (parts.length === 1) return /^\d+$/.test(intPart);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

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
