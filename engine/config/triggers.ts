/**
 * Trigger engine settings (DECISIONS §5; seed-rulebook §5, §7 and §12 where DECISIONS is silent).
 * Every owner, clock, offset, threshold, checklist and draft text of every CTA lives here; the
 * trigger files only read it. Durations say their unit: `hours` (elapsed), `calendarDays` (in the
 * user's time zone), `businessDays` or `businessHours` (config.calendar).
 *
 * Reading of the seed's units (INFERRED, seed-rulebook §5.0): "72 h" / "48 h" clocks are business-
 * aware (3 / 2 business days, so a Friday CTA is not due on Sunday); "5 d", "7 d", "10 d" due-bys are
 * calendar days unless the seed says "business days".
 */
import { z } from 'zod';
import { Role, Segment } from '../signals';

export const DURATION_UNITS = ['hours', 'calendarDays', 'businessDays', 'businessHours'] as const;
export const Duration = z
  .object({
    amount: z.number().min(0).max(10_000),
    unit: z.enum(DURATION_UNITS),
  })
  .strict()
  .refine((d) => (d.unit === 'calendarDays' || d.unit === 'businessDays' ? Number.isInteger(d.amount) : true), {
    message: 'days must be a whole number',
  });
export type DurationConfig = z.infer<typeof Duration>;

const hours = (amount: number): DurationConfig => ({ amount, unit: 'hours' });
const days = (amount: number): DurationConfig => ({ amount, unit: 'calendarDays' });
const businessDays = (amount: number): DurationConfig => ({ amount, unit: 'businessDays' });
const businessHours = (amount: number): DurationConfig => ({ amount, unit: 'businessHours' });

/** A checklist step; the id is stable so ticked steps survive text edits. */
export const ChecklistStepConfig = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/), text: z.string().min(1).max(500) })
  .strict();
export type ChecklistStepConfig = z.infer<typeof ChecklistStepConfig>;

/** Build steps with ids `<prefix>-1`, `<prefix>-2`, … */
const steps = (prefix: string, texts: string[]): ChecklistStepConfig[] =>
  texts.map((text, i) => ({ id: `${prefix}-${i + 1}`, text }));

/**
 * Draft text a person sends (Metronome never sends). Placeholders: {account}, {why}, {firedAt},
 * {dueBy}, {owner}, {ownerRole}, {slot}, {title}. Invites get the Connect → Clarify → Commit agenda.
 */
export const DraftConfig = z
  .object({
    kind: z.enum(['invite', 'email', 'note']),
    subject: z.string().min(1).max(300),
    body: z.string().max(5000),
    /** Invites: meeting length. */
    durationMinutes: z.number().int().min(5).max(480).optional(),
  })
  .strict();
export type DraftConfig = z.infer<typeof DraftConfig>;

/** Who owns a CTA: a role (optionally another one per segment) and the accountable role per segment. */
const ownership = {
  owner: Role,
  ownerBySegment: z.partialRecord(Segment, Role).optional(),
  /** Accountable role when different from the owner (A/B vCIO, DECISIONS §5). */
  accountableBySegment: z.partialRecord(Segment, Role).optional(),
};

export const PlayConfig = z
  .object({
    enabled: z.boolean(),
    title: z.string().min(1).max(200),
    ...ownership,
    /** First-action clock of this play; absent = `triggers.firstAction`. Never later than dueBy. */
    firstAction: Duration.optional(),
    dueBy: Duration,
    checklist: z.array(ChecklistStepConfig).max(20),
    draft: DraftConfig.optional(),
  })
  .strict();
export type PlayConfig = z.infer<typeof PlayConfig>;

/** A Red play chosen by the dimension's failing drivers (matched by driver key). */
export const RedPlayConfig = PlayConfig.extend({
  /** Stable play key, part of the trigger key (`engagementRed.resetCadence`). */
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/),
  /** Driver keys (case-insensitive) whose failure selects this play. */
  driverKeys: z.array(z.string().min(1)).min(1),
}).strict();
export type RedPlayConfig = z.infer<typeof RedPlayConfig>;

export const RiskRating = z
  .object({
    impact: z.number().int().min(1).max(3),
    likelihood: z.number().int().min(1).max(3),
    bucket: z.enum(['Service', 'Delivery', 'Strategic', 'Financial']),
  })
  .strict();
export type RiskRating = z.infer<typeof RiskRating>;

export const AT_RISK_REASONS = [
  'consecutiveMisses',
  'pulseLow',
  'slaBreachTrend',
  'proposalStale',
  'repeatIncidents',
  'championLeft',
  'backlogAging',
  'declineRecurring',
] as const;
export type AtRiskReasonKey = (typeof AT_RISK_REASONS)[number];

const INVITE_MINUTES = 30;

export const TriggersConfig = z
  .object({
    /** First action on every CTA ≤ 72 h (DECISIONS §5), business-aware by default. */
    firstAction: Duration,
    /** Event triggers (complaint, negative pulse, stakeholder change) look back this many days. */
    eventLookbackDays: z.number().int().min(1).max(365),

    cadence: z
      .object({
        /** CAD-1: renewal − 90 d → renewal/strategy review (AM; A/B accountable vCIO). */
        renewal: PlayConfig.extend({ offsetDays: z.number().int().min(-730).max(0) }).strict(),
        /** CAD-2: fiscal year end − 30 d → budget session (AM; A/B vCIO). */
        fiscalYearEnd: PlayConfig.extend({ offsetDays: z.number().int().min(-365).max(0) }).strict(),
        /** CAD-3: assessment completed → roadmap review by +10 d (vCIO A/B, CSM C/D). */
        assessmentRoadmap: PlayConfig.extend({ withinDays: z.number().int().min(0).max(365) }).strict(),
        /** CAD-4: initiative approved → kick-off within 5 business days (CSM). dueBy carries the 5 business days. */
        initiativeKickoff: PlayConfig.extend({ lookbackDays: z.number().int().min(1).max(365) }).strict(),
        /** CAD-5 (= core play "Engagement down"): 2 missed touchpoints or no decision in 30 d → CSM, reset held ≤ 7 d. */
        engagementDrop: PlayConfig.extend({
          missedTouchpoints: z.number().int().min(1).max(10),
          touchpointWindowDays: z.number().int().min(1).max(365),
          noDecisionDays: z.number().int().min(1).max(365),
        }).strict(),
        /**
         * CAD-6: adoption below fix-first → TAM remediation, 5 d. The floors themselves are the health
         * gate's (`health.adoption.fixFirst`: MFA < 60%, endpoint < 80%, strict), one source of truth.
         */
        adoptionFixFirst: PlayConfig,
      })
      .strict(),

    /** Missed-cadence recovery (DECISIONS §5): step by consecutive misses. */
    missed: z
      .object({
        /** 1 miss → reschedule ≤ 7 d. */
        reschedule: PlayConfig,
        /** 2 consecutive → "Re-engage Stakeholders" (first action ≤ 72 h) + at-risk flag. */
        reengage: PlayConfig,
        /** 3 consecutive (and each further miss) → segmentation & cadence review. */
        review: PlayConfig,
      })
      .strict(),

    /** Core plays [L259] and the optional two. */
    plays: z
      .object({
        /** CX down: negative pulse (score < negativePulseBelow) or complaint → CSM 48 h, per event. */
        cxDown: PlayConfig.extend({ negativePulseBelow: z.number().min(1).max(5) }).strict(),
        /** Adoption below threshold: DMI (adoption dimension) Red → TAM 5 d (when CAD-6 is not already open). */
        adoptionBelowThreshold: PlayConfig,
        /** Alignment low ("roadmap not relevant"): alignment Yellow or a Relevance complaint → vCIO 7 d. */
        alignmentLow: PlayConfig,
        /** AD-3 [L122]: backup success (rolling 30 d) strictly below `below` % → TAM, 3 d. */
        backupFailing: PlayConfig.extend({ insight: z.string().min(1), below: z.number().min(0).max(100) }).strict(),
        /** Optional: SLA driver failing (quality) → TAM 5 d. */
        missedSla: PlayConfig.extend({ driverKeys: z.array(z.string().min(1)).min(1) }).strict(),
        /** Optional: stakeholder change (exec joined/left/role changed) → CSM 10 d. */
        stakeholderChange: PlayConfig.extend({ execOnly: z.boolean() }).strict(),
      })
      .strict(),

    /** Per-dimension Red CTAs (monthly period). */
    red: z
      .object({
        /** CX Red → first action 72 h; A/B vCIO review ≤ 7 d, C/D CSM/TAM fix ≤ 7 d [L116] [L117]. */
        experience: PlayConfig.extend({ titleBySegment: z.partialRecord(Segment, z.string().min(1).max(200)).optional() }).strict(),
        /** Engagement Red → prefilled play by failing driver (seed-rulebook §5.5 INFERRED mapping). */
        engagement: z.object({ plays: z.array(RedPlayConfig), fallback: PlayConfig }).strict(),
        /** Quality Red → owner/due from [L135] by failing driver. */
        quality: z.object({ plays: z.array(RedPlayConfig), fallback: PlayConfig }).strict(),
        /** Alignment Red → play by failed check [L141]. */
        alignment: z.object({ plays: z.array(RedPlayConfig), fallback: PlayConfig }).strict(),
      })
      .strict(),

    atRisk: z
      .object({
        /** Severity = impact × likelihood (1–3 each): ≥ highMin High, ≥ mediumMin Medium, else Low. */
        severity: z.object({ highMin: z.number().int().min(1).max(9), mediumMin: z.number().int().min(1).max(9) }).strict(),
        ratings: z.record(z.enum(AT_RISK_REASONS), RiskRating),
        acknowledge: z.object({ high: Duration, medium: Duration, low: Duration }).strict(),
        /** Save Plan due = min(exec meeting end + afterExecMeeting, detection + afterDetection). */
        savePlanAfterExecMeeting: Duration,
        savePlanAfterDetection: Duration,
        /** Escalate to leadership after this many days open. */
        escalateAfterDays: z.number().int().min(1).max(730),
        /** Detection thresholds [L236]. */
        detect: z
          .object({
            consecutiveMisses: z.number().int().min(1).max(10),
            /** Monthly average pulse strictly below this (CSAT < 4.0 for the month). */
            pulseAverageBelow: z.number().min(1).max(5),
            /** SLA adherence under the segment target in this many consecutive closed months. */
            slaTrendMonths: z.number().int().min(1).max(12),
            slaTargetBySegment: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }).strict(),
            /** A month needs at least this many SLA tickets to count as a breach cycle. */
            slaMinTickets: z.number().int().min(1).max(1000),
            proposalStaleDays: z.number().int().min(1).max(365),
            /** Repeat incidents: ≥ count tickets of one category opened within windowDays. */
            repeatCategoryCount: z.number().int().min(2).max(100),
            repeatWindowDays: z.number().int().min(1).max(365),
            /** A champion (exec stakeholder) left within this many days. */
            championLeftWithinDays: z.number().int().min(1).max(730),
            /** An open ticket older than this many days (backlog aging). */
            backlogAgeDays: z.number().int().min(1).max(365),
            /** Decline reason relevance/timing recurring: ≥ count within windowDays. */
            declineRecurringCount: z.number().int().min(2).max(20),
            declineWindowDays: z.number().int().min(1).max(730),
          })
          .strict(),
        savePlan: PlayConfig,
        escalation: PlayConfig,
      })
      .strict(),

    /** Proposal / decision aging [L155] [L231]. */
    proposals: z
      .object({
        /** Pending > resetAfterDays (strict) → reset play. */
        resetAfterDays: z.number().int().min(1).max(365),
        /** Pending > resequenceAfterDays (strict) → re-sequence or close with a decline reason. */
        resequenceAfterDays: z.number().int().min(1).max(730),
        reset: PlayConfig,
        resequence: PlayConfig,
      })
      .strict()
      .refine((p) => p.resequenceAfterDays > p.resetAfterDays, {
        path: ['resequenceAfterDays'],
        message: 'must be later than resetAfterDays',
      }),

    drafts: z
      .object({
        /** Connect → Clarify → Commit agenda lines of every invite [L204] [L205]. */
        agenda: z.array(z.string().min(1).max(300)).min(1).max(10),
        /** Suggested slot: local time on a business day, this many business days after firing. */
        slotTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        slotAfterBusinessDays: z.number().int().min(0).max(30),
        /** Closing line of every email/note. */
        signOff: z.string().max(300),
      })
      .strict(),
  })
  .strict();
export type TriggersConfig = z.infer<typeof TriggersConfig>;

// ---------------------------------------------------------------------------------------------
// Defaults

const AB_VCIO = { A: 'vcio', B: 'vcio' } as const;

export const TRIGGERS_DEFAULTS: TriggersConfig = {
  firstAction: businessDays(3), // 72 h, business-aware
  eventLookbackDays: 30,

  cadence: {
    renewal: {
      enabled: true,
      title: 'Renewal in 90 days: schedule the renewal/strategy review',
      owner: 'am',
      accountableBySegment: AB_VCIO,
      offsetDays: -90,
      dueBy: days(30),
      checklist: steps('renewal', [
        'Book the renewal/strategy review with the decision-maker',
        'Attach the prep pack: Business Outcomes Snapshot, Health snapshot, last recap',
        'Prepare at most two proposed decisions (owner, date, budget)',
        'Send the recap within 48 h of the meeting',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: renewal and strategy review',
        body: 'Hello,\n\nYour agreement renews on {renewalDate}. Before then we would like 30 minutes to look back at the year and agree the next one.',
        durationMinutes: 45,
      },
    },
    fiscalYearEnd: {
      enabled: true,
      title: 'Fiscal year end in 30 days: budget planning session',
      owner: 'am',
      accountableBySegment: AB_VCIO,
      offsetDays: -30,
      dueBy: days(14),
      checklist: steps('fye', [
        'Book the budget planning session before the fiscal year closes',
        'Pull roadmap items for the next two quarters with cost bands (OpEx / CapEx)',
        'Flag at most two budget decisions (owner, date, budget)',
        'Send the recap within 48 h of the meeting',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: budget planning for the next fiscal year',
        body: 'Hello,\n\nYour fiscal year closes on {fiscalYearEnd}. Let us plan the technology budget for the year ahead together.',
        durationMinutes: 45,
      },
    },
    assessmentRoadmap: {
      enabled: true,
      title: 'Assessment completed: roadmap review',
      owner: 'csm',
      ownerBySegment: AB_VCIO,
      withinDays: 10,
      dueBy: days(10),
      checklist: steps('assess', [
        'Book the roadmap review within 10 days of the assessment',
        'Turn the assessment findings into at most two roadmap proposals',
        'Attach the agenda and the last recap to the invite',
        'Send the recap within 48 h of the meeting',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: roadmap review after the assessment',
        body: 'Hello,\n\nThe assessment ({assessment}) is complete. Let us walk through what it found and what it means for the roadmap.',
        durationMinutes: 45,
      },
    },
    initiativeKickoff: {
      enabled: true,
      title: 'Initiative approved: delivery kick-off',
      owner: 'csm',
      lookbackDays: 60,
      dueBy: businessDays(5),
      checklist: steps('kickoff', [
        'Book the delivery kick-off within 5 business days of approval',
        'Confirm owner, target date and budget of the initiative',
        'Hand off to delivery (PM/TAM) with scope and success measure',
        'Send the recap within 48 h of the kick-off',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: kick-off for {initiative}',
        body: 'Hello,\n\nThank you for approving {initiative}. Let us kick it off and confirm owners, dates and the first milestone.',
        durationMinutes: 30,
      },
    },
    engagementDrop: {
      enabled: true,
      title: 'Engagement down: 30-minute reset',
      owner: 'csm',
      firstAction: businessDays(3),
      dueBy: days(7),
      missedTouchpoints: 2,
      touchpointWindowDays: 90,
      noDecisionDays: 30,
      checklist: steps('engdrop', [
        'Send a 2-line value recap',
        'Propose a 30-minute reset and book it within 7 days',
        'If the executive is missing, cc the vCIO and add the stakeholder',
        'Update the JSP-Lite and schedule the next approval attempt',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: 30-minute reset',
        body: 'Hello,\n\nWe have not managed to meet as planned lately, and we would like to make sure our time together stays useful to you.',
        durationMinutes: 30,
      },
    },
    adoptionFixFirst: {
      enabled: true,
      title: 'Adoption below fix-first: TAM remediation sync',
      owner: 'tam',
      dueBy: days(5),
      checklist: steps('fixfirst', [
        'Write a 3-step remediation plan for the failing insight(s)',
        'Hold a 15-minute ops sync with the client contact',
        'Pre-approve one quick win before the next QBR',
        'Open the mini-initiative with owner and date; no new projects until fixed',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: 15-minute security remediation sync',
        body: 'Hello,\n\n{why} These are the protections we need in place before we take on new projects, so we would like 15 minutes to agree the fix.',
        durationMinutes: 15,
      },
    },
  },

  missed: {
    reschedule: {
      enabled: true,
      title: 'Strategic meeting missed: reschedule',
      owner: 'cadenceOwner',
      accountableBySegment: AB_VCIO,
      dueBy: days(7),
      checklist: steps('resched', [
        'Offer two new slots within 7 days',
        'Re-send the prep pack with the invite',
        'Log the new date as a planned meeting',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: new date for our {meetingType}',
        body: 'Hello,\n\nWe missed our {meetingType} planned for {missedOn}. Here is a new time; if it does not suit you, reply with one that does.',
        durationMinutes: 45,
      },
    },
    reengage: {
      enabled: true,
      title: 'Re-engage Stakeholders (2 strategic meetings missed)',
      owner: 'csm',
      accountableBySegment: AB_VCIO,
      firstAction: businessDays(3),
      dueBy: days(7),
      checklist: steps('reengage', [
        'Call the main contact: confirm priorities and the right decision-maker',
        'Send a 2-line value recap and propose a 30-minute reset',
        'Add the exec sponsor (cc vCIO for A/B)',
        'Open the at-risk Save Plan if the reset is not booked within 7 days',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: let us reset our meeting rhythm',
        body: 'Hello,\n\nWe have missed our last two planned reviews ({why}). We want to make sure our time together is worth yours: could we take 30 minutes this week to agree what matters most and how often we should meet?',
      },
    },
    review: {
      enabled: true,
      title: 'Segmentation & cadence review (3 strategic meetings missed)',
      owner: 'csm',
      ownerBySegment: AB_VCIO,
      dueBy: days(30),
      checklist: steps('review', [
        'Put the account on the next governance check agenda',
        'Review segment placement (maturity × appetite) and log the rationale',
        'Decide: cadence downgrade or executive reset',
      ]),
    },
  },

  plays: {
    cxDown: {
      enabled: true,
      title: 'CX down: "we own the miss" call',
      owner: 'csm',
      negativePulseBelow: 4,
      firstAction: businessDays(2),
      dueBy: businessDays(2), // 48 h, business-aware
      checklist: steps('cxdown', [
        'Call the client: "we own the miss"',
        'Agree a 3-point fix plan and log it',
        'Send the "We heard / We\'ll change / You\'ll see" note and log the acknowledgement',
        'Book a 14-day check-in',
      ]),
      draft: {
        kind: 'note',
        subject: '{account}: what we heard and what we will change',
        body: '',
      },
    },
    adoptionBelowThreshold: {
      enabled: true,
      title: 'Adoption below threshold: remediation plan',
      owner: 'tam',
      dueBy: days(5),
      checklist: steps('adoption', [
        'List the top 3 adoption gaps with coverage %',
        'Write a 3-step remediation and hold a 15-minute ops sync',
        'Pre-approve one quick win before the next QBR',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: closing the top adoption gaps',
        body: 'Hello,\n\n{why} We would like 15 minutes to agree the three steps that close the biggest gaps.',
      },
    },
    alignmentLow: {
      enabled: true,
      title: 'Alignment low: 20-minute goal check',
      owner: 'vcio',
      dueBy: days(7),
      checklist: steps('alignlow', [
        'Hold a 20-minute alignment/goal check',
        'Re-map the roadmap to the client\'s current business goals',
        'Resequence or cut items; book the next decision checkpoint',
      ]),
      draft: {
        kind: 'invite',
        subject: '{account}: 20-minute goal check',
        body: 'Hello,\n\nWe want to make sure the roadmap still serves your goals. Twenty minutes is enough to check.',
        durationMinutes: 20,
      },
    },
    backupFailing: {
      enabled: true,
      title: 'Backup success below 95%: root cause and test restore',
      owner: 'tam',
      insight: 'backup',
      below: 95,
      dueBy: days(3),
      checklist: steps('backup', [
        'Find the root cause of the failing backup jobs',
        'Run and document a test restore',
        'Confirm success ≥ 95% on the next 30-day reading',
      ]),
    },
    missedSla: {
      enabled: true,
      title: 'Missed SLA threshold: root cause and client comms',
      owner: 'tam',
      dueBy: days(5),
      driverKeys: ['sla', 'slaAdherence'],
      checklist: steps('sla', [
        'Find the root cause of the missed SLAs (mini-RCA, ≤ 15 minutes)',
        'Send the client a short note: what happened, what we fix, by when',
        'Send the fix plan and verify within one cadence cycle',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: our response times, and what we are fixing',
        body: 'Hello,\n\n{why} We have looked into why and want to tell you what we are changing.',
      },
    },
    stakeholderChange: {
      enabled: true,
      title: 'Stakeholder change: new sponsor intro',
      owner: 'csm',
      execOnly: true,
      dueBy: days(10),
      checklist: steps('stakeholder', [
        'Send the "meet your team" intro within 24 h',
        'Send a 1-page value recap to the new sponsor',
        'Confirm decision rights and book a 30-minute relationship reset',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: introduction',
        body: 'Hello,\n\nWe understand there has been a change on your side ({why}). We would like to introduce ourselves and share a one-page summary of what we do together.',
      },
    },
  },

  red: {
    experience: {
      enabled: true,
      title: 'CX Red: fix and confirm',
      titleBySegment: {
        A: 'CX Red: vCIO review within 7 days',
        B: 'CX Red: vCIO review within 7 days',
        C: 'CX Red: CSM/TAM fix and confirm within 7 days',
        D: 'CX Red: CSM/TAM fix and confirm within 7 days',
      },
      owner: 'csm',
      accountableBySegment: AB_VCIO,
      dueBy: days(7),
      checklist: steps('cxred', [
        'First action within 72 h: contact the client and name the miss',
        'A/B: vCIO review within 7 days; C/D: CSM/TAM fix within 7 days and confirm',
        'Send the "We heard / We\'ll change / You\'ll see" note',
        'Check the exec-sponsor heartbeat (≤ 120 days)',
      ]),
    },
    engagement: {
      // seed-rulebook §5.5 INFERRED mapping of Red causes to the four prefilled plays [L129].
      plays: [
        {
          enabled: true,
          key: 'resetCadence',
          title: 'Engagement Red: Reset Cadence & Scope',
          owner: 'csm',
          driverKeys: ['cadence', 'cadenceAdherence'],
          dueBy: businessDays(3),
          checklist: steps('eng-cadence', [
            'Shorten the meeting scope and increase frequency briefly',
            'Book the next strategic meeting',
            'Widen scope again once Yellow/Green',
          ]),
        },
        {
          enabled: true,
          key: 'execIntro',
          title: 'Engagement Red: Exec Intro + Value Recap',
          owner: 'csm',
          accountableBySegment: AB_VCIO,
          driverKeys: ['exec', 'execSponsor', 'execSeen', 'sponsor'],
          dueBy: days(10),
          checklist: steps('eng-exec', [
            'Send a 1-page value recap to the exec sponsor',
            'Ask for 20 minutes with the sponsor (vCIO joins for A/B)',
            'Log the contact as "exec seen"',
          ]),
          draft: {
            kind: 'email',
            subject: '{account}: a short update for your leadership',
            body: 'Hello,\n\nIt has been a while since we last spoke with your leadership ({why}). Here is a one-page summary of what we achieved together, and a request for 20 minutes.',
          },
        },
        {
          enabled: true,
          key: 'unblockRoadmap',
          title: 'Engagement Red: Unblock/Resequence Roadmap',
          owner: 'vcio',
          driverKeys: ['decisions', 'velocity', 'decisionRate', 'zeroDecisions', 'decisionVelocity'],
          dueBy: days(7),
          checklist: steps('eng-decisions', [
            'List the pending proposals and what blocks each',
            'Resequence the roadmap; offer two options (now vs next quarter)',
            'Bring one decision to the next strategic meeting',
          ]),
        },
        {
          enabled: true,
          key: 'reengage',
          title: 'Engagement Red: Re-engage Stakeholders',
          owner: 'csm',
          driverKeys: ['recap', 'recapRate', 'followUp', 'closure', 'complaint', 'complaints'],
          dueBy: businessDays(3),
          checklist: steps('eng-reengage', [
            'Send the missing recaps (≤ 48 h from now on)',
            'Propose a 30-minute reset with the main stakeholders',
            'Confirm next steps in writing',
          ]),
        },
      ],
      fallback: {
        enabled: true,
        title: 'Engagement Red: Re-engage Stakeholders',
        owner: 'csm',
        dueBy: businessDays(3),
        checklist: steps('eng-fallback', [
          'Send a 2-line value recap',
          'Propose a 30-minute reset',
          'Add the exec sponsor if missing',
        ]),
      },
    },
    quality: {
      // Owner/due from the operational list [L135] (seed-rulebook §12 #11).
      plays: [
        {
          enabled: true,
          key: 'sla',
          title: 'Quality Red: Root Cause + Client Comms (SLA)',
          owner: 'tam',
          accountableBySegment: AB_VCIO,
          driverKeys: ['sla', 'slaAdherence'],
          dueBy: days(5),
          checklist: steps('q-sla', [
            'Mini-RCA (≤ 15 min): what happened / why / fix / prevent / owner & date',
            'Send the client note',
            'Mark "Verified" when the SLA rebounds',
          ]),
        },
        {
          enabled: true,
          key: 'milestones',
          title: 'Quality Red: Resequence + Risk Note (milestones)',
          owner: 'tam',
          accountableBySegment: AB_VCIO,
          driverKeys: ['milestones', 'milestoneOnTime', 'onTime'],
          dueBy: days(3),
          checklist: steps('q-milestones', [
            'Resequence the late milestones with a new ETA',
            'Send the risk note to the client',
            'Confirm the next checkpoint',
          ]),
        },
        {
          enabled: true,
          key: 'repeats',
          title: 'Quality Red: Problem Mgmt mini-RCA (repeats)',
          owner: 'tam',
          accountableBySegment: AB_VCIO,
          driverKeys: ['repeat', 'repeatRate', 'reopen', 'recurrence'],
          dueBy: days(7),
          checklist: steps('q-repeat', [
            'Identify the top 2 repeating categories',
            'Mini-RCA and a permanent fix for each',
            'Verify in the next QBR notes',
          ]),
        },
        {
          enabled: true,
          key: 'recap',
          title: 'Quality Red: Recap Discipline Reset',
          owner: 'csm',
          driverKeys: ['followThrough', 'recap', 'recapRate'],
          dueBy: businessDays(3),
          checklist: steps('q-recap', [
            'Send the overdue recaps',
            'Use the recap template on every strategic meeting',
            'Recap ≤ 48 h on the next three meetings',
          ]),
        },
      ],
      fallback: {
        enabled: true,
        title: 'Quality Red: root cause and fix plan',
        owner: 'tam',
        accountableBySegment: AB_VCIO,
        dueBy: days(5),
        checklist: steps('q-fallback', ['Mini-RCA within five business days', 'Send the client note', 'Verify within one cadence cycle']),
      },
    },
    alignment: {
      // Red plays by failed check [L141]; due-by DOC-SILENT → 7 days like "Alignment low".
      plays: [
        {
          enabled: true,
          key: 'resetRhythm',
          title: 'Alignment Red: Reset Rhythm',
          owner: 'csm',
          accountableBySegment: AB_VCIO,
          driverKeys: ['cadence', 'check1', 'cadenceDelivered'],
          dueBy: days(7),
          checklist: steps('al-rhythm', ['Re-plan the strategic cadence for the next two cycles', 'Book the next meeting', 'Confirm attendees']),
        },
        {
          enabled: true,
          key: 'backfillEvidence',
          title: 'Alignment Red: Backfill Evidence',
          owner: 'csm',
          driverKeys: ['deliverables', 'check2', 'serviceMenu', 'coreDeliverables'],
          dueBy: days(7),
          checklist: steps('al-evidence', ['List the missing core deliverables for the segment', 'Deliver or schedule each', 'Send recaps ≤ 48 h with links']),
        },
        {
          enabled: true,
          key: 'sponsorReengage',
          title: 'Alignment Red: Sponsor Re-engage',
          owner: 'am',
          accountableBySegment: AB_VCIO,
          driverKeys: ['exec', 'execSponsor', 'check3', 'sponsor', 'execSeen'],
          dueBy: days(7),
          checklist: steps('al-sponsor', ['Ask the sponsor for 20 minutes', 'Send the value recap', 'Log the contact as "exec seen"']),
        },
        {
          enabled: true,
          key: 'rightSizeCoverage',
          title: 'Alignment Red: Right-size Coverage',
          owner: 'tam',
          ownerBySegment: AB_VCIO,
          driverKeys: ['effortMix', 'check4', 'effort'],
          dueBy: days(7),
          checklist: steps('al-coverage', ['Compare delivered effort with the segment plan', 'Propose the coverage change (up or down)', 'Review segment placement if the gap persists']),
        },
      ],
      fallback: {
        enabled: true,
        title: 'Alignment Red: roadmap reset',
        owner: 'vcio',
        dueBy: days(7),
        checklist: steps('al-fallback', ['20-minute goal check', 'Re-map the roadmap to business goals', 'Record the Roadmap Reset in the QBR notes']),
      },
    },
  },

  atRisk: {
    severity: { highMin: 6, mediumMin: 3 },
    // Impact × likelihood per detection reason (DOC-SILENT scales; DECISIONS §5 3×3).
    ratings: {
      consecutiveMisses: { impact: 3, likelihood: 2, bucket: 'Strategic' },
      pulseLow: { impact: 2, likelihood: 2, bucket: 'Service' },
      slaBreachTrend: { impact: 2, likelihood: 3, bucket: 'Service' },
      proposalStale: { impact: 2, likelihood: 1, bucket: 'Strategic' },
      repeatIncidents: { impact: 2, likelihood: 2, bucket: 'Service' },
      championLeft: { impact: 3, likelihood: 3, bucket: 'Strategic' },
      backlogAging: { impact: 1, likelihood: 2, bucket: 'Delivery' },
      declineRecurring: { impact: 2, likelihood: 2, bucket: 'Strategic' },
    },
    acknowledge: { high: businessHours(4), medium: businessDays(1), low: businessDays(1) },
    savePlanAfterExecMeeting: hours(48),
    savePlanAfterDetection: businessDays(5),
    escalateAfterDays: 60,
    detect: {
      consecutiveMisses: 2,
      pulseAverageBelow: 4,
      slaTrendMonths: 2,
      slaTargetBySegment: { A: 97, B: 95, C: 92, D: 90 },
      slaMinTickets: 3,
      proposalStaleDays: 30,
      repeatCategoryCount: 3,
      repeatWindowDays: 30,
      championLeftWithinDays: 90,
      backlogAgeDays: 30,
      declineRecurringCount: 2,
      declineWindowDays: 180,
    },
    savePlan: {
      enabled: true,
      title: 'At risk: acknowledge and publish the Save Plan',
      owner: 'csm',
      accountableBySegment: AB_VCIO,
      dueBy: businessDays(5), // replaced by min(exec meeting + 48 h, detection + 5 business days)
      checklist: steps('save', [
        'Acknowledge to the client (High ≤ 4 business hours, Medium/Low ≤ 1 business day)',
        'Classify bucket(s) and severity; name the exec sponsor',
        'Stabilize (days 0–3): war room, containment checklist, Executive Snapshot (facts only)',
        'Executive re-engage (days 2–5): two decisions with owner, date and budget',
        'H1 Containment (0–14 d): stabilize service, assign owners, pause scope creep',
        'H2 Correction (15–60 d): process, roles, roadmap/budget resets',
        'Publish the Save Plan ≤ 48 h after the exec meeting',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: we are on it',
        body: 'Hello,\n\nWe know things have not gone as they should ({why}). We take this seriously: {owner} will lead the recovery and we would like a short executive session within the week to agree two decisions and a plan.',
      },
    },
    escalation: {
      enabled: true,
      title: 'At risk for 60 days: escalate to leadership',
      owner: 'vcio',
      dueBy: days(7),
      checklist: steps('escalate', [
        'Escalate to CS leadership with the Save Plan and its status',
        'Consider a contract review',
        'Reset with two new options (now vs next quarter)',
      ]),
    },
  },

  proposals: {
    resetAfterDays: 30,
    resequenceAfterDays: 60,
    reset: {
      enabled: true,
      title: 'Proposal pending > 30 days: reset session',
      owner: 'am',
      accountableBySegment: AB_VCIO,
      dueBy: days(7),
      checklist: steps('propreset', [
        'Write a decision brief with two options: now vs next quarter',
        'Book a 20-minute live reset',
        'Log the decision (yes/no) or a new decision checkpoint date',
      ]),
      draft: {
        kind: 'email',
        subject: '{account}: {proposal}: now or next quarter?',
        body: 'Hello,\n\n{why} To make the decision easier we have prepared two options: start now, or plan it for next quarter. Could we take 20 minutes to choose?',
      },
    },
    resequence: {
      enabled: true,
      title: 'Proposal pending > 60 days: re-sequence or close',
      owner: 'am',
      accountableBySegment: AB_VCIO,
      dueBy: days(7),
      checklist: steps('propreseq', [
        'Re-sequence the item on the roadmap, or close it',
        'If closed: capture the decline reason (price | timing | relevance | dependency)',
        'Tell the client what happens next',
      ]),
    },
  },

  drafts: {
    agenda: [
      'Connect (2 min): recap of our last decisions and their status',
      'Clarify (5–10 min): Business Outcomes Snapshot and Health snapshot',
      'Commit (rest): at most two decisions, each with owner, date and budget; next meeting date',
    ],
    slotTime: '10:00',
    slotAfterBusinessDays: 2,
    signOff: 'Best regards,\n{owner}',
  },
};

/** The invite length used when a play's draft does not say. */
export const DEFAULT_INVITE_MINUTES = INVITE_MINUTES;
