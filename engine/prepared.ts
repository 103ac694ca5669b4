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
  type ExecSeenSignal,
  groupSignals,
  type InitiativeSignal,
  type MeetingSignal,
  type MilestoneSignal,
  type PulseSignal,
  type Signal,
  type SignalsByKind,
  type StakeholderChangeSignal,
  type TicketSignal,
} from './signals';
import { parseInstant } from './time/zoned';

const opt = (s: string | undefined): number => (s === undefined ? NaN : parseInstant(s));

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
  tickets: TicketRec[];
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

/** Prepare from the raw list (groups it) or from signals already grouped by kind. */
export function prepareSignals(signals: readonly Signal[] | SignalsByKind): PreparedSignals {
  const grouped = Array.isArray(signals);
  const by = grouped ? groupSignals(signals as readonly Signal[]) : (signals as SignalsByKind);
  const observed = new Map<Signal, number>();
  const observedMs = (s: Signal): number => {
    let ms = observed.get(s);
    if (ms === undefined) {
      ms = parseInstant(s.observedAt);
      observed.set(s, ms);
    }
    return ms;
  };
  const at = <S extends { at: string }>(list: readonly S[]): AtRec<S>[] => list.map((s) => ({ s, at: parseInstant(s.at) }));
  return {
    by,
    tickets: by.ticket.map((s) => ({ s, opened: parseInstant(s.openedAt), closed: opt(s.closedAt), resolved: s.closedAt === undefined ? opt(s.resolvedAt) : NaN })),
    meetings: by.meeting.map((s) => ({ s, held: opt(s.heldAt), ended: opt(s.endedAt), recap: opt(s.recapSentAt), planned: opt(s.plannedFor) })),
    pulses: at(by.pulse),
    complaints: at(by.complaint),
    decisions: by.decision.map((s) => ({ s, proposed: parseInstant(s.proposedAt), decided: opt(s.decidedAt) })),
    milestones: by.milestone.map((s) => ({ s, due: parseInstant(s.dueAt), completed: opt(s.completedAt) })),
    stakeholderChanges: at(by.stakeholderChange),
    execSeen: at(by.execSeen),
    assessments: by.assessment.map((s) => ({ s, at: parseInstant(s.completedAt) })),
    initiatives: by.initiative.map((s) => ({ s, at: parseInstant(s.changedAt) })),
    adoption: by.adoption.map((s) => ({ s, at: observedMs(s) })),
    observedMs,
  };
}
