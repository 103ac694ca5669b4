/**
 * Amounts and percentages as PSAs print them: `$4,250.00`, `4.250,00 €`, `CHF 1'250.50`,
 * `(1,200.00)`, `63%`, `63,5 %`. Like dates, anything unclear is `undefined`, never a guess.
 */

/**
 * A money or plain number text → a number: `$4,250.00`, `4.250,00 €`, `CHF 3’950.50`, `4 250,00 €`,
 * `€ 4250`, `(1,200.00)`. Anything that is not certainly one amount (`12.5.3`, `1,23,4`, `1,2345`,
 * text) is `undefined`. A single separator followed by exactly three digits is grouping (`4,250` =
 * 4250, `4.250` = 4250); by one or two, the decimal mark (`4,25`); by more, nothing certain.
 */
/** Currency symbols and codes around an amount (codes upper case, so `12abc` is not an amount). */
const CURRENCY_BEFORE = /^(?:US\$|[A-Z]{3}|[$€£¥₹]|Fr\.?)/;
const CURRENCY_AFTER = /(?:[A-Z]{3}|[$€£¥₹]|Fr\.?|zł|kr|Kč|Ft)$/;

export function parseAmount(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  // Grouping spaces (incl. narrow/figure spaces) and apostrophes are never part of the value.
  let s = raw.replace(/[\s\u00a0\u2007\u202f'’]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // A sign may stand before or after the currency symbol (`-$75.00`, `$-75.00`).
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
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

/** `63%`, `63,5 %`, `63.5` → 63.5; undefined when not a number. */
export function parsePercent(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*(?:used)?\s*$/i.exec(raw);
  if (!m) return undefined;
  return Number(m[1]!.replace(',', '.'));
}
