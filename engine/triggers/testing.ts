/**
 * Hand-built inputs for trigger tests: an `AccountHealth` with chosen colours and drivers, and a
 * `TriggerInput` whose cadence state comes from the real `cadenceState` unless a test supplies one.
 */
import { cadenceState, type CadenceState } from '../cadence';
import { configWith, type MetronomeConfig } from '../config';
import { DIMENSIONS, type AccountHealth, type Colour, type Dimension, type DimensionResult, type Driver } from '../model';
import type { Account, Segment, Signal } from '../signals';
import { groupSignals } from '../signals';
import { makeAccount } from '../testing/factories';
import type { TriggerInput } from './context';

/** New York time, so business hours and DST are exercised (UTC would hide mistakes). */
export const NY_CONFIG: MetronomeConfig = configWith({ calendar: { timeZone: 'America/New_York' } });

export function driver(key: string, pass: boolean | null, o: Partial<Driver> = {}): Driver {
  return {
    key,
    label: o.label ?? key,
    value: o.value ?? null,
    display: o.display ?? (o.value === undefined || o.value === null ? 'No data' : String(o.value)),
    pass,
    missing: false,
    sources: [],
    ...o,
  };
}

export interface DimSpec {
  colour: Colour;
  score?: number | null;
  drivers?: Driver[];
  reason?: string;
}

export function makeHealth(o: { asOf: string; segment?: Segment; dims?: Partial<Record<Dimension, DimSpec>>; accountId?: string }): AccountHealth {
  const dimensions = {} as Record<Dimension, DimensionResult>;
  for (const d of DIMENSIONS) {
    const spec = o.dims?.[d];
    dimensions[d] = {
      dimension: d,
      score: spec?.score ?? (spec && spec.colour !== 'nodata' ? 50 : null),
      colour: spec?.colour ?? 'nodata',
      reason: spec?.reason ?? '',
      drivers: spec?.drivers ?? [],
      missing: [],
      stale: [],
      freshestAt: null,
      windowStart: o.asOf,
      windowEnd: o.asOf,
    };
  }
  const segment = o.segment ?? 'B';
  return {
    accountId: o.accountId ?? 'acct-1',
    asOf: o.asOf,
    configVersion: 1,
    segment: { segment, assumed: false, overridden: false, computed: segment, goalLevel: 3, mrrBand: null },
    dimensions,
    composite: null,
    overall: 'insufficient',
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
  };
}

export interface InputSpec {
  asOf: string;
  account?: Partial<Account>;
  signals?: Signal[];
  segment?: Segment;
  dims?: Partial<Record<Dimension, DimSpec>>;
  /** A given cadence state; else the real `cadenceState` when `realCadence`, else a quiet one. */
  cadence?: CadenceState;
  realCadence?: boolean;
  config?: MetronomeConfig;
}

export const ROLES_FULL = { am: 'Alex AM', csm: 'Casey CSM', tam: 'Taylor TAM', vcio: 'Victor vCIO', cadenceOwner: 'Casey CSM' };

export function triggerInput(s: InputSpec): TriggerInput {
  const config = s.config ?? NY_CONFIG;
  const account = makeAccount({ roles: ROLES_FULL, ...s.account });
  const signals = s.signals ?? [];
  const segment = s.segment ?? 'B';
  const asOf = new Date(s.asOf);
  return {
    account,
    signals,
    health: makeHealth({ asOf: s.asOf, segment, ...(s.dims ? { dims: s.dims } : {}) }),
    snapshots: [],
    cadence: s.cadence ?? (s.realCadence ? cadenceState(account, groupSignals(signals).meeting, segment, config, asOf) : quietCadence()),
    config,
    asOf,
  };
}

/** A cadence state with nothing expected (for tests that are not about cadence). */
export const quietCadence = (): CadenceState => ({ expected: [], consecutiveMisses: 0, lastHeldAt: null, nextDueAt: null, adherence: null, onTime: 0, missed: 0 });
