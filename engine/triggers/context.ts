/**
 * What every trigger family reads, plus the builder that turns a play's configuration and a fired
 * condition into a `CtaSpec` (owner, clocks, checklist, draft), so the families only decide *whether*
 * and *why* a CTA fires and *when* its condition became true.
 */
import type { MetronomeConfig } from '../config';
import type { PlayConfig } from '../config/triggers';
import type { CadenceState } from '../cadence';
import type { AccountHealth, CtaSpec, Dimension, MonthlySnapshot } from '../model';
import { type PreparedSignals, prepareSignals } from '../prepared';
import { ROLE_LABELS, type Account, type Segment, type Signal, type SignalsByKind } from '../signals';
import { addDuration, toInstantString } from '../time/business';
import { formatMonthDay, wallFields, wallOf } from '../time/tzdate';
import { renderDraft, type DraftVars } from './drafts';
import { ctaId } from './ids';
import { describeOwner, ownersFor } from './owners';

export interface TriggerInput {
  account: Account;
  signals: readonly Signal[];
  health: AccountHealth;
  snapshots: readonly MonthlySnapshot[];
  cadence: CadenceState;
  config: MetronomeConfig;
  asOf: Date;
  /** `signals` already prepared by the caller (evaluateAccount shares its own); prepared here otherwise. */
  prepared?: PreparedSignals;
}

/** Derived once per run and shared by the trigger families. */
export interface TriggerContext extends TriggerInput {
  segment: Segment;
  tz: string;
  by: SignalsByKind;
  prepared: PreparedSignals;
  /** Results several families share, computed once per context (see missStreak, atRiskReasons). */
  memo: { streak?: unknown; atRisk?: unknown; decisions?: unknown };
}

export function makeContext(input: TriggerInput): TriggerContext {
  const prepared = input.prepared ?? prepareSignals(input.signals);
  // Fields listed (not spread): one object shape for every context, built once per account.
  return {
    account: input.account,
    signals: input.signals,
    health: input.health,
    snapshots: input.snapshots,
    cadence: input.cadence,
    config: input.config,
    asOf: input.asOf,
    segment: input.health.segment.segment,
    tz: input.config.calendar.timeZone,
    by: prepared.by,
    prepared,
    memo: {},
  };
}

export interface Fired {
  trigger: string;
  period: string;
  /** When the condition became true (stable across runs where the data allows). */
  firedAt: Date;
  why: string;
  /** Overrides the play's title (e.g. with the proposal's name). */
  title?: string;
  dimension?: Dimension;
  /** Overrides the play's due-by (Save Plan: min of two clocks). */
  dueBy?: Date;
  severity?: CtaSpec['severity'];
  acknowledgeBy?: Date;
  atRisk?: boolean;
  /** Extra placeholders for the draft. */
  vars?: DraftVars;
}

export function buildCta(ctx: TriggerContext, play: PlayConfig, f: Fired): CtaSpec {
  const cal = ctx.config.calendar;
  const { owner, accountable } = ownersFor(ctx.account, play, ctx.segment);
  const dueBy = f.dueBy ?? addDuration(f.firedAt, play.dueBy, cal);
  const firstActionRaw = addDuration(f.firedAt, play.firstAction ?? ctx.config.triggers.firstAction, cal);
  // The first action can never be due after the CTA itself.
  const firstActionDue = firstActionRaw.getTime() > dueBy.getTime() ? dueBy : firstActionRaw;
  const title = f.title ?? play.title;
  const spec: CtaSpec = {
    id: ctaId(ctx.account.id, f.trigger, f.period),
    accountId: ctx.account.id,
    trigger: f.trigger,
    period: f.period,
    title,
    why: f.why,
    owner,
    firedAt: toInstantString(f.firedAt, ctx.tz),
    dueBy: toInstantString(dueBy, ctx.tz),
    firstActionDue: toInstantString(firstActionDue, ctx.tz),
    checklist: play.checklist.map((s) => ({ id: s.id, text: s.text })),
  };
  if (accountable) spec.accountable = accountable;
  if (f.dimension) spec.dimension = f.dimension;
  if (f.severity) spec.severity = f.severity;
  if (f.acknowledgeBy) spec.acknowledgeBy = toInstantString(f.acknowledgeBy, ctx.tz);
  if (f.atRisk) spec.atRisk = true;
  if (play.draft) {
    spec.draft = renderDraft(play.draft, {
      config: ctx.config,
      asOf: ctx.asOf,
      firedAt: f.firedAt,
      dueBy,
      vars: {
        account: ctx.account.name,
        title,
        why: f.why,
        owner: owner.name ?? ROLE_LABELS[owner.role],
        ownerRole: ROLE_LABELS[owner.role],
        ...f.vars,
      },
    });
  }
  return spec;
}

/** "Sep 12" (same year as `asOf`) or "Sep 12, 2025", in the user's time zone. */
export function fmtDay(instant: Date | number, ctx: Pick<TriggerContext, 'tz' | 'asOf'>): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const sameYear = !Number.isNaN(ms) && wallFields(wallOf(ms, ctx.tz)).year === wallFields(wallOf(ctx.asOf.getTime(), ctx.tz)).year;
  return formatMonthDay(ms, ctx.tz, !sameYear);
}

/** A list of days: "Sep 12, Oct 10". */
export const fmtDays = (instants: readonly (Date | number)[], ctx: Pick<TriggerContext, 'tz' | 'asOf'>): string =>
  instants.map((i) => fmtDay(i, ctx)).join(', ');

export const roleLabel = ROLE_LABELS;
export { describeOwner };

/** Round to one decimal for "why" texts (59.5% → "59.5%", 59 → "59%"). */
export function pct(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

export const DAY_MS = 86_400_000;

/** Whole days elapsed from `from` to `to`. */
export function daysBetween(from: Date | number, to: Date | number): number {
  const a = typeof from === 'number' ? from : from.getTime();
  const b = typeof to === 'number' ? to : to.getTime();
  return Math.floor((b - a) / DAY_MS);
}

/** The later of two instants. */
export const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
export const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
