/**
 * The named watchlists of the weekly radar (seed-features §2C F25–F28, at-risk [L236]). Each row
 * says who owns it (by name), the number that put the account there, and the next date.
 */
import type { MetronomeConfig } from '../../engine/config';
import { isActive } from '../../engine/due';
import { addCalendarDays, localMonth } from '../../engine/time/business';
import { fmtDate } from '../format';
import type { DashboardConfig } from './config';
import { coverageItems, DAY_MS, sponsorSeen, type CoverageItem } from './kpis';
import { cadenceOwner, csmOwner, decisionOwner, type OwnerRef, type Portfolio } from './portfolio';

export interface WatchRow {
  /** Unique within its list. */
  key: string;
  accountId: string;
  accountName: string;
  owner: OwnerRef;
  /** The number (or numbers) that put it on the list, as text. */
  figure: string;
  /** Instant or `yyyy-MM-dd`; null = none known. */
  nextDate: string | null;
  /** Extra text (a CTA's title). */
  detail?: string;
  /** A row to stress (not booked, overdue). */
  alert?: boolean;
}

export interface Watchlist {
  key: string;
  title: string;
  /** What puts an account on the list. */
  rule: string;
  figureHeader: string;
  nextHeader: string;
  rows: WatchRow[];
}

const t = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);
const days = (ms: number): number => Math.floor(ms / DAY_MS);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The `count` calendar months before the current one (user's zone), newest first. */
export function previousMonths(now: Date, tz: string, count: number): string[] {
  const [y, m] = localMonth(now, tz).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** CX watchlist: ≥ 2 monthly CX Reds in the last 3 frozen months, or exec sponsor not seen ≥ 120 days [L116]. */
export function cxWatchlist(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): Watchlist {
  const { minReds, months } = dash.cxWatch;
  const sponsorDays = config.health.execSponsorDays;
  const recent = previousMonths(now, config.calendar.timeZone, months);
  const scored: { row: WatchRow; reds: number; since: number }[] = [];
  for (const a of p.accounts) {
    const h = p.healthById.get(a.id);
    const snaps = p.snapshotsByAccount.get(a.id);
    let reds = 0;
    for (const month of recent) if (snaps?.get(month)?.dimensions.experience?.colour === 'red') reds++;
    const reasons: string[] = [];
    if (reds >= minReds) reasons.push(`${reds} CX Reds in the last ${months} months`);
    let since = -1;
    if (h) {
      if (h.execSponsorLastSeenAt) {
        since = days(now.getTime() - t(h.execSponsorLastSeenAt));
        if (since >= sponsorDays) reasons.push(`exec sponsor last seen ${since} days ago`);
      } else if (sponsorSeen(null, a.firstSeenAt, sponsorDays, now) === false) {
        since = days(now.getTime() - t(a.firstSeenAt));
        reasons.push(`exec sponsor never seen (known ${since} days)`);
      }
    }
    if (!reasons.length) continue;
    const figure = reasons.join('; ');
    scored.push({
      row: { key: a.id, accountId: a.id, accountName: a.name, owner: csmOwner(a), figure: cap(figure), nextDate: h?.nextStrategicMeetingDue ?? null },
      // Sort by the Reds only when they put the account on the list.
      reds: reds >= minReds ? reds : 0,
      since,
    });
  }
  scored.sort((x, y) => y.reds - x.reds || y.since - x.since || x.row.accountName.localeCompare(y.row.accountName));
  return {
    key: 'cx',
    title: 'CX watchlist',
    rule: `${minReds}+ monthly CX Reds in the last ${months} months, or exec sponsor not seen for ${sponsorDays}+ days.`,
    figureHeader: 'Why',
    nextHeader: 'Next strategic meeting',
    rows: scored.map((s) => s.row),
  };
}

/** Past-due strategic sessions: consecutive misses > 0 or the next strategic meeting is overdue [L182]. */
export function pastDueWatchlist(p: Portfolio, _config: MetronomeConfig, now: Date): Watchlist {
  const scored: { row: WatchRow; misses: number; overdue: number }[] = [];
  for (const a of p.accounts) {
    const h = p.healthById.get(a.id);
    if (!h) continue;
    const misses = h.consecutiveMisses;
    const overdue = h.nextStrategicMeetingDue ? days(now.getTime() - t(h.nextStrategicMeetingDue)) : -1;
    const overdueNow = !!h.nextStrategicMeetingDue && t(h.nextStrategicMeetingDue) < now.getTime();
    if (misses <= 0 && !overdueNow) continue;
    const parts: string[] = [];
    if (misses > 0) parts.push(`${plural(misses, 'consecutive miss', 'consecutive misses')}`);
    if (overdueNow) parts.push(overdue === 0 ? 'due earlier today' : `overdue ${plural(overdue, 'day')}`);
    scored.push({
      row: {
        key: a.id,
        accountId: a.id,
        accountName: a.name,
        owner: cadenceOwner(a, h.segment.segment),
        figure: cap(parts.join('; ')),
        nextDate: h.nextStrategicMeetingDue,
        alert: misses >= 2,
      },
      misses,
      overdue,
    });
  }
  scored.sort((x, y) => y.misses - x.misses || y.overdue - x.overdue || x.row.accountName.localeCompare(y.row.accountName));
  return {
    key: 'pastDue',
    title: 'Past-due strategic sessions',
    rule: 'Consecutive missed strategic meetings, or the next strategic meeting is overdue.',
    figureHeader: 'Misses / overdue',
    nextHeader: 'Next strategic meeting due',
    rows: scored.map((s) => s.row),
  };
}

/** Coverage next 30 days: every account whose next strategic meeting is due within 30 days, booked or not. */
export function coverageWatchlist(
  p: Portfolio,
  config: MetronomeConfig,
  dash: DashboardConfig,
  now: Date,
  items: CoverageItem[] = coverageItems(p, config, dash, now),
): Watchlist {
  const tz = config.calendar.timeZone;
  const rows = items
    .map((i): WatchRow => {
      const a = p.accountById.get(i.accountId)!;
      const h = p.healthById.get(i.accountId);
      return {
        key: a.id,
        accountId: a.id,
        accountName: a.name,
        owner: cadenceOwner(a, h?.segment.segment),
        figure: i.booked ? `Booked for ${fmtDate(i.booked.plannedFor, tz)} (${i.booked.type})` : 'Not booked',
        nextDate: i.dueAt,
        alert: !i.booked,
      };
    })
    // Not booked first, then the soonest due.
    .sort((x, y) => Number(!!y.alert) - Number(!!x.alert) || t(x.nextDate) - t(y.nextDate) || x.accountName.localeCompare(y.accountName));
  return {
    key: 'coverage',
    title: `Coverage next ${dash.coverage.horizonDays} days`,
    rule: `Accounts whose next strategic meeting is due within ${dash.coverage.horizonDays} days (or already overdue): booked or not.`,
    figureHeader: 'Booked?',
    nextHeader: 'Due',
    rows,
  };
}

/** Open decisions by account: pending decisions, count and age of the oldest [L204]. */
export function openDecisionsWatchlist(p: Portfolio, config: MetronomeConfig, now: Date): Watchlist {
  // Pending decisions older than this age into the engine's proposal play: stress the row.
  const agingDays = config.health.engagement.pendingDecisionAgeDays;
  const scored: { row: WatchRow; oldest: number }[] = [];
  for (const [accountId, pending] of p.pendingByAccount) {
    const a = p.accountById.get(accountId);
    if (!a || !pending.length) continue;
    const h = p.healthById.get(accountId);
    let oldestAt = Infinity;
    for (const d of pending) oldestAt = Math.min(oldestAt, t(d.proposedAt));
    const oldest = Math.max(0, days(now.getTime() - oldestAt));
    scored.push({
      row: {
        key: accountId,
        accountId,
        accountName: a.name,
        owner: decisionOwner(a, h?.segment.segment),
        figure: `${pending.length} pending, oldest ${plural(oldest, 'day')}`,
        nextDate: h?.nextStrategicMeetingDue ?? null,
        alert: oldest > agingDays,
      },
      oldest,
    });
  }
  scored.sort((x, y) => y.oldest - x.oldest || x.row.accountName.localeCompare(y.row.accountName));
  return {
    key: 'decisions',
    title: 'Open decisions by account',
    rule: 'Pending decisions logged for the account (other actions left out), by age of the oldest.',
    figureHeader: 'Pending',
    nextHeader: 'Next strategic meeting',
    rows: scored.map((s) => s.row),
  };
}

export interface FirstActionSummary {
  /** Median hours from firing to first action, over CTAs fired in the window with a first action; null = none. */
  medianHours: number | null;
  measured: number;
  /** Active CTAs without a first action whose first-action deadline has passed. */
  late: Watchlist;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Time-to-first-action (F28): median hours fired → first action, and open CTAs past their first-action deadline. */
export function firstActionSummary(p: Portfolio, config: MetronomeConfig, dash: DashboardConfig, now: Date): FirstActionSummary {
  const nowMs = now.getTime();
  const from = addCalendarDays(now, -dash.firstAction.windowDays, config.calendar.timeZone).getTime();
  const hours: number[] = [];
  const late: { row: WatchRow; overdue: number }[] = [];
  for (const c of p.ctas) {
    const fired = t(c.firedAt);
    if (c.firstActionAt && fired > from && fired <= nowMs) hours.push(Math.max(0, (t(c.firstActionAt) - fired) / 3_600_000));
    if (c.firstActionAt || !isActive(c, now)) continue;
    const due = t(c.firstActionDue);
    if (!(due < nowMs)) continue;
    const a = p.accountById.get(c.accountId)!;
    const overdueH = Math.floor((nowMs - due) / 3_600_000);
    late.push({
      row: {
        key: c.id,
        accountId: c.accountId,
        accountName: a.name,
        owner: { role: c.owner.role, name: c.owner.name },
        figure: overdueH >= 48 ? `First action ${days(nowMs - due)} days late` : `First action ${overdueH} h late`,
        nextDate: c.dueBy,
        detail: c.title,
        alert: true,
      },
      overdue: nowMs - due,
    });
  }
  late.sort((x, y) => y.overdue - x.overdue || x.row.accountName.localeCompare(y.row.accountName));
  const med = median(hours);
  return {
    medianHours: med === null ? null : Math.round(med * 10) / 10,
    measured: hours.length,
    late: {
      key: 'firstAction',
      title: 'Open CTAs past their first-action deadline',
      rule: 'Open CTAs with no first action logged after their first-action deadline (≤ 72 h from firing).',
      figureHeader: 'How late',
      nextHeader: 'Due by',
      rows: late.map((l) => l.row),
    },
  };
}

/** At-risk accounts with their reasons [L236]. */
export function atRiskWatchlist(p: Portfolio): Watchlist {
  const rows: WatchRow[] = [];
  for (const a of p.accounts) {
    const h = p.healthById.get(a.id);
    if (!h?.atRisk.flag) continue;
    rows.push({
      key: a.id,
      accountId: a.id,
      accountName: a.name,
      owner: csmOwner(a),
      figure: h.atRisk.reasons.length ? h.atRisk.reasons.join('; ') : 'At-risk flag set',
      nextDate: h.nextStrategicMeetingDue,
      alert: true,
    });
  }
  return {
    key: 'atRisk',
    title: 'At-risk accounts',
    rule: 'Accounts flagged at risk by the engine (missed cadence, Reds, open at-risk triggers), with the reasons.',
    figureHeader: 'Reasons',
    nextHeader: 'Next strategic meeting',
    rows,
  };
}

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
