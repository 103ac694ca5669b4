/**
 * Core plays [L259] and per-dimension Red CTAs (DECISIONS §3, §5).
 *
 * - CX down: each negative pulse (score < 4) or complaint in the look-back → CSM, 48 h, with the
 *   "We heard / We'll change / You'll see" note. (Per event: each complaint deserves its answer.)
 * - Adoption below threshold: adoption dimension Red → TAM 5 d (not when CAD-6 fix-first is open).
 * - Alignment low: alignment Yellow, or a complaint tagged Relevance this month → vCIO 7 d.
 * - AD-3 backup success < 95% (rolling 30 d) → TAM 3 d.
 * - Optional Missed SLA (TAM 5 d) when the quality SLA input fails and Quality is not Red;
 *   optional Stakeholder change (CSM 10 d) per exec joined/left/role change.
 * - Red CTAs, one set per dimension per month: CX Red (first action 72 h, A/B vCIO review / C/D fix
 *   ≤ 7 d); Engagement, Quality and Alignment Red pick their play(s) by the failing driver keys,
 *   with a fallback play when no failing driver matches.
 * The "Engagement down" play is CAD-5 in cadence-triggers.ts (one CTA, not two).
 */
import type { RedPlayConfig } from '../config/triggers';
import type { CtaSpec, Dimension, DimensionResult, Driver } from '../model';
import { DIMENSION_LABELS } from '../model';
import { addCalendarDays, startOfDate } from '../time/business';
import { parseInstant } from '../time/zoned';
import { insightLabel, insightsBelow } from './cadence-triggers';
import { buildCta, fmtDay, later, pct, type TriggerContext } from './context';
import { fmtDate } from './drafts';
import { monthPeriod, recordPeriod } from './ids';

export const PLAY_TRIGGERS = {
  cxDown: 'cxDown',
  adoptionBelowThreshold: 'adoptionBelowThreshold',
  alignmentLow: 'alignmentLow',
  backupFailing: 'backupFailing',
  missedSla: 'missedSla',
  stakeholderChange: 'stakeholderChange',
  cxRed: 'experienceRed',
} as const;

/** Trigger key of a Red play: `engagementRed.resetCadence`, fallback `engagementRed`. */
export const redTrigger = (dimension: Dimension, key?: string): string => (key ? `${dimension}Red.${key}` : `${dimension}Red`);

function monthStart(ctx: TriggerContext): Date {
  return startOfDate(`${monthPeriod(ctx.asOf, ctx.tz)}-01`, ctx.tz);
}

export function failingDrivers(dim: DimensionResult | undefined): Driver[] {
  return dim ? dim.drivers.filter((d) => d.pass === false) : [];
}

/**
 * When a dimension's current colour started, as well as the data tells: the earliest reading this
 * month of a failing input, else the start of the month (never before the account was first seen).
 * Stable across runs in the same month as long as the readings are.
 */
export function colourSince(ctx: TriggerContext, dim: DimensionResult): Date {
  const start = monthStart(ctx);
  const t = ctx.asOf.getTime();
  let earliest: number | null = null;
  for (const d of failingDrivers(dim)) {
    for (const s of d.sources) {
      const at = parseInstant(s.observedAt);
      if (at >= start.getTime() && at <= t && (earliest === null || at < earliest)) earliest = at;
    }
  }
  const since = earliest === null ? start : new Date(earliest);
  return later(since, new Date(ctx.account.firstSeenAt));
}

function driverLine(d: Driver): string {
  return d.target ? `${d.label} ${d.display} (target ${d.target})` : `${d.label} ${d.display}`;
}

function redWhy(dim: DimensionResult, drivers: readonly Driver[]): string {
  const label = DIMENSION_LABELS[dim.dimension];
  const inputs = drivers.length ? `: ${drivers.map(driverLine).join('; ')}` : '';
  const reason = dim.reason ? ` ${dim.reason}` : '';
  return `${label} is Red${inputs}.${reason}`.trim();
}

const keyMatches = (play: { driverKeys: readonly string[] }, d: Driver): boolean =>
  play.driverKeys.some((k) => k.toLowerCase() === d.key.toLowerCase());

/** The enabled Red plays selected by failing drivers, each with the drivers that selected it. */
export function selectRedPlays(plays: readonly RedPlayConfig[], failing: readonly Driver[]): { play: RedPlayConfig; drivers: Driver[] }[] {
  const out: { play: RedPlayConfig; drivers: Driver[] }[] = [];
  for (const play of plays) {
    if (!play.enabled) continue;
    const drivers = failing.filter((d) => keyMatches(play, d));
    if (drivers.length) out.push({ play, drivers });
  }
  return out;
}

function redCtas(ctx: TriggerContext, dimension: 'engagement' | 'quality' | 'alignment'): CtaSpec[] {
  const dim = ctx.health.dimensions[dimension];
  if (!dim || dim.colour !== 'red') return [];
  const cfg = ctx.config.triggers.red[dimension];
  const failing = failingDrivers(dim);
  const firedAt = colourSince(ctx, dim);
  const period = monthPeriod(ctx.asOf, ctx.tz);
  const selected = selectRedPlays(cfg.plays, failing);
  if (selected.length === 0) {
    if (!cfg.fallback.enabled) return [];
    return [buildCta(ctx, cfg.fallback, { trigger: redTrigger(dimension), period, firedAt, dimension, why: redWhy(dim, failing) })];
  }
  return selected.map(({ play, drivers }) =>
    buildCta(ctx, play, { trigger: redTrigger(dimension, play.key), period, firedAt, dimension, why: redWhy(dim, drivers) }),
  );
}

/** CX Red → first action 72 h; A/B vCIO review ≤ 7 d, C/D CSM/TAM fix ≤ 7 d. */
function cxRed(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.red.experience;
  const dim = ctx.health.dimensions.experience;
  if (!play.enabled || !dim || dim.colour !== 'red') return [];
  return [
    buildCta(ctx, play, {
      trigger: PLAY_TRIGGERS.cxRed,
      period: monthPeriod(ctx.asOf, ctx.tz),
      title: play.titleBySegment?.[ctx.segment] ?? play.title,
      firedAt: colourSince(ctx, dim),
      dimension: 'experience',
      why: redWhy(dim, failingDrivers(dim)),
    }),
  ];
}

/** CX down: one CTA per negative pulse or complaint in the look-back window. */
function cxDown(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.plays.cxDown;
  if (!play.enabled) return [];
  const t = ctx.asOf.getTime();
  const from = addCalendarDays(ctx.asOf, -ctx.config.triggers.eventLookbackDays, ctx.tz).getTime();
  const inWindow = (at: number) => at > from && at <= t;
  const checkIn = (at: Date) => fmtDate(addCalendarDays(at, 14, ctx.tz), ctx.tz);
  const out: CtaSpec[] = [];
  for (const { s: p, at: pulseAt } of ctx.prepared.pulses) {
    if (!(p.score < play.negativePulseBelow) || !inWindow(pulseAt)) continue;
    const at = new Date(pulseAt);
    const missing = p.missing?.trim();
    out.push(
      buildCta(ctx, play, {
        trigger: PLAY_TRIGGERS.cxDown,
        period: recordPeriod('pulse', p.id),
        firedAt: at,
        dimension: 'experience',
        why: `Pulse ${p.score} / 5 on ${fmtDay(at, ctx)} (< ${play.negativePulseBelow})${missing ? `; "What was missing?": ${missing}` : ''}.`,
        vars: { ...(missing ? { heard: missing } : {}), by: checkIn(at) },
      }),
    );
  }
  for (const { s: c, at: complaintAt } of ctx.prepared.complaints) {
    if (!inWindow(complaintAt)) continue;
    const at = new Date(complaintAt);
    out.push(
      buildCta(ctx, play, {
        trigger: PLAY_TRIGGERS.cxDown,
        period: recordPeriod('complaint', c.id),
        firedAt: at,
        dimension: 'experience',
        why: `Complaint logged ${fmtDay(at, ctx)} (root cause: ${c.rootCause}): ${c.summary}`,
        vars: { heard: c.summary, by: checkIn(at) },
      }),
    );
  }
  return out;
}

function adoptionBelowThreshold(ctx: TriggerContext, fixFirstOpen: boolean): CtaSpec[] {
  const play = ctx.config.triggers.plays.adoptionBelowThreshold;
  const dim = ctx.health.dimensions.adoption;
  if (!play.enabled || fixFirstOpen || !dim || dim.colour !== 'red') return [];
  const score = dim.score === null ? '' : ` DMI ${Math.round(dim.score * 10) / 10}`;
  return [
    buildCta(ctx, play, {
      trigger: PLAY_TRIGGERS.adoptionBelowThreshold,
      period: monthPeriod(ctx.asOf, ctx.tz),
      firedAt: colourSince(ctx, dim),
      dimension: 'adoption',
      why: `Adoption is Red:${score}. ${failingDrivers(dim).map(driverLine).join('; ')}`.trim(),
    }),
  ];
}

function alignmentLow(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.plays.alignmentLow;
  const dim = ctx.health.dimensions.alignment;
  if (!play.enabled || dim?.colour === 'red') return []; // Red has its own plays
  const start = monthStart(ctx);
  const t = ctx.asOf.getTime();
  const relevance = ctx.prepared.complaints
    .filter((r) => r.s.rootCause === 'Relevance' && r.at >= start.getTime() && r.at <= t)
    .sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  const sinces: Date[] = [];
  if (dim?.colour === 'yellow') {
    parts.push(`Service Level Alignment is Yellow${dim.score === null ? '' : ` (${Math.round(dim.score)})`}`);
    sinces.push(colourSince(ctx, dim));
  }
  const first = relevance[0];
  if (first) {
    parts.push(`${relevance.length} complaint(s) tagged Relevance this month (first ${fmtDay(first.at, ctx)})`);
    sinces.push(new Date(first.at));
  }
  if (sinces.length === 0) return [];
  return [
    buildCta(ctx, play, {
      trigger: PLAY_TRIGGERS.alignmentLow,
      period: monthPeriod(ctx.asOf, ctx.tz),
      firedAt: sinces.reduce((a, b) => (a.getTime() <= b.getTime() ? a : b)),
      dimension: 'alignment',
      why: `${parts.join('; ')}.`,
    }),
  ];
}

/** AD-3 [L122]: backup success (rolling 30 d) below 95% → TAM, 3 d (monthly period while it holds). */
function backupFailing(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.plays.backupFailing;
  if (!play.enabled) return [];
  const [below] = insightsBelow(ctx, [{ insight: play.insight, below: play.below }]);
  if (!below) return [];
  return [
    buildCta(ctx, play, {
      trigger: PLAY_TRIGGERS.backupFailing,
      period: monthPeriod(ctx.asOf, ctx.tz),
      firedAt: later(later(below.since, monthStart(ctx)), new Date(ctx.account.firstSeenAt)),
      dimension: 'adoption',
      why: `${insightLabel(ctx, below.insight)} ${pct(below.coveragePct)} < ${below.threshold}%.`,
    }),
  ];
}

function missedSla(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.plays.missedSla;
  const dim = ctx.health.dimensions.quality;
  if (!play.enabled || !dim || dim.colour === 'red') return []; // Quality Red has its SLA play
  const drivers = failingDrivers(dim).filter((d) => keyMatches(play, d));
  if (drivers.length === 0) return [];
  return [
    buildCta(ctx, play, {
      trigger: PLAY_TRIGGERS.missedSla,
      period: monthPeriod(ctx.asOf, ctx.tz),
      firedAt: colourSince(ctx, { ...dim, drivers }),
      dimension: 'quality',
      why: `SLA below target: ${drivers.map(driverLine).join('; ')}.`,
    }),
  ];
}

function stakeholderChange(ctx: TriggerContext): CtaSpec[] {
  const play = ctx.config.triggers.plays.stakeholderChange;
  if (!play.enabled) return [];
  const t = ctx.asOf.getTime();
  const from = addCalendarDays(ctx.asOf, -ctx.config.triggers.eventLookbackDays, ctx.tz).getTime();
  const verbs = { joined: 'joined', left: 'left', 'role-changed': 'changed role' } as const;
  const out: CtaSpec[] = [];
  for (const { s, at } of ctx.prepared.stakeholderChanges) {
    if (at <= from || at > t || (play.execOnly && !s.exec)) continue;
    const who = s.title ? `${s.name} (${s.title})` : s.name;
    out.push(
      buildCta(ctx, play, {
        trigger: PLAY_TRIGGERS.stakeholderChange,
        period: recordPeriod('stakeholder', s.id),
        firedAt: new Date(at),
        why: `${who} ${verbs[s.change]} on ${fmtDay(at, ctx)}.`,
      }),
    );
  }
  return out;
}

export function corePlays(ctx: TriggerContext, opts: { fixFirstOpen: boolean }): CtaSpec[] {
  return [...cxDown(ctx), ...adoptionBelowThreshold(ctx, opts.fixFirstOpen), ...backupFailing(ctx), ...alignmentLow(ctx), ...missedSla(ctx), ...stakeholderChange(ctx)];
}

export function redPlays(ctx: TriggerContext): CtaSpec[] {
  return [...cxRed(ctx), ...redCtas(ctx, 'engagement'), ...redCtas(ctx, 'quality'), ...redCtas(ctx, 'alignment')];
}
