/** Test helpers for storage tests: a fresh database per test and small valid records. */
import type { Observation } from '../content-scripts/core/types';
import type { AccountHealth, CtaSpec, Dimension, MonthlySnapshot } from '../engine/model';
import { DIMENSIONS } from '../engine/model';
import type { Account, Segment, Source, TicketSignal } from '../engine/signals';
import { openDb, type MetronomeDb } from './db';

let n = 0;
/** A database nobody else uses (fake-indexeddb in tests). */
export const freshDb = (): MetronomeDb => openDb(`test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);

export const CW_HOST = 'acme.myconnectwise.net';
export const cwSource = (path = '/v4_6_release/services/system_io/Service/fv_sr100_request.rails'): Source => ({
  host: CW_HOST,
  pageType: 'ticket',
  url: `https://${CW_HOST}${path}`,
  reader: 'connectwise',
});

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acct-001',
    name: 'Contoso Ltd',
    aliases: [],
    psaRefs: [],
    tenants: [],
    roles: {},
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function ticket(ticketId: string | number, over: Partial<TicketSignal> = {}): TicketSignal {
  return {
    id: `ticket:${CW_HOST}:${ticketId}`,
    accountId: 'acct-001',
    kind: 'ticket',
    observedAt: '2026-11-17T09:00:00.000Z',
    source: cwSource(),
    ticketId: String(ticketId),
    summary: `Printer offline #${ticketId}`,
    priority: 'P3',
    status: 'Open',
    openedAt: '2026-11-16T08:42:00-05:00',
    ...over,
  };
}

/** A ticket observation as an adapter produces it (no accountId, a company reference). */
export function ticketObservation(
  ticketId: string | number,
  company: Observation['company'],
  over: Partial<Omit<TicketSignal, 'accountId'>> = {},
): Observation {
  const { accountId: _a, ...rest } = ticket(ticketId, over as Partial<TicketSignal>);
  return { ...rest, company };
}

const dims = (colour: 'green' | 'red' | 'nodata', score: number | null) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, { score, colour }])) as Record<Dimension, { score: number | null; colour: typeof colour }>;

export function health(accountId: string, asOf: string, segment: Segment = 'C', over: Partial<AccountHealth> = {}): AccountHealth {
  const window = { windowStart: asOf, windowEnd: asOf };
  return {
    accountId,
    asOf,
    configVersion: 1,
    segment: { segment, assumed: false, overridden: false, computed: segment, goalLevel: 2, mrrBand: null },
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        { dimension: d, score: null, colour: 'nodata', reason: 'No data', drivers: [], missing: [], stale: [], freshestAt: null, ...window },
      ]),
    ) as unknown as AccountHealth['dimensions'],
    composite: null,
    overall: 'insufficient',
    overallReason: 'fewer than two dimensions with data',
    renewalConfidence: 'unknown',
    renewalReason: '',
    atRisk: { flag: false, reasons: [] },
    gates: { expansion: Object.fromEntries(DIMENSIONS.map((d) => [d, false])) as Record<Dimension, boolean>, expansionReasons: [], fixFirst: false, fixFirstReasons: [] },
    consecutiveMisses: 0,
    lastStrategicMeetingAt: null,
    nextStrategicMeetingDue: null,
    execSponsorLastSeenAt: null,
    freshestAt: null,
    ...over,
  };
}

export function snapshot(accountId: string, month: string, colour: 'green' | 'red' | 'nodata' = 'red'): MonthlySnapshot {
  return {
    id: `${accountId}:${month}`,
    accountId,
    month,
    dimensions: dims(colour, colour === 'nodata' ? null : 50),
    composite: colour === 'nodata' ? null : 50,
    overall: colour === 'nodata' ? 'insufficient' : colour,
    segment: 'C',
    frozenAt: `${month}-28T23:59:59.000Z`,
  };
}

export function ctaSpec(accountId: string, trigger: string, period: string, over: Partial<CtaSpec> = {}): CtaSpec {
  return {
    id: `${accountId}:${trigger}:${period}`,
    accountId,
    trigger,
    period,
    title: `${trigger} for ${accountId}`,
    why: 'Two strategic meetings missed in a row.',
    owner: { role: 'csm', name: 'Casey', unassigned: false },
    firedAt: '2026-11-17T09:00:00.000Z',
    dueBy: '2026-11-24T17:00:00.000Z',
    firstActionDue: '2026-11-20T09:00:00.000Z',
    checklist: [
      { id: 'call', text: 'Call the sponsor' },
      { id: 'book', text: 'Book the reset meeting' },
    ],
    ...over,
  };
}
