/**
 * `npm run bench [-- --sizes 250,1000,4000] [--tickets 100] [--runs 5] [--engine-only] [--only panel] [--no-write]`
 *
 * Runs the registered benchmark sections (scripts/lib/bench.ts: engine first), prints a table and
 * writes BENCHMARKS.md (method, machine, results, how to reproduce) — from a whole run only: with
 * `--only` or `--engine-only` the table is printed and BENCHMARKS.md is left as it is.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchMarkdown, benchSections, DEFAULT_BENCH_OPTIONS, formatBenchTable, registerBenchSection, runBench, type BenchOptions, type BenchSection } from './lib/bench';
import { browserBenchSection } from './bench-browser';
import { panelBenchSection } from './lib/bench-panel';
import { parseCli, parseIntFlag, UsageError } from './lib/args';
import { runMain } from './lib/main';
import type { CliIo } from './lib/score-cli';

const USAGE = `Usage: npm run bench -- [--sizes 250,1000,4000] [--tickets 100] [--runs 5] [--engine-only] [--only engine,readers,panel] [--no-write]\n`;

/**
 * `--only a,b`: run just the sections whose name contains one of the words (case-insensitive), e.g.
 * `--only panel` → "side panel (Chromium)", `--only readers,engine`. A word matching none is an error.
 */
function onlySections(only: string | undefined): BenchSection[] {
  if (only === undefined) return benchSections;
  const words = only.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  for (const w of words)
    if (!benchSections.some((s) => s.name.toLowerCase().includes(w)))
      throw new UsageError(`--only: no section matches "${w}" (sections: ${benchSections.map((s) => s.name).join(', ')})`);
  return benchSections.filter((s) => words.some((w) => s.name.toLowerCase().includes(w)));
}

async function bench(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values } = parseCli(argv, {
      sizes: { type: 'string' },
      tickets: { type: 'string' },
      runs: { type: 'string' },
      'no-write': { type: 'boolean' },
      'engine-only': { type: 'boolean' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }, false);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const sizes = values.sizes === undefined ? DEFAULT_BENCH_OPTIONS.sizes : values.sizes.split(',').map((s) => parseIntFlag(s.trim(), 'sizes', 0, 1, 50_000));
    const options: BenchOptions = {
      ...DEFAULT_BENCH_OPTIONS,
      sizes,
      ticketsPerAccount: parseIntFlag(values.tickets, 'tickets', DEFAULT_BENCH_OPTIONS.ticketsPerAccount, 0, 10_000),
      maxRuns: parseIntFlag(values.runs, 'runs', DEFAULT_BENCH_OPTIONS.maxRuns, 1, 50),
      log: (line) => io.stderr(line + '\n'),
    };
    const loadAverage = os.loadavg()[0];
    const started = performance.now();
    // Chromium sections (the built demo extension; `npm run bench` builds it first). --engine-only skips them.
    if (!values['engine-only']) {
      registerBenchSection(browserBenchSection);
      registerBenchSection(panelBenchSection);
    }
    const rows = await runBench(options, onlySections(values.only));
    io.stdout('\n' + formatBenchTable(rows));
    io.stderr(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    // BENCHMARKS.md always holds one whole run: a partial run (--only, --engine-only) is printed only.
    const partial = values.only !== undefined || values['engine-only'] === true;
    if (partial && !values['no-write']) io.stderr('bench: partial run (--only/--engine-only): BENCHMARKS.md left as it is\n');
    if (!values['no-write'] && !partial) {
      const cpus = os.cpus();
      const machine = {
        cpus: cpus[0]?.model.trim() ?? 'unknown CPU',
        cores: os.availableParallelism?.() ?? cpus.length,
        memoryGb: Math.round(os.totalmem() / 1e9),
        node: process.versions.node,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        ...(loadAverage !== undefined ? { loadAverage } : {}),
      };
      const { log: _log, ...rest } = options;
      await writeFile('BENCHMARKS.md', benchMarkdown(rows, machine, rest, new Date()), 'utf8');
      io.stderr('bench: wrote BENCHMARKS.md\n');
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`bench: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

runMain(bench);
