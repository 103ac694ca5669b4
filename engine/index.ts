/**
 * The engine's front door: one account in, its health, CTAs and monthly snapshots out. Pure: the
 * same code runs in the extension's background, the `score` CLI and the benchmark.
 *
 *   evaluateAccount({ account, signals, config, asOf, snapshots, mrrBand }) → { health, ctas, snapshots }
 *
 * - `snapshots` in: months already frozen (from storage); months that ended since are frozen here
 *   and returned in `snapshots` out (new or recomputed), so gates always see whole months.
 * - `health.atRisk` is the at-risk detection of the trigger engine; it never changes the colour.
 */
import type { MetronomeConfig } from './config';
import type { AccountHealth, CtaSpec, MonthlySnapshot } from './model';
import { prepareSignals, ticketHorizon } from './prepared';
import { freezeMonth, monthsToFreeze, scoreAccountWithCadence } from './score';
import type { Account, Signal } from './signals';
import { atRiskFlag, computeTriggersIn } from './triggers';
import { makeContext } from './triggers/context';
import { monthEnd } from './time/zoned';

export interface EvaluateInput {
  account: Account;
  signals: readonly Signal[];
  config: MetronomeConfig;
  asOf: Date;
  /** Previously frozen monthly snapshots of this account (any order). */
  snapshots?: readonly MonthlySnapshot[];
  /** MRR band of the account within its portfolio (see `mrrBands`), when known. */
  mrrBand?: number | null;
}

export interface Evaluation {
  health: AccountHealth;
  ctas: CtaSpec[];
  /** Snapshots frozen by this evaluation (months that ended and were not frozen yet). */
  snapshots: MonthlySnapshot[];
}

export interface EvaluateOptions {
  /** Leave settled tickets older than any rule reads unparsed (default true; see `ticketHorizon`). */
  ticketHorizon?: boolean;
}

export function evaluateAccount(input: EvaluateInput, options: EvaluateOptions = {}): Evaluation {
  const { account, signals, config, asOf } = input;
  const existing = input.snapshots ?? [];
  const tz = config.calendar.timeZone;
  const months = monthsToFreeze(account, existing, asOf, tz);
  // The earliest instant evaluated: the end of the oldest month to freeze, else asOf.
  const earliest = months.length ? Math.min(asOf.getTime(), monthEnd(months[0]!, tz)) : asOf.getTime();
  // Group the signals and parse their instants once, for every month frozen, the live score and the
  // triggers; settled tickets older than any rule reads are kept aside unparsed.
  const prepared = prepareSignals(signals, options.ticketHorizon === false ? -Infinity : ticketHorizon(config, earliest));
  // Freeze every month that ended since the last evaluation first, so gates see whole months.
  const frozen = months.map((month) => freezeMonth({ ...input, snapshots: existing }, month, prepared));
  const snapshots = frozen.length ? [...existing, ...frozen] : existing;
  const { health, cadence } = scoreAccountWithCadence({ ...input, snapshots }, prepared);
  const triggers = makeContext({ account, signals, health, snapshots, cadence, config, asOf, prepared });
  // At-risk is a flag beside the colour; it never changes the colour (DECISIONS §4).
  health.atRisk = atRiskFlag(triggers);
  const ctas = computeTriggersIn(triggers);
  return { health, ctas, snapshots: frozen };
}

export { mrrBands } from './segment';
export { DEFAULT_CONFIG, configWith, resolveConfig } from './config';
