/**
 * Security-program calendar per account (seed 000, S0:L15–L28; seed-features §6, F43): months 1–12
 * of the account's program year, the quarterly anchors (months 3, 6, 9, 12) and the annual renewal
 * trigger (renewal − 90 days, `triggers.cadence.renewal.offsetDays`).
 *
 * The program year starts at, in order of preference: the renewal anniversary (the contract year
 * that ends at the next renewal), the agreement's start anniversary, or the first day of the month
 * Metronome first saw the account. The UI says which.
 */
import type { Account } from '../../engine/signals';
import { localDate } from '../../engine/time/business';

export type ProgramBasis = 'renewal' | 'agreement' | 'firstSeen';

export const BASIS_TEXT: Record<ProgramBasis, string> = {
  renewal: 'renewal anniversary',
  agreement: 'agreement start anniversary',
  firstSeen: 'month Metronome first saw the account',
};

interface MonthPlan {
  deliverable: string;
  anchor: string | null;
  annual: string | null;
}

/** The seed's calendar, quoted (S0:L15–L25). */
export const PROGRAM_MONTHS: readonly MonthPlan[] = [
  { deliverable: 'Executive posture report (baseline)', anchor: null, annual: null },
  { deliverable: 'Executive posture report (changes since baseline)', anchor: null, annual: null },
  { deliverable: 'Executive posture report + Quarterly Risk Review', anchor: 'Risk register refresh, framework progress check, board prep', annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  { deliverable: 'Mid-year reassessment + executive report', anchor: 'Risk register + tabletop exercise', annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  { deliverable: 'Executive posture report + Quarterly Risk Review', anchor: 'Vendor risk refresh, executive cadence sync', annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  { deliverable: 'Continued executive reporting', anchor: null, annual: null },
  {
    deliverable: 'Annual Strategic Reassessment',
    anchor: 'Risk register + program review + renewal anchor',
    annual: 'Frameworks evolve, new scope captured, tier conversation',
  },
];

export interface ProgramMonth extends MonthPlan {
  /** 1–12. */
  index: number;
  /** First and last calendar day (`yyyy-MM-dd`, inclusive). */
  start: string;
  end: string;
  current: boolean;
  /** The renewal trigger (renewal − 90 d) falls in this month. */
  renewalTrigger: boolean;
}

export interface ProgramYear {
  basis: ProgramBasis;
  basisText: string;
  start: string;
  end: string;
  months: ProgramMonth[];
  /** 1–12: the month today falls in. */
  currentMonth: number;
  /** The renewal ending this program year (the stored date rolled forward by whole years); null = no renewal date. */
  renewalDate: string | null;
  /** Renewal + offset (−90 d by default); null = no renewal date. */
  renewalTriggerDate: string | null;
  /** Program month of the trigger, or null when it falls outside this program year. */
  renewalTriggerMonth: number | null;
}

// Calendar-date arithmetic on plain numbers (no zone, no Date objects): 1,000 accounts × 12 months
// must stay cheap. A date is [year, month 1–12, day].
type Ymd = readonly [number, number, number];
const parse = (ymd: string): Ymd => ymd.split('-').map(Number) as unknown as Ymd;
const fmt = ([y, m, d]: Ymd): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Add whole months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
function addMonths([y, m, d]: Ymd, k: number): Ymd {
  const idx = y * 12 + (m - 1) + k;
  const ty = Math.floor(idx / 12);
  const tm = (idx - ty * 12) + 1;
  return [ty, tm, Math.min(d, daysIn(ty, tm))];
}
const addYears = (d: Ymd, k: number): Ymd => addMonths(d, 12 * k);
function addDays([y, m, d]: Ymd, k: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d + k));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** The anniversary of `anchor` on or before `today` (so today falls in [start, start + 1 year)). */
export function anniversaryOnOrBefore(anchor: string, today: string): string {
  const a = parse(anchor);
  let years = parse(today)[0] - a[0];
  while (fmt(addYears(a, years)) > today) years--;
  while (fmt(addYears(a, years + 1)) <= today) years++;
  return fmt(addYears(a, years));
}

export function programBasis(account: Account, tz: string): { basis: ProgramBasis; anchor: string } {
  if (account.renewalDate) return { basis: 'renewal', anchor: account.renewalDate };
  if (account.agreement?.start) return { basis: 'agreement', anchor: account.agreement.start };
  const seen = localDate(new Date(account.firstSeenAt), tz);
  return { basis: 'firstSeen', anchor: `${seen.slice(0, 7)}-01` };
}

// Today's date is the same for every account of one render: keep the last one (Intl is not free).
let todayCache: { ms: number; tz: string; ymd: string } | null = null;
function todayIn(now: Date, tz: string): string {
  if (todayCache?.ms !== now.getTime() || todayCache.tz !== tz) todayCache = { ms: now.getTime(), tz, ymd: localDate(now, tz) };
  return todayCache.ymd;
}

export function programYear(account: Account, now: Date, tz: string, renewalOffsetDays: number): ProgramYear {
  const today = todayIn(now, tz);
  const { basis, anchor } = programBasis(account, tz);
  const start = anniversaryOnOrBefore(anchor, today);
  const s = parse(start);
  const end = fmt(addDays(addYears(s, 1), -1));

  // Renewal basis: the program year ends at the next renewal (a stored past renewal rolls forward).
  const renewalDate = basis === 'renewal' ? fmt(addYears(s, 1)) : null;
  const renewalTriggerDate = renewalDate ? fmt(addDays(parse(renewalDate), renewalOffsetDays)) : null;

  const months: ProgramMonth[] = PROGRAM_MONTHS.map((plan, i) => {
    const mStart = fmt(addMonths(s, i));
    const mEnd = fmt(addDays(addMonths(s, i + 1), -1));
    return {
      ...plan,
      index: i + 1,
      start: mStart,
      end: mEnd,
      current: today >= mStart && today <= mEnd,
      renewalTrigger: !!renewalTriggerDate && renewalTriggerDate >= mStart && renewalTriggerDate <= mEnd,
    };
  });
  const currentMonth = months.find((m) => m.current)?.index ?? 1;
  return {
    basis,
    basisText: BASIS_TEXT[basis],
    start,
    end,
    months,
    currentMonth,
    renewalDate,
    renewalTriggerDate,
    renewalTriggerMonth: months.find((m) => m.renewalTrigger)?.index ?? null,
  };
}

/** The next quarterly anchor month (3, 6, 9, 12) from today, within this program year. */
export function nextAnchor(py: ProgramYear): ProgramMonth | null {
  return py.months.find((m) => m.anchor && m.index >= py.currentMonth) ?? null;
}
