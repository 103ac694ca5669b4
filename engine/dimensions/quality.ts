/**
 * Service Quality (DECISIONS §3 [L134–L135], §7 SLA / repeat / milestone definitions).
 * Score = 0.30·SLA + 0.25·milestones on time + 0.25·(100 − repeat%) + 0.20·follow-through
 * (missing inputs dropped, weights renormalised); colour by segment edges A 85/75 … D 70/55.
 * The per-signal Green targets of [L135] are the ticks beside each input (they do not colour).
 */
import type { MetronomeConfig } from '../config';
import type { DimensionResult, Driver } from '../model';
import type { Segment, Signal, TicketSignal } from '../signals';
import { DAY_MS, parseInstant } from '../time/zoned';
import type { DimensionContext } from './context';
import { colourByEdges, fmtDate, fmtPct, missingDriver, result, round2, sourcesOf, weightedScore } from './drivers';

export function qualityColour(score: number, segment: Segment, config: MetronomeConfig) {
  return colourByEdges(score, config.health.quality.edges[segment]);
}

// Categories repeat across tickets and accounts: normalise each distinct string once.
const categoryCache = new Map<string, string>();
function normCategory(c: string): string {
  let n = categoryCache.get(c);
  if (n === undefined) {
    if (categoryCache.size > 50_000) categoryCache.clear();
    n = c.trim().toLowerCase();
    categoryCache.set(c, n);
  }
  return n;
}

interface ParsedTicket {
  t: TicketSignal;
  opened: number;
  closed: number | null;
  repeat: boolean;
  /** SLA outcome (see `slaMet`); set only for closed tickets. */
  met: boolean | null;
}

/** SLA outcome of one ticket: true met, false missed, null no SLA information or excluded. */
export function slaMet(t: TicketSignal): boolean | null {
  const sla = t.sla;
  if (!sla || sla.excluded) return null;
  let response = sla.responseMet;
  if (response === undefined && sla.responseDueAt && t.respondedAt) response = parseInstant(t.respondedAt) <= parseInstant(sla.responseDueAt);
  let resolution = sla.resolutionMet;
  const resolvedAt = t.resolvedAt ?? t.closedAt;
  if (resolution === undefined && sla.resolutionDueAt && resolvedAt) resolution = parseInstant(resolvedAt) <= parseInstant(sla.resolutionDueAt);
  if (response === undefined && resolution === undefined) return null;
  return response !== false && resolution !== false;
}

/** Items in [start, asOf]; fewer than `min` in the short window → the widened one; still fewer → null. */
function widen<T>(items: T[], at: (x: T) => number, ctx: DimensionContext, shortDays: number, wideDays: number, min: number) {
  for (const days of [shortDays, wideDays]) {
    const start = ctx.windowStart(days);
    const inWin = items.filter((x) => {
      const a = at(x);
      return a >= start && a <= ctx.asOfMs;
    });
    if (inWin.length >= min) return { items: inWin, days, start };
  }
  return null;
}

export function quality(ctx: DimensionContext): DimensionResult {
  const { config, segment } = ctx;
  const q = config.health.quality;
  const target = q.targets[segment];

  // Parse each ticket's dates once.
  const tickets: ParsedTicket[] = [];
  for (const r of ctx.prepared.tickets) {
    const t = r.s;
    const opened = r.opened;
    if (opened > ctx.asOfMs) continue;
    const closed = t.closedAt ? r.closed : null;
    tickets.push({ t, opened, closed: closed !== null && closed <= ctx.asOfMs ? closed : null, repeat: false, met: null });
  }
  let windowStart = ctx.windowStart(q.ticketWindowDays);
  const useStart = (s: number) => {
    if (s < windowStart) windowStart = s;
  };

  // SLA adherence: closed tickets carrying SLA targets; PSA-excluded ones left out.
  const withSla: ParsedTicket[] = [];
  let lastClosedBefore: number | null = null;
  for (const p of tickets) {
    if (p.closed === null) continue;
    const met = slaMet(p.t);
    if (met === null) continue;
    p.met = met;
    withSla.push(p);
  }
  const sla = widen(withSla, (x) => x.closed!, ctx, q.ticketWindowDays, q.widenedWindowDays, q.minTickets);
  let slaValue: number | null = null;
  let slaDriver: Driver;
  if (sla) {
    useStart(sla.start);
    const met = sla.items.filter((x) => x.met).length;
    slaValue = (100 * met) / sla.items.length;
    slaDriver = {
      key: 'sla',
      label: 'SLA adherence',
      value: round2(slaValue),
      display: `${fmtPct(slaValue)} (${met} of ${sla.items.length} tickets, last ${sla.days} days)`,
      target: `≥ ${target.sla}%`,
      pass: slaValue >= target.sla,
      missing: false,
      sources: sourcesOf(ctx, sla.items.map((x) => x.t)),
    };
  } else {
    const wideStart = ctx.windowStart(q.widenedWindowDays);
    for (const x of withSla) if (x.closed! < wideStart && (lastClosedBefore === null || x.closed! > lastClosedBefore)) lastClosedBefore = x.closed!;
    // Tickets settled before the ticket horizon (prepared.ts) count for staleness only: parsed here, rarely.
    for (const t of ctx.prepared.ticketsBeforeHorizon) {
      if (!t.closedAt || slaMet(t) === null) continue;
      const closed = parseInstant(t.closedAt);
      if (closed <= ctx.asOfMs && closed < wideStart && (lastClosedBefore === null || closed > lastClosedBefore)) lastClosedBefore = closed;
    }
    slaDriver = missingDriver('sla', 'SLA adherence', `≥ ${target.sla}%`, {
      display: `No data (fewer than ${q.minTickets} closed tickets with SLA in ${q.widenedWindowDays} days)`,
      ...(lastClosedBefore !== null ? { staleSince: new Date(lastClosedBefore).toISOString() } : {}),
    });
  }

  // Repeat / reopen rate: tickets opened in the window that were reopened or repeat a category ≤ 30 d.
  const repeatMs = q.repeatWindowDays * DAY_MS;
  // `tickets` is not read after this point: sort it in place (stable, as the copy was).
  const byOpened = tickets.sort((a, b) => a.opened - b.opened);
  const lastByCategory = new Map<string, number>();
  for (const p of byOpened) {
    const cat = p.t.category ? normCategory(p.t.category) : undefined;
    let rep = (p.t.reopenCount ?? 0) > 0 || (p.t.reopenedAt !== undefined && parseInstant(p.t.reopenedAt) <= ctx.asOfMs);
    if (cat) {
      const prev = lastByCategory.get(cat);
      if (prev !== undefined && p.opened - prev <= repeatMs) rep = true;
      lastByCategory.set(cat, p.opened);
    }
    p.repeat = rep;
  }
  const opened = widen(byOpened, (p) => p.opened, ctx, q.ticketWindowDays, q.widenedWindowDays, q.minTickets);
  let repeatRate: number | null = null;
  let repeatDriver: Driver;
  if (opened) {
    useStart(opened.start);
    const repeats = opened.items.filter((p) => p.repeat);
    repeatRate = (100 * repeats.length) / opened.items.length;
    repeatDriver = {
      key: 'repeat',
      label: 'Repeat / reopen rate',
      value: round2(repeatRate),
      display: `${fmtPct(repeatRate)} (${repeats.length} of ${opened.items.length} tickets, last ${opened.days} days)`,
      target: `≤ ${target.repeatMax}%`,
      pass: repeatRate <= target.repeatMax,
      missing: false,
      sources: sourcesOf(ctx, repeats.length ? repeats.map((p) => p.t) : opened.items.map((p) => p.t)),
    };
  } else {
    repeatDriver = missingDriver('repeat', 'Repeat / reopen rate', `≤ ${target.repeatMax}%`, {
      display: `No data (fewer than ${q.minTickets} tickets opened in ${q.widenedWindowDays} days)`,
    });
  }

  // Milestones due in the last 90 days, met by their due date.
  const msStart = ctx.windowStart(q.milestoneWindowDays);
  const dueRecs = ctx.prepared.milestones.filter((m) => m.due >= msStart && m.due <= ctx.asOfMs);
  const due = dueRecs.map((m) => m.s);
  const onTimeMs = dueRecs.filter((m) => m.s.completedAt !== undefined && m.completed <= m.due).map((m) => m.s);
  const onTime = due.length ? (100 * onTimeMs.length) / due.length : null;
  const onTimeTarget = target.onTime === null ? 'n/a' : `≥ ${target.onTime}%`;
  const onTimeDriver: Driver =
    onTime === null
      ? missingDriver('onTime', 'Milestones on time', onTimeTarget)
      : {
          key: 'onTime',
          label: 'Milestones on time',
          value: round2(onTime),
          display: `${fmtPct(onTime)} (${onTimeMs.length} of ${due.length})`,
          target: onTimeTarget,
          pass: target.onTime === null ? null : onTime >= target.onTime,
          missing: false,
          sources: sourcesOf(ctx, due),
        };
  if (onTime !== null) useStart(msStart);

  // Follow-through: recap ≤ 48 h over held strategic meetings.
  const rr = ctx.recapRate(q.followThroughWindowDays);
  const ftDriver: Driver =
    rr.rate === null
      ? missingDriver('followThrough', `Follow-through (recap ≤ ${config.health.recapHours} h)`, `≥ ${target.followThrough}%`)
      : {
          key: 'followThrough',
          label: `Follow-through (recap ≤ ${config.health.recapHours} h)`,
          value: round2(rr.rate),
          display: `${fmtPct(rr.rate)} (${rr.onTime} of ${rr.due.length} meetings)`,
          target: `≥ ${target.followThrough}%`,
          pass: rr.rate >= target.followThrough,
          missing: false,
          sources: sourcesOf(ctx, rr.due.map((h) => h.meeting)),
        };
  if (rr.rate !== null) useStart(ctx.windowStart(q.followThroughWindowDays));

  const drivers = [slaDriver, onTimeDriver, repeatDriver, ftDriver];
  const raw = weightedScore([
    { driver: slaDriver, weight: q.weights.sla, score: slaValue },
    { driver: onTimeDriver, weight: q.weights.onTime, score: onTime },
    { driver: repeatDriver, weight: q.weights.repeat, score: repeatRate === null ? null : 100 - repeatRate },
    { driver: ftDriver, weight: q.weights.followThrough, score: rr.rate },
  ]);
  const fed: Signal[] = [
    ...(sla ? sla.items.map((x) => x.t) : []),
    ...(opened ? opened.items.map((p) => p.t) : []),
    ...due,
    ...rr.due.map((h) => h.meeting),
  ];
  if (raw === null) {
    const why = lastClosedBefore !== null ? ` (last SLA ticket closed ${fmtDate(lastClosedBefore)})` : '';
    return result(ctx, 'quality', windowStart, null, 'nodata',
      `No data: too few tickets, no milestones due and no recap-due meetings in the window${why}.`, drivers, fed);
  }
  const score = round2(raw);
  const colour = qualityColour(score, segment, config);
  const edges = q.edges[segment];
  const failing = drivers.filter((d) => d.pass === false).map((d) => `${d.label.toLowerCase()} ${d.display.split(' (')[0]}`);
  const reason =
    colour === 'green'
      ? `Green: quality score ${score} ≥ ${edges.green} (segment ${segment}).`
      : `${colour === 'red' ? `Red: quality score ${score} < ${edges.red}` : `Yellow: quality score ${score} < ${edges.green}`} (segment ${segment})${failing.length ? `; below target: ${failing.join(', ')}` : ''}.`;
  return result(ctx, 'quality', windowStart, score, colour, reason, drivers, fed);
}
