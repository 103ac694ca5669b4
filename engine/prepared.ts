/**
 * An account's signals prepared once per evaluation: grouped by kind (deleted ones dropped) and every
 * instant parsed to epoch milliseconds, once. `evaluateAccount` prepares them once and shares them
 * between the live score, the months it freezes (up to 13) and the trigger engine, which used to
 * group the signals and re-parse the same ISO strings in every dimension, month and trigger.
 *
 * Records keep the signal (`s`) beside its parsed instants; an absent optional instant is NaN (test
 * the field on `s` where "absent" and "unparseable" must differ).
 */
import {
  type AdoptionSignal,
  type AssessmentSignal,
  type ComplaintSignal,
  type DecisionSignal,
  emptySignalsByKind,
  type ExecSeenSignal,
  type InitiativeSignal,
  type MeetingSignal,
  type MilestoneSignal,
  type PulseSignal,
  type Signal,
  type SignalsByKind,
  type StakeholderChangeSignal,
  type TicketSignal,
} from './signals';
import type { MetronomeConfig } from './config';
import { DAY_MS, iso, isIsoShaped, parseInstant, parseOptionalInstant as opt } from './time/zoned';

export interface TicketRec {
  s: TicketSignal;
  opened: number;
  /** closedAt (NaN when absent). */
  closed: number;
  /** resolvedAt when there is no closedAt (what "closed" falls back to); NaN otherwise. */
  resolved: number;
}
export interface MeetingRec {
  s: MeetingSignal;
  held: number;
  ended: number;
  recap: number;
  planned: number;
}
export interface AtRec<S> {
  s: S;
  at: number;
}
export interface DecisionRec {
  s: DecisionSignal;
  proposed: number;
  decided: number;
}
export interface MilestoneRec {
  s: MilestoneSignal;
  due: number;
  completed: number;
}

export interface PreparedSignals {
  /** Non-deleted signals by kind, in input order. */
  by: SignalsByKind;
  /** Tickets still open or settled on or after the ticket horizon (see `ticketHorizon`). */
  tickets: TicketRec[];
  /** Tickets opened and closed (or resolved) well before the ticket horizon: kept, not parsed. */
  ticketsBeforeHorizon: TicketSignal[];
  meetings: MeetingRec[];
  pulses: AtRec<PulseSignal>[];
  complaints: AtRec<ComplaintSignal>[];
  decisions: DecisionRec[];
  milestones: MilestoneRec[];
  stakeholderChanges: AtRec<StakeholderChangeSignal>[];
  execSeen: AtRec<ExecSeenSignal>[];
  assessments: AtRec<AssessmentSignal>[];
  initiatives: AtRec<InitiativeSignal>[];
  adoption: AtRec<AdoptionSignal>[];
  /** `observedAt` (ms) of any of the signals (deleted ones included). */
  observedMs(s: Signal): number;
}

/**
 * The earliest instant any rule reads a *settled* ticket at, for evaluations at `earliestMs` and
 * later: the widest quality window plus the repeat look-back before it (DECISIONS §7), and the
 * at-risk SLA trend's closed months and repeat-incident window (§5), two days' margin for time zones.
 * Tickets opened and closed before it cannot change any score or trigger, so an evaluation need not
 * parse them (most of an account's 13 months of tickets). A new rule that reads older settled
 * tickets must widen this; `prepared.test.ts` compares evaluations with and without the horizon.
 */
export function ticketHorizon(config: MetronomeConfig, earliestMs: number): number {
  const q = config.health.quality;
  const det = config.triggers.atRisk.detect;
  const days = Math.max(
    Math.max(q.ticketWindowDays, q.widenedWindowDays) + q.repeatWindowDays,
    (det.slaTrendMonths + 1) * 31,
    det.repeatWindowDays,
  );
  return earliestMs - (days + 2) * DAY_MS;
}

/**
 * Prepare from the raw list (groups it) or from signals already grouped by kind. With
 * `ticketHorizonMs`, settled tickets dated before it go to `ticketsBeforeHorizon` unparsed.
 */
export function prepareSignals(signals: readonly Signal[] | SignalsByKind, ticketHorizonMs = -Infinity): PreparedSignals {
  const observed = new Map<Signal, number>();
  const observedMs = (s: Signal): number => {
    let ms = observed.get(s);
    if (ms === undefined) {
      ms = parseInstant(s.observedAt);
      observed.set(s, ms);
    }
    return ms;
  };
  const p: PreparedSignals = {
    by: Array.isArray(signals) ? emptySignalsByKind() : (signals as SignalsByKind),
    tickets: [],
    ticketsBeforeHorizon: [],
    meetings: [],
    pulses: [],
    complaints: [],
    decisions: [],
    milestones: [],
    stakeholderChanges: [],
    execSeen: [],
    assessments: [],
    initiatives: [],
    adoption: [],
    observedMs,
  };
  // A local date string before this one is an instant before the horizon whatever its offset (±14 h),
  // so settled tickets are told apart by comparing strings, without parsing them.
  const before = ticketHorizonMs === -Infinity ? '' : iso(ticketHorizonMs - DAY_MS).slice(0, 10);
  if (Array.isArray(signals)) {
    // One pass: group by kind and parse each signal's instants.
    for (const s of signals as readonly Signal[]) {
      if (s.deletedAt) continue;
      add(p, s, before, true);
    }
  } else {
    for (const list of Object.values(p.by) as Signal[][]) for (const s of list) add(p, s, before, false);
  }
  return p;
}

/** Opened and closed (or resolved) on local dates before `before` (`yyyy-MM-dd`; '' = never). */
function settledBefore(t: TicketSignal, before: string): boolean {
  const settled = t.closedAt ?? t.resolvedAt;
  return (
    before !== '' && settled !== undefined && isIsoShaped(settled) && isIsoShaped(t.openedAt) && settled < before && t.openedAt < before &&
    (t.reopenedAt === undefined || (isIsoShaped(t.reopenedAt) && t.reopenedAt < before))
  );
}

/**
 * Record one signal (and, when `group`, add it to its kind's list). One typed push per case rather
 * than one `p.by[s.kind].push(s)` before the switch: the keyed form made a whole recompute 7–10%
 * slower (same-process A/B, 1,000 accounts), so the repetition stays.
 */
function add(p: PreparedSignals, s: Signal, before: string, group: boolean): void {
  const by = p.by;
  switch (s.kind) {
    case 'ticket':
      if (group) by.ticket.push(s);
      if (settledBefore(s, before)) p.ticketsBeforeHorizon.push(s);
      else p.tickets.push({ s, opened: parseInstant(s.openedAt), closed: opt(s.closedAt), resolved: s.closedAt === undefined ? opt(s.resolvedAt) : NaN });
      break;
    case 'meeting':
      if (group) by.meeting.push(s);
      p.meetings.push({ s, held: opt(s.heldAt), ended: opt(s.endedAt), recap: opt(s.recapSentAt), planned: opt(s.plannedFor) });
      break;
    case 'pulse':
      if (group) by.pulse.push(s);
      p.pulses.push({ s, at: parseInstant(s.at) });
      break;
    case 'complaint':
      if (group) by.complaint.push(s);
      p.complaints.push({ s, at: parseInstant(s.at) });
      break;
    case 'decision':
      if (group) by.decision.push(s);
      p.decisions.push({ s, proposed: parseInstant(s.proposedAt), decided: opt(s.decidedAt) });
      break;
    case 'milestone':
      if (group) by.milestone.push(s);
      p.milestones.push({ s, due: parseInstant(s.dueAt), completed: opt(s.completedAt) });
      break;
    case 'stakeholderChange':
      if (group) by.stakeholderChange.push(s);
      p.stakeholderChanges.push({ s, at: parseInstant(s.at) });
      break;
    case 'execSeen':
      if (group) by.execSeen.push(s);
      p.execSeen.push({ s, at: parseInstant(s.at) });
      break;
    case 'assessment':
      if (group) by.assessment.push(s);
      p.assessments.push({ s, at: parseInstant(s.completedAt) });
      break;
    case 'initiative':
      if (group) by.initiative.push(s);
      p.initiatives.push({ s, at: parseInstant(s.changedAt) });
      break;
    case 'adoption':
      if (group) by.adoption.push(s);
      p.adoption.push({ s, at: p.observedMs(s) });
      break;
    case 'accountFacts':
      if (group) by.accountFacts.push(s);
      break;
    default: {
      // A new signal kind must be grouped and prepared here: this line stops compiling until it is.
      const unhandled: never = s;
      void unhandled;
    }
  }
}
