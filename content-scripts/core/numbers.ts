/**
 * Amounts and percentages as PSAs print them: `$4,250.00`, `4.250,00 €`, `CHF 1'250.50`,
 * `(1,200.00)`, `63%`, `63,5 %`. Like dates, anything unclear is `undefined`, never a guess.
 */

/**
 * Parses a money or plain number text. The decimal separator is the last `.` or `,` when it is
 * followed by 1–2 digits (or 3 with a lone separator that cannot be a thousands group); `'`, spaces
 * and the other separator are thousands groups. Parenthesised amounts are negative.
 */
export function parseAmount(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/[\s\u00a0\u202f]+/g, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  // Currency symbols and (upper-case) codes around the number.
  s = s.replace(/^(?:US\$|[A-Z]{3}|[$€£¥₹]|Fr\.?)/, '').replace(/(?:[A-Z]{3}|[$€£¥₹]|Fr\.?)$/, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (!/^\d[\d.,']*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const decIdx = Math.max(lastDot, lastComma);
  let intPart = s;
  let frac = '';
  if (decIdx >= 0) {
    const sep = s[decIdx]!;
    const after = s.slice(decIdx + 1);
    const sepCount = s.split(sep).length - 1;
    const otherUsed = (sep === '.' ? lastComma : lastDot) >= 0;
    // "1,250" / "1.250": a single separator with exactly 3 digits after is a thousands group
    // unless the other separator also appears before it ("1.250,000" is unusual — reject).
    const isDecimal = after.length > 0 && after.length <= 2 ? true : after.length === 3 ? false : sepCount === 1 && otherUsed;
    if (isDecimal) {
      if (sepCount > 1) return undefined;
      intPart = s.slice(0, decIdx);
      frac = after;
    }
  }
  const groups = intPart.replace(/[.,']/g, '');
  if (!/^\d+$/.test(groups) || !/^\d*$/.test(frac)) return undefined;
  const n = Number(frac ? `${groups}.${frac}` : groups);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** `63%`, `63,5 %`, `63.5` → 63.5; undefined when not a number. */
export function parsePercent(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*(?:used)?\s*$/i.exec(raw);
  if (!m) return undefined;
  return Number(m[1]!.replace(',', '.'));
}
