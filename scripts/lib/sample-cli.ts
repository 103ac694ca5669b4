/**
 * `npm run sample -- [--accounts N] [--seed S] [--at ISO] [--tz Zone] [--out file]`
 *
 * Writes the sample portfolio as a Metronome bundle (`engine/bundle.ts`) to stdout or `--out`.
 * `--at` defaults to now, so the scenarios (renewal in 60 days, three missed meetings, …) hold on the
 * day it is loaded; pass `--at` for a reproducible file (same seed + at + tz → byte-identical).
 *
 * Exit codes: 0 ok, 1 cannot write / internal error, 2 bad command line.
 */
import { writeFile } from 'node:fs/promises';
import { BUNDLE_FORMAT, BUNDLE_VERSION, parseBundle, type Bundle } from '../../engine/bundle';
import { generatePortfolio } from '../../sample/generate';
import { parseAt, parseCli, parseIntFlag, parseTimeZone, UsageError } from './args';
import type { CliIo } from './score-cli';

export const SAMPLE_USAGE = `Usage: npm run sample -- [--accounts N] [--seed S] [--at <ISO date>] [--tz <IANA zone>] [--out <file>]

  --accounts  number of accounts (default 40: the named sample clients; more are synthesised)
  --seed      random seed (default 1)
  --at        generate as of this instant (2026-11-17 = noon that day in --tz; default: now)
  --tz        time zone of the sample's wall-clock times (default America/New_York)
  --tickets   tickets per account over 13 months (default: from each client's size)
  --out       write to this file instead of stdout
`;

/** Above this many accounts the bundle is written compact and not re-validated (benchmark sizes). */
const LARGE = 1000;

/** Build the bundle (validated with `parseBundle` unless it is benchmark-sized). */
export function sampleBundle(opts: { accounts: number; seed: number; asOf: Date; timeZone: string; ticketsPerAccount?: number }): Bundle {
  const { accounts, signals } = generatePortfolio(opts);
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: opts.asOf.toISOString(),
    accounts,
    signals,
  };
  if (accounts.length <= LARGE) {
    const r = parseBundle(JSON.parse(JSON.stringify(bundle)));
    if (!r.ok) throw new Error(`sample generator produced an invalid bundle:\n${r.errors.slice(0, 20).map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  return bundle;
}

export async function runSample(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCli(
      argv,
      {
        accounts: { type: 'string' },
        seed: { type: 'string' },
        at: { type: 'string' },
        tz: { type: 'string' },
        tickets: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    void positionals;
    if (values.help) {
      io.stdout(SAMPLE_USAGE);
      return 0;
    }
    const accounts = parseIntFlag(values.accounts, 'accounts', 40, 0, 20_000);
    const seed = parseIntFlag(values.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const timeZone = parseTimeZone(values.tz, 'tz', 'America/New_York');
    const asOf = parseAt(values.at, timeZone) ?? (io.now ?? (() => new Date()))();
    const tickets = values.tickets === undefined ? undefined : parseIntFlag(values.tickets, 'tickets', 0, 0, 10_000);
    const bundle = sampleBundle({ accounts, seed, asOf, timeZone, ...(tickets !== undefined ? { ticketsPerAccount: tickets } : {}) });
    const text = (accounts > LARGE ? JSON.stringify(bundle) : JSON.stringify(bundle, null, 1)) + '\n';
    if (values.out) {
      try {
        await writeFile(values.out, text, 'utf8');
      } catch (e) {
        io.stderr(`sample: cannot write ${values.out}: ${(e as Error).message}\n`);
        return 1;
      }
      io.stderr(`sample: wrote ${bundle.accounts.length} accounts and ${bundle.signals.length} signals as of ${asOf.toISOString()} to ${values.out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`sample: ${e.message}\n\n${SAMPLE_USAGE}`);
      return 2;
    }
    io.stderr(`sample: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
