/**
 * The vocabulary every part of Metronome speaks: accounts and the typed signals read from PSA pages,
 * the M365 admin center, imports and the user's own logging. zod schemas are the single source of
 * truth; TypeScript types are inferred from them.
 *
 * Conventions
 * - Instants are ISO 8601 strings with an offset or `Z` (`2026-11-17T08:42:00-05:00`).
 * - Calendar dates without a time (renewal date) are `yyyy-MM-dd`; a fiscal year end is `MM-dd`.
 * - Ids are strings (sync-ready; never auto-increment). A signal's id is stable for the thing it
 *   describes (e.g. `ticket:acme.myconnectwise.net:284511`), so reading the same page twice
 *   updates one record instead of adding a second.
 */
import { z } from 'zod';
import { ROLE_LABELS, ROLES, SEGMENTS } from './vocabulary';

// Plain constants live in the zod-free vocabulary (the panel's first render needs only those).
export { ROLE_LABELS, ROLES, SEGMENTS };

// ---------------------------------------------------------------------------------------------
// Primitives

/** An instant: ISO 8601 with offset or Z. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date, `yyyy-MM-dd`. */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** Month and day of a fiscal year end, `MM-dd` (e.g. `06-30`). */
export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-dd, e.g. 06-30');

export const Id = z.string().min(1).max(200);
export const ShortText = z.string().max(500);
export const LongText = z.string().max(20_000);
export const Percent = z.number().min(0).max(100);

export const Segment = z.enum(SEGMENTS);
export type Segment = z.infer<typeof Segment>;

/** Maturity and appetite are scored 1–5 [L83]. */
export const Score1to5 = z.number().int().min(1).max(5);

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** People by role, by name. A role without a name is "unassigned" — never "the team". */
export const RoleMap = z
  .object({
    cadenceOwner: ShortText.optional(),
    backup: ShortText.optional(),
    am: ShortText.optional(),
    tam: ShortText.optional(),
    csm: ShortText.optional(),
    vcio: ShortText.optional(),
  })
  .strict();
export type RoleMap = z.infer<typeof RoleMap>;

// ---------------------------------------------------------------------------------------------
// Provenance: every value can say where and when it was read.

export const PAGE_TYPES = [
  'ticket',
  'ticket-list',
  'company',
  'agreement',
  'sla',
  'm365-mfa',
  'm365-licences',
  'm365-secure-score',
  'm365-usage',
  'generic',
  'taught',
  'manual',
  'import',
  'sample',
] as const;
export const PageType = z.enum(PAGE_TYPES);
export type PageType = z.infer<typeof PageType>;

export const Source = z
  .object({
    /** Host the value was read on (`acme.myconnectwise.net`), or `metronome` for user logging. */
    host: z.string().min(1).max(253),
    pageType: PageType,
    /** Page URL; empty for manual logging and imports. */
    url: z.string().max(4000),
    /** Adapter that read it (`connectwise`, `autotask`, `halopsa`, `m365`, `generic`, `teach`, `user`, `csv`, `sample`). */
    reader: z.string().min(1).max(40),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Shared by every signal. */
const signalBase = {
  id: Id,
  accountId: Id,
  /** When Metronome read (or the user logged) this. */
  observedAt: Instant,
  source: Source,
  /** Sync-ready bookkeeping. */
  updatedAt: Instant.optional(),
  deletedAt: Instant.optional(),
  /** Set on records created by the sample-portfolio generator so they can be removed in one click. */
  sample: z.boolean().optional(),
};

// ---------------------------------------------------------------------------------------------
// Account

export const SegmentOverride = z
  .object({
    segment: Segment,
    rationale: z.string().trim().min(3, 'a segment override needs a rationale').max(2000),
    at: Instant,
    by: ShortText.optional(),
  })
  .strict();
export type SegmentOverride = z.infer<typeof SegmentOverride>;

export const Agreement = z
  .object({
    name: ShortText.optional(),
    type: ShortText.optional(),
    /** Recurring amount per month in the account's currency. */
    mrr: z.number().min(0).optional(),
    start: CalendarDate.optional(),
    end: CalendarDate.optional(),
  })
  .strict();

export const PsaRef = z
  .object({
    host: z.string().min(1).max(253),
    /** The PSA's own id for the company/client/account (record id or identifier). */
    companyId: Id,
  })
  .strict();
export type PsaRef = z.infer<typeof PsaRef>;

export const Account = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(300),
    aliases: z.array(z.string().max(300)).default([]),
    psaRefs: z.array(PsaRef).default([]),
    /** Microsoft 365 tenant ids/domains the user linked to this account. */
    tenants: z.array(z.string().max(253)).default([]),
    mrr: z.number().min(0).optional(),
    agreement: Agreement.optional(),
    renewalDate: CalendarDate.optional(),
    fiscalYearEnd: MonthDay.optional(),
    maturity: Score1to5.optional(),
    appetite: Score1to5.optional(),
    segmentOverride: SegmentOverride.optional(),
    /** Client Business Goal level 1–5; when absent it follows the segment's default mapping. */
    goalLevel: z.number().int().min(1).max(5).optional(),
    roles: RoleMap.default({}),
    /** When Metronome first saw this account (drives "expected first meeting" and "never seen"). */
    firstSeenAt: Instant,
    createdAt: Instant,
    updatedAt: Instant,
    deletedAt: Instant.optional(),
    sample: z.boolean().optional(),
  })
  .strict();
export type Account = z.infer<typeof Account>;
export type AccountInput = z.input<typeof Account>;

/**
 * Facts about an account read from a page (company page, agreement page). Ingest merges them into
 * the `Account`; the fields present win, absent fields leave the account unchanged.
 */
export const AccountFactsSignal = z
  .object({
    ...signalBase,
    kind: z.literal('accountFacts'),
    name: z.string().trim().min(1).max(300).optional(),
    psaRef: PsaRef.optional(),
    aliases: z.array(z.string().max(300)).optional(),
    mrr: z.number().min(0).optional(),
    agreement: Agreement.optional(),
    renewalDate: CalendarDate.optional(),
    fiscalYearEnd: MonthDay.optional(),
    roles: RoleMap.optional(),
    contacts: z
      .array(z.object({ name: ShortText, title: ShortText.optional(), email: ShortText.optional() }).strict())
      .max(500)
      .optional(),
  })
  .strict();
export type AccountFactsSignal = z.infer<typeof AccountFactsSignal>;

// ---------------------------------------------------------------------------------------------
// Tickets

export const TicketSla = z
  .object({
    responseDueAt: Instant.optional(),
    resolutionDueAt: Instant.optional(),
    /** true = met, false = missed, undefined = not known (yet). */
    responseMet: z.boolean().optional(),
    resolutionMet: z.boolean().optional(),
    /** The PSA excludes this ticket from SLA (e.g. "waiting on client", no SLA plan). */
    excluded: z.boolean().optional(),
    /** "% of SLA used" where the PSA shows it (HaloPSA). */
    percentUsed: z.number().min(0).max(100_000).optional(),
  })
  .strict();
export type TicketSla = z.infer<typeof TicketSla>;

export const TicketSignal = z
  .object({
    ...signalBase,
    kind: z.literal('ticket'),
    ticketId: Id,
    summary: z.string().max(2000).optional(),
    priority: ShortText.optional(),
    status: ShortText.optional(),
    /** Category / type / issue type used for repeat detection. */
    category: ShortText.optional(),
    companyName: ShortText.optional(),
    openedAt: Instant,
    respondedAt: Instant.optional(),
    resolvedAt: Instant.optional(),
    closedAt: Instant.optional(),
    /** When the ticket was last reopened, if the PSA shows it. */
    reopenedAt: Instant.optional(),
    reopenCount: z.number().int().min(0).optional(),
    sla: TicketSla.optional(),
  })
  .strict();
export type TicketSignal = z.infer<typeof TicketSignal>;

// ---------------------------------------------------------------------------------------------
// Meetings, pulse, complaints, decisions

/** Strategic meeting types (DECISIONS §5) plus the non-strategic ones users also log. */
export const STRATEGIC_MEETING_TYPES = [
  'QBR',
  'Executive QBR',
  'Strategy',
  'Roadmap',
  'Budget',
  'Lifecycle review',
  'Service review',
  'Annual reassessment',
] as const;
export const MEETING_TYPES = [...STRATEGIC_MEETING_TYPES, 'Kick-off', 'Re-engage', 'Ops check-in', 'Other'] as const;
export const MeetingType = z.enum(MEETING_TYPES);
export type MeetingType = z.infer<typeof MeetingType>;
export const isStrategicType = (t: MeetingType): boolean =>
  (STRATEGIC_MEETING_TYPES as readonly string[]).includes(t);

export const Attendee = z
  .object({
    name: ShortText,
    title: ShortText.optional(),
    decisionMaker: z.boolean().default(false),
    exec: z.boolean().default(false),
  })
  .strict();
export type Attendee = z.infer<typeof Attendee>;

export const MeetingSignal = z
  .object({
    ...signalBase,
    kind: z.literal('meeting'),
    meetingId: Id,
    type: MeetingType,
    status: z.enum(['planned', 'held', 'missed', 'cancelled']),
    /** The date/time it was planned for (for `planned`, and the original plan of held/missed). */
    plannedFor: Instant.optional(),
    /** Start of a held meeting. */
    heldAt: Instant.optional(),
    /** End of a held meeting (the 48 h recap clock starts here; falls back to heldAt). */
    endedAt: Instant.optional(),
    attendees: z.array(Attendee).max(200).default([]),
    recapSentAt: Instant.optional(),
    notes: LongText.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.status === 'held' && !m.heldAt) ctx.addIssue({ code: 'custom', path: ['heldAt'], message: 'a held meeting needs heldAt' });
    if (m.status === 'planned' && !m.plannedFor)
      ctx.addIssue({ code: 'custom', path: ['plannedFor'], message: 'a planned meeting needs plannedFor' });
    if (m.status === 'missed' && !m.plannedFor)
      ctx.addIssue({ code: 'custom', path: ['plannedFor'], message: 'a missed meeting needs the date it was planned for' });
  });
export type MeetingSignal = z.infer<typeof MeetingSignal>;

export const PulseSignal = z
  .object({
    ...signalBase,
    kind: z.literal('pulse'),
    meetingId: Id.optional(),
    /** "Was this meeting valuable?" 1–5. */
    score: z.number().min(1).max(5),
    /** "What was missing?" */
    missing: z.string().max(2000).optional(),
    at: Instant,
  })
  .strict();
export type PulseSignal = z.infer<typeof PulseSignal>;

export const COMPLAINT_ROOT_CAUSES = ['Cadence', 'Relevance', 'Follow-through', 'Quality'] as const;
export const ComplaintRootCause = z.enum(COMPLAINT_ROOT_CAUSES);
export type ComplaintRootCause = z.infer<typeof ComplaintRootCause>;

export const ComplaintSignal = z
  .object({
    ...signalBase,
    kind: z.literal('complaint'),
    rootCause: ComplaintRootCause,
    summary: z.string().max(2000),
    at: Instant,
  })
  .strict();
export type ComplaintSignal = z.infer<typeof ComplaintSignal>;

export const DECLINE_REASONS = ['price', 'timing', 'relevance', 'dependency'] as const;

export const DecisionSignal = z
  .object({
    ...signalBase,
    kind: z.literal('decision'),
    decisionId: Id,
    meetingId: Id.optional(),
    title: z.string().min(1).max(500),
    whyNow: z.string().max(2000).optional(),
    impact: z.string().max(2000).optional(),
    owner: ShortText.optional(),
    /** Target date of the decision's action. */
    dueDate: CalendarDate.optional(),
    /** Budget (amount or band, as text: "$12,000", "OpEx 2k/mo"). */
    budget: ShortText.optional(),
    proposedAt: Instant,
    status: z.enum(['pending', 'yes', 'no']),
    decidedAt: Instant.optional(),
    declineReason: z.enum(DECLINE_REASONS).optional(),
    /** A third item in one meeting is kept as an "other action", not a decision (DECISIONS §6). */
    otherAction: z.boolean().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.status !== 'pending' && !d.decidedAt)
      ctx.addIssue({ code: 'custom', path: ['decidedAt'], message: 'a decided item needs decidedAt' });
  });
export type DecisionSignal = z.infer<typeof DecisionSignal>;

// ---------------------------------------------------------------------------------------------
// Adoption (DMI), milestones, assessments, initiatives, stakeholders

/** Default DMI insights (DECISIONS §3); users can configure more. */
export const DEFAULT_INSIGHTS = [
  'mfa',
  'endpoint',
  'backup',
  'conditionalAccess',
  'emailSecurity',
  'collaboration',
  'encryption',
] as const;

export const AdoptionSignal = z
  .object({
    ...signalBase,
    kind: z.literal('adoption'),
    /** Insight key from the configured insight list (`mfa`, `endpoint`, …, or a custom key). */
    insight: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/),
    coveragePct: Percent,
    /** Users/assets counted in the denominator (after excluding test/lab, guests, disabled). */
    counted: z.number().int().min(0).optional(),
    covered: z.number().int().min(0).optional(),
    /** Free-form detail ("Secure Score 412/650", "E3: 48/50 assigned"). */
    detail: z.string().max(500).optional(),
  })
  .strict();
export type AdoptionSignal = z.infer<typeof AdoptionSignal>;

export const MilestoneSignal = z
  .object({
    ...signalBase,
    kind: z.literal('milestone'),
    milestoneId: Id,
    name: z.string().max(500),
    dueAt: Instant,
    completedAt: Instant.optional(),
  })
  .strict();
export type MilestoneSignal = z.infer<typeof MilestoneSignal>;

export const AssessmentSignal = z
  .object({
    ...signalBase,
    kind: z.literal('assessment'),
    assessmentId: Id,
    name: z.string().max(500),
    completedAt: Instant,
  })
  .strict();
export type AssessmentSignal = z.infer<typeof AssessmentSignal>;

export const INITIATIVE_STAGES = ['proposed', 'approved', 'in-progress', 'done', 'declined'] as const;
export const InitiativeSignal = z
  .object({
    ...signalBase,
    kind: z.literal('initiative'),
    initiativeId: Id,
    name: z.string().max(500),
    stage: z.enum(INITIATIVE_STAGES),
    changedAt: Instant,
  })
  .strict();
export type InitiativeSignal = z.infer<typeof InitiativeSignal>;

export const StakeholderChangeSignal = z
  .object({
    ...signalBase,
    kind: z.literal('stakeholderChange'),
    name: ShortText,
    title: ShortText.optional(),
    change: z.enum(['joined', 'left', 'role-changed']),
    exec: z.boolean().default(false),
    at: Instant,
  })
  .strict();
export type StakeholderChangeSignal = z.infer<typeof StakeholderChangeSignal>;

/** A logged contact with an executive sponsor outside a meeting ("exec seen"). */
export const ExecSeenSignal = z
  .object({
    ...signalBase,
    kind: z.literal('execSeen'),
    name: ShortText,
    at: Instant,
  })
  .strict();
export type ExecSeenSignal = z.infer<typeof ExecSeenSignal>;

// ---------------------------------------------------------------------------------------------

export const Signal = z.discriminatedUnion('kind', [
  AccountFactsSignal,
  TicketSignal,
  MeetingSignal,
  PulseSignal,
  ComplaintSignal,
  DecisionSignal,
  AdoptionSignal,
  MilestoneSignal,
  AssessmentSignal,
  InitiativeSignal,
  StakeholderChangeSignal,
  ExecSeenSignal,
]);
export type Signal = z.infer<typeof Signal>;
export type SignalInput = z.input<typeof Signal>;
export type SignalKind = Signal['kind'];
export type SignalOf<K extends SignalKind> = Extract<Signal, { kind: K }>;

/** Signals grouped by kind, the shape the engine's dimension functions read. */
export type SignalsByKind = { [K in SignalKind]: SignalOf<K>[] };

/** One empty list per kind. */
export function emptySignalsByKind(): SignalsByKind {
  return {
    accountFacts: [],
    ticket: [],
    meeting: [],
    pulse: [],
    complaint: [],
    decision: [],
    adoption: [],
    milestone: [],
    assessment: [],
    initiative: [],
    stakeholderChange: [],
    execSeen: [],
  };
}

export function groupSignals(signals: readonly Signal[]): SignalsByKind {
  const out = emptySignalsByKind();
  for (const s of signals) {
    if (s.deletedAt) continue;
    (out[s.kind] as Signal[]).push(s);
  }
  return out;
}
