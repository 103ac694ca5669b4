/**
 * Security-program calendar per account (seed 000, S0:L15–L28; seed-features §6, F43): months 1–12
 * of the account's program year, the quarterly anchors (months 3, 6, 9, 12) and the annual renewal
 * trigger (renewal − 90 days, `triggers.cadence.renewal.offsetDays`).
 *
 * The program year starts at, in order of preference: the renewal anniversary (the contract year
 * that ends at the next renewal), the agreement's start anniversary, or the first day of the month
 * Metronome first saw the account. The UI says which.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addYears } from 'date-fns';
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

const ymdParts = (ymd: string): [number, number, number] => ymd.split('-').map(Number) as [number, number, number];
/** A calendar date as a UTC TZDate, so month/day arithmetic never shifts with a local zone. */
const day = (ymd: string): TZDate => {
  const [y, m, d] = ymdParts(ymd);
  return new TZDate(y, m - 1, d, 'UTC');
};
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** The anniversary of `anchor` on or before `today` (so today falls in [start, start + 1 year)). */
export function anniversaryOnOrBefore(anchor: string, today: string): string {
  const a = day(anchor);
  const [ty] = ymdParts(today);
  let years = ty - a.getUTCFullYear();
  let start = addYears(a, years);
  while (ymd(start) > today) start = addYears(a, --years);
  while (ymd(addYears(a, years + 1)) <= today) start = addYears(a, ++years);
  return ymd(start);
}

export function programBasis(account: Account, tz: string): { basis: ProgramBasis; anchor: string } {
  if (account.renewalDate) return { basis: 'renewal', anchor: account.renewalDate };
  if (account.agreement?.start) return { basis: 'agreement', anchor: account.agreement.start };
  const seen = localDate(new Date(account.firstSeenAt), tz);
  return { basis: 'firstSeen', anchor: `${seen.slice(0, 7)}-01` };
}

export function programYear(account: Account, now: Date, tz: string, renewalOffsetDays: number): ProgramYear {
  const today = localDate(now, tz);
  const { basis, anchor } = programBasis(account, tz);
  const start = anniversaryOnOrBefore(anchor, today);
  const s = day(start);
  const end = ymd(addDays(addYears(s, 1), -1));

  // Renewal basis: the program year ends at the next renewal (a stored past renewal rolls forward).
  const renewalDate = basis === 'renewal' ? ymd(addYears(s, 1)) : null;
  const renewalTriggerDate = renewalDate ? ymd(addDays(day(renewalDate), renewalOffsetDays)) : null;

  const months: ProgramMonth[] = PROGRAM_MONTHS.map((plan, i) => {
    const mStart = ymd(addMonths(s, i));
    const mEnd = ymd(addDays(addMonths(s, i + 1), -1));
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
