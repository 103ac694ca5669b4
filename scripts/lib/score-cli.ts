/**
 * `npm run score -- <bundle.json> [--at <ISO date>] [--format json|table] [--tz Zone]`
 *
 * Validates a Metronome bundle (`parseBundle`), evaluates every account with the real engine
 * (`evaluateAccount`, MRR bands from `mrrBands`) as of `--at` (default: now) and prints the result.
 * Configuration: the bundle's `config` setting when it has one, else the defaults; `--tz` (default:
 * the bundle's configured zone, else this machine's zone) sets the calendar zone.
 *
 * Exit codes: 0 ok, 1 the bundle cannot be read or is invalid, 2 bad command line.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONFIG, resolveConfig, type MetronomeConfig } from '../../engine/config';
import { CONFIG_SETTING_KEY, parseBundleText, type Bundle } from '../../engine/bundle';
import { evaluateAccount, type Evaluation } from '../../engine/index';
import type { MonthlySnapshot } from '../../engine/model';
import { mrrBands } from '../../engine/segment';
import type { Signal } from '../../engine/signals';
import { parseAt, parseCli, parseTimeZone, systemTimeZone, UsageError } from './args';
import { formatTable, type ScoredAccount } from './table';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (ANSI colour allowed). */
  isTTY: boolean;
  /** Injected clock for "now" (tests). */
  now?: () => Date;
}

export const SCORE_USAGE = `Usage: npm run score -- <bundle.json> [--at <ISO date>] [--format table|json] [--tz <IANA zone>]

  --at      evaluate as of this instant (2026-11-17 = noon that day in --tz; default: now)
  --format  table (default, readable) or json (machine-readable)
  --tz      time zone for months, business days and printed times
            (default: the bundle's configured zone, else this machine's)
`;

/** Errors printed per bundle problem; the rest are counted. */
const MAX_LISTED_ERRORS = 50;

export async function runScore(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCli(argv, {
      at: { type: 'string' },
      format: { type: 'string' },
      tz: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(SCORE_USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one bundle file, got ${positionals.length}` : 'missing the bundle file');
    const fmt = values.format ?? 'table';
    if (fmt !== 'table' && fmt !== 'json') throw new UsageError(`--format must be table or json, got "${fmt}"`);
    // Validate the flags that do not need the bundle before reading it.
    if (values.tz !== undefined) parseTimeZone(values.tz, 'tz', 'UTC');
    if (values.at !== undefined) parseAt(values.at, values.tz ?? 'UTC');

    const file = positionals[0]!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`score: cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`);
      return 1;
    }
    const parsed = parseBundleText(text);
    if (!parsed.ok) {
      const listed = parsed.errors.slice(0, MAX_LISTED_ERRORS).map((e) => `  ${e.path}: ${e.message}`);
      const more = parsed.errors.length - listed.length;
      io.stderr(
        `score: ${file} is not a valid Metronome bundle (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}):\n${listed.join('\n')}\n` +
          (more > 0 ? `  … and ${more} more\n` : ''),
      );
      return 1;
    }
    const bundle = parsed.bundle;
    const base = bundleConfig(bundle);
    if (!base.ok) {
      io.stderr(`score: the bundle's configuration is invalid:\n${base.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 1;
    }
    const timeZone = parseTimeZone(values.tz, 'tz', base.fromBundle ? base.config.calendar.timeZone : systemTimeZone());
    const config: MetronomeConfig = { ...base.config, calendar: { ...base.config.calendar, timeZone } };
    const asOf = parseAt(values.at, timeZone) ?? (io.now ?? (() => new Date()))();

    const scored = scoreBundle(bundle, config, asOf);
    if (fmt === 'json') io.stdout(JSON.stringify(toJson(scored, asOf, config), null, 2) + '\n');
    else io.stdout(`Metronome score as of ${asOf.toISOString()} (${timeZone}) — ${scored.length} accounts\n\n` + formatTable(scored, { color: io.isTTY, timeZone }));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`score: ${e.message}\n\n${SCORE_USAGE}`);
      return 2;
    }
    io.stderr(`score: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

/** Evaluate every live account of a bundle; CTAs the bundle already closed are left out. */
export function scoreBundle(bundle: Bundle, config: MetronomeConfig, asOf: Date): ScoredAccount[] {
  const accounts = bundle.accounts.filter((a) => !a.deletedAt);
  const bands = mrrBands(accounts, config);
  const signalsByAccount = groupBy(bundle.signals, (s) => s.accountId);
  const snapshotsByAccount = groupBy(bundle.snapshots ?? [], (s) => s.accountId);
  const closed = closedCtaIds(bundle, asOf);
  return accounts.map((account) => {
    const evaluation: Evaluation = evaluateAccount({
      account,
      signals: signalsByAccount.get(account.id) ?? ([] as Signal[]),
      config,
      asOf,
      snapshots: snapshotsByAccount.get(account.id) ?? ([] as MonthlySnapshot[]),
      mrrBand: bands.get(account.id) ?? null,
    });
    return { account, evaluation: { ...evaluation, ctas: evaluation.ctas.filter((c) => !closed.has(c.id)) } };
  });
}

function bundleConfig(bundle: Bundle): { ok: true; config: MetronomeConfig; fromBundle: boolean } | { ok: false; errors: string[] } {
  const setting = bundle.settings?.find((s) => s.key === CONFIG_SETTING_KEY && !s.deletedAt);
  if (!setting) return { ok: true, config: DEFAULT_CONFIG, fromBundle: false };
  const r = resolveConfig(setting.value);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => `${e.path}: ${e.message}`) };
  const v = setting.value as { calendar?: { timeZone?: unknown } } | null;
  return { ok: true, config: r.config, fromBundle: typeof v?.calendar?.timeZone === 'string' };
}

/** CTAs the bundle records as done, dismissed or snoozed past `asOf`. */
function closedCtaIds(bundle: Bundle, asOf: Date): Set<string> {
  const out = new Set<string>();
  for (const c of bundle.ctas ?? []) {
    if (c.deletedAt) continue;
    if (c.status === 'done' || c.status === 'dismissed') out.add(c.id);
    if (c.status === 'snoozed' && c.snoozedUntil && Date.parse(c.snoozedUntil) > asOf.getTime()) out.add(c.id);
  }
  return out;
}

function toJson(scored: readonly ScoredAccount[], asOf: Date, config: MetronomeConfig) {
  return {
    asOf: asOf.toISOString(),
    timeZone: config.calendar.timeZone,
    configVersion: config.version,
    accounts: scored.map(({ account, evaluation }) => ({
      id: account.id,
      name: account.name,
      health: evaluation.health,
      ctas: evaluation.ctas,
    })),
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
