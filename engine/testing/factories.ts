/**
 * Small factories for engine tests: valid accounts and signals with sensible defaults, so a test
 * states only what it is about. Every factory returns a plain object that passes the zod schema.
 */
import { DEFAULT_CONFIG, type MetronomeConfig } from '../config';
import { buildContext, type DimensionContext } from '../dimensions/context';
import { groupSignals } from '../signals';
import type {
  Account,
  AdoptionSignal,
  Attendee,
  ComplaintRootCause,
  ComplaintSignal,
  DecisionSignal,
  ExecSeenSignal,
  MeetingSignal,
  MeetingType,
  MilestoneSignal,
  PulseSignal,
  Segment,
  Signal,
  Source,
  TicketSignal,
} from '../signals';

let seq = 0;
/** A fresh id with a readable prefix. */
export const nextId = (prefix: string): string => `${prefix}-${++seq}`;

export const DAY = 86_400_000;
/** ISO instant `days` days (may be fractional/negative) after `base`. */
export const plusDays = (base: string, days: number): string => new Date(Date.parse(base) + days * DAY).toISOString();

export const userSource: Source = { host: 'metronome', pageType: 'manual', url: '', reader: 'user' };
export const psaSource = (path = '/ticket/1'): Source => ({
  host: 'acme.myconnectwise.net',
  pageType: 'ticket',
  url: `https://acme.myconnectwise.net${path}`,
  reader: 'connectwise',
});

export const ACCOUNT_ID = 'acct-1';

export function makeAccount(over: Partial<Account> = {}): Account {
  return {
    id: ACCOUNT_ID,
    name: 'Acme Dental',
    aliases: [],
    psaRefs: [],
    tenants: [],
    roles: {},
    firstSeenAt: '2025-01-01T00:00:00Z',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...over,
  };
}

const base = (prefix: string, observedAt: string, source: Source = userSource) => ({
  id: nextId(prefix),
  accountId: ACCOUNT_ID,
  observedAt,
  source,
});

export interface MeetingOpts {
  type?: MeetingType;
  attendees?: Attendee[];
  /** Recap sent this many hours after the meeting's end; omit for no recap. */
  recapAfterHours?: number;
  endedAfterHours?: number;
  plannedFor?: string;
  meetingId?: string;
  id?: string;
}

/** A held meeting (default a QBR) at `at`. */
export function heldMeeting(at: string, o: MeetingOpts = {}): MeetingSignal {
  const endedAt = o.endedAfterHours !== undefined ? new Date(Date.parse(at) + o.endedAfterHours * 3_600_000).toISOString() : undefined;
  const end = Date.parse(endedAt ?? at);
  const m: MeetingSignal = {
    ...base('meeting', at),
    kind: 'meeting',
    meetingId: o.meetingId ?? nextId('mtg'),
    type: o.type ?? 'QBR',
    status: 'held',
    heldAt: at,
    attendees: o.attendees ?? [],
  };
  if (o.id) m.id = o.id;
  if (endedAt) m.endedAt = endedAt;
  if (o.plannedFor) m.plannedFor = o.plannedFor;
  if (o.recapAfterHours !== undefined) m.recapSentAt = new Date(end + o.recapAfterHours * 3_600_000).toISOString();
  return m;
}

export function plannedMeeting(plannedFor: string, o: MeetingOpts & { observedAt?: string } = {}): MeetingSignal {
  return {
    ...base('meeting', o.observedAt ?? plannedFor),
    kind: 'meeting',
    meetingId: o.meetingId ?? nextId('mtg'),
    type: o.type ?? 'QBR',
    status: 'planned',
    plannedFor,
    attendees: [],
  };
}

/** A meeting the user logged as missed (`observedAt` defaults to one hour after it was planned for). */
export function missedMeeting(plannedFor: string, o: MeetingOpts & { observedAt?: string } = {}): MeetingSignal {
  return {
    ...base('meeting', o.observedAt ?? new Date(Date.parse(plannedFor) + 3_600_000).toISOString()),
    kind: 'meeting',
    meetingId: o.meetingId ?? nextId('mtg'),
    type: o.type ?? 'QBR',
    status: 'missed',
    plannedFor,
    attendees: [],
  };
}

export const exec = (name = 'Dana CEO'): Attendee => ({ name, decisionMaker: true, exec: true });
export const decisionMaker = (name = 'Finn CFO'): Attendee => ({ name, decisionMaker: true, exec: false });
export const staff = (name = 'Sam IT'): Attendee => ({ name, decisionMaker: false, exec: false });

export function pulse(score: number, at: string, meetingId?: string): PulseSignal {
  const p: PulseSignal = { ...base('pulse', at), kind: 'pulse', score, at };
  if (meetingId) p.meetingId = meetingId;
  return p;
}

export function complaint(rootCause: ComplaintRootCause, at: string): ComplaintSignal {
  return { ...base('complaint', at), kind: 'complaint', rootCause, summary: `${rootCause} complaint`, at };
}

export function execSeen(at: string, name = 'Dana CEO'): ExecSeenSignal {
  return { ...base('exec', at), kind: 'execSeen', name, at };
}

export interface DecisionOpts {
  meetingId?: string;
  status?: 'pending' | 'yes' | 'no';
  decidedAt?: string;
  owner?: string;
  dueDate?: string;
  budget?: string;
  otherAction?: boolean;
}

export function decision(proposedAt: string, o: DecisionOpts = {}): DecisionSignal {
  const d: DecisionSignal = {
    ...base('decision', o.decidedAt ?? proposedAt),
    kind: 'decision',
    decisionId: nextId('dec'),
    title: 'Move to Intune',
    proposedAt,
    status: o.status ?? (o.decidedAt ? 'yes' : 'pending'),
  };
  if (o.decidedAt) d.decidedAt = o.decidedAt;
  if (o.meetingId) d.meetingId = o.meetingId;
  if (o.owner) d.owner = o.owner;
  if (o.dueDate) d.dueDate = o.dueDate;
  if (o.budget) d.budget = o.budget;
  if (o.otherAction) d.otherAction = true;
  return d;
}

export function adoption(insight: string, coveragePct: number, observedAt: string): AdoptionSignal {
  return {
    ...base('adoption', observedAt, { host: 'admin.microsoft.com', pageType: 'm365-mfa', url: 'https://admin.microsoft.com/#/mfa', reader: 'm365' }),
    kind: 'adoption',
    insight,
    coveragePct,
  };
}

export interface TicketOpts {
  closedAt?: string;
  category?: string;
  responseMet?: boolean;
  resolutionMet?: boolean;
  excluded?: boolean;
  reopenedAt?: string;
  reopenCount?: number;
  /** No SLA block at all. */
  noSla?: boolean;
  observedAt?: string;
}

export function ticket(openedAt: string, o: TicketOpts = {}): TicketSignal {
  const tid = nextId('T');
  const t: TicketSignal = {
    ...base('ticket', o.observedAt ?? o.closedAt ?? openedAt, psaSource(`/ticket/${tid}`)),
    kind: 'ticket',
    ticketId: tid,
    openedAt,
  };
  if (o.closedAt) t.closedAt = o.closedAt;
  if (o.category) t.category = o.category;
  if (o.reopenedAt) t.reopenedAt = o.reopenedAt;
  if (o.reopenCount !== undefined) t.reopenCount = o.reopenCount;
  if (!o.noSla) {
    t.sla = { responseMet: o.responseMet ?? true, resolutionMet: o.resolutionMet ?? true };
    if (o.excluded) t.sla.excluded = true;
  }
  return t;
}

export function milestone(dueAt: string, completedAt?: string): MilestoneSignal {
  const m: MilestoneSignal = { ...base('milestone', completedAt ?? dueAt), kind: 'milestone', milestoneId: nextId('ms'), name: 'Firewall swap', dueAt };
  if (completedAt) m.completedAt = completedAt;
  return m;
}

/** Type helper for heterogeneous signal lists in tests. */
export const signals = (...s: Signal[]): Signal[] => s;

/** A DimensionContext over `sigs` at `asOf` (segment C and the default config unless given). */
export function ctxFor(
  sigs: readonly Signal[],
  o: { asOf: string; segment?: Segment; config?: MetronomeConfig; account?: Account },
): DimensionContext {
  return buildContext({
    account: o.account ?? makeAccount(),
    signals: groupSignals(sigs),
    segment: o.segment ?? 'C',
    config: o.config ?? DEFAULT_CONFIG,
    asOf: new Date(o.asOf),
  });
}
