/** Hand-built rows for the dashboard's tests (and its render test): small, explicit, valid. */
import { DIMENSIONS, type Colour, type Cta, type Dimension, type MonthlySnapshot } from '../../engine/model';
import type { Account, DecisionSignal, MeetingSignal, Segment, Source } from '../../engine/signals';
import type { HealthRow } from '../../storage/records';
import { makeHealth } from '../../engine/triggers/testing';
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

const SCORE_OF: Record<Colour, number | null> = { green: 90, yellow: 70, red: 40, nodata: null };

/** A stored health row (the engine's test health, as of NOW) with these dimension colours. */
export function health(accountId: string, over: Partial<HealthRow> & { colours?: Colours; seg?: Segment } = {}): HealthRow {
  const { colours = {}, seg = 'C', ...rest } = over;
  const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, { colour: colours[d] ?? 'nodata', score: SCORE_OF[colours[d] ?? 'nodata'] }]));
  const h = makeHealth({ asOf: NOW.toISOString().replace('.000Z', 'Z'), segment: seg, accountId, dims });
  return { ...h, segment: { ...h.segment, goalLevel: 2 }, updatedAt: NOW.toISOString().replace('.000Z', 'Z'), ...rest };
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
