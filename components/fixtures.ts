/** Test fixtures: one account with stored health (every dimension state), snapshots and CTAs. */
import type { Cta, DimensionResult, MonthlySnapshot } from '../engine/model';
import type { Account, MeetingSignal } from '../engine/signals';
import type { HealthRow } from '../storage/records';

export const NOW = new Date('2026-11-18T15:00:00Z');
export const TZ = 'America/New_York';

export const ACCOUNT: Account = {
  id: 'acct-acme',
  name: 'Acme Dental',
  aliases: ['Acme'],
  psaRefs: [],
  tenants: [],
  mrr: 12500,
  renewalDate: '2027-03-31',
  fiscalYearEnd: '06-30',
  maturity: 4,
  appetite: 2,
  roles: { am: 'Dana Cho', csm: 'Sam Lee' },
  firstSeenAt: '2025-01-10T10:00:00Z',
  createdAt: '2025-01-10T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

const window = { windowStart: '2026-05-22T00:00:00Z', windowEnd: '2026-11-18T15:00:00Z' };

const dim = (d: Partial<DimensionResult> & Pick<DimensionResult, 'dimension' | 'colour' | 'score'>): DimensionResult => ({
  reason: '',
  drivers: [],
  missing: [],
  stale: [],
  freshestAt: '2026-11-17T13:42:00Z',
  ...window,
  ...d,
});

export const HEALTH: HealthRow = {
  accountId: 'acct-acme',
  asOf: '2026-11-18T15:00:00Z',
  configVersion: 1,
  segment: { segment: 'C', assumed: false, overridden: false, computed: 'C', goalLevel: 2, mrrBand: 2 },
  dimensions: {
    experience: dim({
      dimension: 'experience',
      colour: 'red',
      score: 41,
      reason: 'Red: exec sponsor not seen for 134 days (> 120)',
      drivers: [
        {
          key: 'pulse',
          label: 'Average pulse this month',
          value: 4.2,
          display: '4.2 / 5',
          target: '≥ 4.5',
          pass: false,
          colour: 'yellow',
          missing: false,
          sources: [
            { signalId: 'pulse:manual:1', url: '', host: 'metronome', pageType: 'manual', observedAt: '2026-11-12T20:00:00Z' },
          ],
        },
        {
          key: 'sponsor',
          label: 'Exec sponsor last seen',
          value: 134,
          display: '134 days',
          target: '≤ 120 days',
          pass: false,
          colour: 'red',
          missing: false,
          staleSince: '2026-07-07T14:00:00Z',
          sources: [
            {
              signalId: 'meeting:acme.myconnectwise.net:77',
              url: 'https://acme.myconnectwise.net/v4_6_release/services/system_io/router/openrecord.rails?recordType=ServiceFv&recid=284511',
              host: 'acme.myconnectwise.net',
              pageType: 'company',
              observedAt: '2026-07-07T14:00:00Z',
            },
            { signalId: 'x:evil', url: 'javascript:alert(1)', host: 'evil.example', pageType: 'generic', observedAt: '2026-07-01T14:00:00Z' },
          ],
        },
      ],
      stale: ['Exec sponsor last seen'],
    }),
    adoption: dim({
      dimension: 'adoption',
      colour: 'green',
      score: 82,
      reason: 'Green: DMI 82 ≥ 70 (C)',
      drivers: [
        { key: 'mfa', label: 'MFA registration', value: 96, display: '96%', target: 'weight 5', pass: true, missing: false, sources: [] },
        { key: 'backup', label: 'Backup success (30 d)', value: null, display: 'No data', pass: null, missing: true, sources: [] },
      ],
      missing: ['Backup success (30 d)'],
    }),
    engagement: dim({ dimension: 'engagement', colour: 'yellow', score: 68, reason: 'Yellow: cadence 85%' }),
    quality: dim({ dimension: 'quality', colour: 'nodata', score: null, reason: 'No data: fewer than 5 tickets with SLA targets', freshestAt: null, missing: ['SLA adherence', 'Milestones on time'] }),
    alignment: dim({ dimension: 'alignment', colour: 'green', score: 100, reason: 'Green: 3 of 3 checks pass' }),
  },
  composite: 72.75,
  overall: 'yellow',
  overallReason: 'Yellow: composite 72.75 between 60 and 75 (C); one dimension Red',
  renewalConfidence: 'medium',
  renewalReason: 'CX is Red',
  atRisk: { flag: true, reasons: ['Two consecutive missed strategic meetings'] },
  gates: { expansion: { experience: true, adoption: false, engagement: false, quality: false, alignment: false }, expansionReasons: ['Client Experience Red two months running'], fixFirst: false, fixFirstReasons: [] },
  consecutiveMisses: 0,
  lastStrategicMeetingAt: '2026-11-12T15:00:00-05:00',
  nextStrategicMeetingDue: '2027-02-11T15:00:00-05:00',
  execSponsorLastSeenAt: '2026-07-07T14:00:00Z',
  freshestAt: '2026-11-17T13:42:00Z',
  updatedAt: '2026-11-18T15:00:00Z',
};

export const SNAPSHOTS: MonthlySnapshot[] = [
  {
    id: 'acct-acme:2026-10',
    accountId: 'acct-acme',
    month: '2026-10',
    dimensions: {
      experience: { score: 55, colour: 'red' },
      adoption: { score: 80, colour: 'green' },
      engagement: { score: 75, colour: 'yellow' },
      quality: { score: 70, colour: 'yellow' },
      alignment: { score: 100, colour: 'green' },
    },
    composite: 76,
    overall: 'yellow',
    segment: 'C',
    frozenAt: '2026-11-01T04:00:00Z',
  },
];

export function cta(partial: Partial<Cta> = {}): Cta {
  return {
    id: 'acct-acme:engagement-down:2026-11',
    accountId: 'acct-acme',
    trigger: 'engagement-down',
    period: '2026-11',
    title: 'Engagement down: reset the rhythm',
    why: 'Two missed touchpoints since 1 Oct.',
    dimension: 'engagement',
    owner: { role: 'csm', name: 'Sam Lee', unassigned: false },
    firedAt: '2026-11-17T14:00:00Z',
    dueBy: '2026-11-20T22:00:00Z',
    firstActionDue: '2026-11-20T14:00:00Z',
    checklist: [
      { id: 's1', text: 'Send a 2-line value recap' },
      { id: 's2', text: 'Propose a 30-minute reset' },
    ],
    status: 'open',
    checklistDone: [],
    createdAt: '2026-11-17T14:00:00Z',
    updatedAt: '2026-11-17T14:00:00Z',
    ...partial,
  };
}

export const HELD_QBR: MeetingSignal = {
  id: 'meeting:manual:q4',
  accountId: 'acct-acme',
  observedAt: '2026-11-12T22:00:00Z',
  source: { host: 'metronome', pageType: 'manual', url: '', reader: 'user' },
  kind: 'meeting',
  meetingId: 'meeting:manual:q4',
  type: 'QBR',
  status: 'held',
  heldAt: '2026-11-12T15:00:00-05:00',
  endedAt: '2026-11-12T16:00:00-05:00',
  attendees: [{ name: 'Pat Kim', decisionMaker: true, exec: true }],
};
