/** Hand-built rows for the dashboard's tests (and its render test): small, explicit, valid. */
import { DIMENSIONS, type Colour, type Cta, type Dimension, type DimensionResult, type MonthlySnapshot, type Overall } from '../../engine/model';
import type { Account, DecisionSignal, MeetingSignal, Segment, Source } from '../../engine/signals';
import type { HealthRow } from '../../storage/records';
import { buildPortfolio, type Portfolio, type PortfolioInput } from './portfolio';

export const NOW = new Date('2026-11-18T15:00:00Z');
export const TZ = 'UTC';

const source: Source = { host: 'metronome', pageType: 'manual', url: '', reader: 'user' };

export function acct(id: string, over: Partial<Account> = {}): Account {
  return {
    id,
    name: `Client ${id}`,
    aliases: [],
    psaRefs: [],
    tenants: [],
    roles: { csm: `CSM of ${id}`, am: `AM of ${id}` },
    firstSeenAt: '2025-01-10T10:00:00Z',
    createdAt: '2025-01-10T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    ...over,
  };
}

export type Colours = Partial<Record<Dimension, Colour>>;

function dim(dimension: Dimension, colour: Colour): DimensionResult {
  return {
    dimension,
    score: colour === 'nodata' ? null : colour === 'green' ? 90 : colour === 'yellow' ? 70 : 40,
    colour,
    reason: '',
    drivers: [],
    missing: [],
    stale: [],
    freshestAt: null,
    windowStart: '2026-05-22T00:00:00Z',
    windowEnd: '2026-11-18T15:00:00Z',
  };
}

export function health(accountId: string, over: Partial<HealthRow> & { colours?: Colours; seg?: Segment } = {}): HealthRow {
  const { colours = {}, seg = 'C', ...rest } = over;
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, dim(d, colours[d] ?? 'nodata')])) as Record<Dimension, DimensionResult>;
  return {
    accountId,
    asOf: '2026-11-18T15:00:00Z',
    configVersion: 1,
    segment: { segment: seg, assumed: false, overridden: false, computed: seg, goalLevel: 2, mrrBand: null },
    dimensions,
    composite: null,
    overall: 'insufficient' as Overall,
    overallReason: '',
    renewalConfidence: 'unknown',
    renewalReason: '',
    atRisk: { flag: false, reasons: [] },
    gates: { expansion: { experience: false, adoption: false, engagement: false, quality: false, alignment: false }, expansionReasons: [], fixFirst: false, fixFirstReasons: [] },
    consecutiveMisses: 0,
    lastStrategicMeetingAt: null,
    nextStrategicMeetingDue: null,
    execSponsorLastSeenAt: null,
    freshestAt: null,
    updatedAt: '2026-11-18T15:00:00Z',
    ...rest,
  };
}

export function snapshot(accountId: string, month: string, colours: Colours, seg: Segment = 'C'): MonthlySnapshot {
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, { score: null, colour: colours[d] ?? 'nodata' }])) as MonthlySnapshot['dimensions'];
  return { id: `${accountId}:${month}`, accountId, month, dimensions, composite: null, overall: 'insufficient', segment: seg, frozenAt: `${month}-28T00:00:00Z` };
}

let seq = 0;
export function meeting(accountId: string, over: Partial<MeetingSignal> = {}): MeetingSignal {
  const meetingId = over.meetingId ?? `m${++seq}`;
  return {
    id: `meeting:${accountId}:${meetingId}`,
    accountId,
    kind: 'meeting',
    observedAt: '2026-11-01T00:00:00Z',
    source,
    meetingId,
    type: 'QBR',
    status: 'held',
    heldAt: '2026-11-01T14:00:00Z',
    attendees: [],
    ...over,
  };
}

export function decision(accountId: string, over: Partial<DecisionSignal> = {}): DecisionSignal {
  const decisionId = over.decisionId ?? `d${++seq}`;
  return {
    id: `decision:${accountId}:${decisionId}`,
    accountId,
    kind: 'decision',
    observedAt: '2026-11-01T00:00:00Z',
    source,
    decisionId,
    title: 'Approve MFA rollout',
    proposedAt: '2026-10-01T00:00:00Z',
    status: 'pending',
    ...over,
  };
}

export function cta(accountId: string, over: Partial<Cta> = {}): Cta {
  const id = over.id ?? `${accountId}:trigger:${++seq}`;
  return {
    id,
    accountId,
    trigger: 'engagementDown',
    period: '2026-11',
    title: 'Engagement down: reset',
    why: '',
    owner: { role: 'csm', name: `CSM of ${accountId}`, unassigned: false },
    firedAt: '2026-11-10T09:00:00Z',
    dueBy: '2026-11-20T09:00:00Z',
    firstActionDue: '2026-11-13T09:00:00Z',
    checklist: [],
    status: 'open',
    checklistDone: [],
    createdAt: '2026-11-10T09:00:00Z',
    updatedAt: '2026-11-10T09:00:00Z',
    ...over,
  };
}

export function portfolio(over: Partial<PortfolioInput> = {}): Portfolio {
  return buildPortfolio({ accounts: [], health: [], snapshots: [], ctas: [], meetings: [], decisions: [], ...over });
}
