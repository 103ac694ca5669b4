/**
 * Browser-side benchmarks of the PSA readers, in real Chromium (Debian's /usr/bin/chromium) with the
 * built demo extension, all in one browser run and reported as ratios to a baseline measured in the
 * same run (so the machine's speed cancels out):
 *
 * (a) extraction on a ≥ 100-row board: median of `readPage(reader, document, ctx)` (as the content
 *     script runs it, no zod) over ≥ 20 runs on the 120-row ConnectWise board fixture, against one
 *     full `document.querySelectorAll('*')` walk of the same page [≤ 5 ms; ≤ 1 walk];
 * (b) a scripted demo session — open the ConnectWise service board, click a ticket, wait for it to
 *     load — with the extension vs without it, two browser contexts, interleaved runs [≤ 1.05×]; on
 *     the demo's ConnectWise host (`cw.localhost`), so the extension injects what a ConnectWise host
 *     gets (its own reader bundle, content-scripts/runtime/bundles.ts);
 * (c) gzip size of each built content script [≤ 40 KB];
 * (d) ingest of 10,000 ticket signals through `ingestSignals` (zod, bulkGet, compare, bulkPut) vs a raw
 *     IndexedDB `put` of the same records in one transaction, same schema, same page [throughput ≥ 0.7×].
 *
 *   METRONOME_DEMO=1 npx wxt build && npx tsx scripts/bench-browser.ts [--runs 25] [--session-runs 15]
 *     [--only extraction,session,sizes,ingest] [--json]
 *   (METRONOME_OUT_DIR=… selects another build folder, as for the e2e tests.)
 *
 * From the main bench: `registerBenchSection(browserBenchSection)` (scripts/lib/bench.ts rows), or
 * `await runBrowserBench()` for the structured sections.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEMO_PSA_HOSTS } from '../content-scripts/runtime/bundles';
import { startDemoServer } from '../demo/server';
import type { SignalInput } from '../engine/signals';
import { chromiumPath, DEMO_BUILD_DIR, launchExtension } from '../test/e2e/harness';
import type { BenchRow, BenchSection } from './lib/bench';
import { readersBundle } from './lib/bench-browser-bundle';
import type { FixtureCtx, MetronomeTestApi } from './lib/bench-browser-entry';

declare const __metronome: MetronomeTestApi;

export interface BrowserBenchRow {
  name: string;
  /** The measured value (ms, KB or a ratio — see `unit`). */
  value: number;
  unit: 'ms' | 'KB' | '×' | 'signals/s';
  runs?: number;
  /** Human-readable target, e.g. "≤ 5 ms". */
  target?: string;
  met?: boolean;
  note?: string;
}
export interface BrowserBenchSectionResult {
  name: string;
  rows: BrowserBenchRow[];
}

export interface BrowserBenchOptions {
  /** Extraction runs (a); at least 20. */
  extractionRuns?: number;
  /** Scripted-session runs per context (b). */
  sessionRuns?: number;
  /** Ingest runs (d). */
  ingestRuns?: number;
  /** Ticket signals ingested (d). */
  signals?: number;
  /** Only these measurements (default: all). For a fast loop while working on one of them. */
  only?: ReadonlyArray<'sizes' | 'extraction' | 'session' | 'ingest'>;
  log?: (line: string) => void;
}

const SECTION = 'readers (Chromium)';
const BOARD_FIXTURE = { adapter: 'connectwise', name: 'board-large-us' };
const BOARD_PAGE = '/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1';
const TICKET_LINK = 'a[href*="service_recid=284511"]';
const TARGETS = { extractMs: 5, extractWalks: 1, sessionRatio: 1.05, gzipKb: 40, ingestRatio: 0.7 };

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------------------------------------
// (a) extraction

async function extraction(page: Page, demoUrl: string, bundle: string, runs: number): Promise<BrowserBenchRow[]> {
  const dir = path.resolve('content-scripts', BOARD_FIXTURE.adapter, 'fixtures');
  const expected = JSON.parse(readFileSync(path.join(dir, `${BOARD_FIXTURE.name}.expected.json`), 'utf8')) as {
    reader: string;
    now: string;
    timeZone: string;
    dateOrder?: 'MDY' | 'DMY' | 'YMD';
  };
  await page.goto(`${demoUrl}/__fixture/${BOARD_FIXTURE.adapter}/${BOARD_FIXTURE.name}`);
  await page.evaluate(bundle);
  const ctx: FixtureCtx = { url: page.url(), now: expected.now, timeZone: expected.timeZone, ...(expected.dateOrder ? { dateOrder: expected.dateOrder } : {}) };
  const rows = await page.evaluate(() => document.querySelectorAll('tr').length);
  // Warm-up (JIT), then interleave reads and walks so both see the same conditions. Each sample is
  // the mean of BATCH back-to-back runs: a page's performance.now() is coarsened to 0.1 ms, as coarse
  // as the walk itself (~0.3 ms), so single runs would mostly measure the timer's rounding.
  const BATCH = 10;
  const perRun = (t: { times: number[] }) => t.times[0]! / BATCH;
  await page.evaluate(([id, c]) => __metronome.timeRead(id, c, 5), [expected.reader, ctx] as const);
  await page.evaluate(() => __metronome.timeWalk(5));
  await page.evaluate(() => __metronome.timeCellText(5));
  const reads: number[] = [];
  const walks: number[] = [];
  const cellTexts: number[] = [];
  let observations = 0;
  let elements = 0;
  let cells = 0;
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(([id, c, n]) => __metronome.timeReadBatch(id, c, n), [expected.reader, ctx, BATCH] as const);
    const w = await page.evaluate((n) => __metronome.timeWalkBatch(n), BATCH);
    const x = await page.evaluate((n) => __metronome.timeCellTextBatch(n), BATCH);
    reads.push(perRun(r));
    walks.push(perRun(w));
    cellTexts.push(perRun(x));
    observations = r.observations;
    elements = w.elements;
    cells = x.cells;
  }
  const readMs = median(reads);
  const walkMs = median(walks);
  const cellMs = median(cellTexts);
  const ratio = readMs / walkMs;
  const where = `${BOARD_FIXTURE.adapter}/${BOARD_FIXTURE.name}: ${rows} table rows, ${observations} tickets read, ${elements} elements`;
  const batch = `each sample the mean of ${BATCH} back-to-back runs`;
  return [
    { name: 'extraction: readPage on a 120-row board', value: round(readMs, 3), unit: 'ms', runs, target: `≤ ${TARGETS.extractMs} ms`, met: readMs <= TARGETS.extractMs, note: `${where}; ${batch}` },
    { name: "baseline: one querySelectorAll('*') walk", value: round(walkMs, 3), unit: 'ms', runs, note: `same page, interleaved with the reads; ${batch}` },
    { name: 'extraction ÷ one full walk', value: round(ratio), unit: '×', runs, target: `≤ ${TARGETS.extractWalks}×`, met: ratio <= TARGETS.extractWalks },
    {
      name: 'reference: textContent of every table cell once',
      value: round(cellMs, 3),
      unit: 'ms',
      runs,
      note: `${cells} cells, nothing parsed: a floor for any table reader (${round(cellMs / walkMs)}× the walk); not a target`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// (b) page load + interaction, with vs without the extension

/** The same Chromium and flags as the e2e harness, without the extension. */
async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'metronome-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open the board, click a ticket, wait for the ticket page's load event; ms. */
async function scriptedSession(context: BrowserContext, demoUrl: string): Promise<number> {
  const page = await context.newPage();
  const t = performance.now();
  await page.goto(demoUrl + BOARD_PAGE, { waitUntil: 'load' });
  await Promise.all([page.waitForURL(/service_recid=284511/, { waitUntil: 'load' }), page.click(TICKET_LINK)]);
  const ms = performance.now() - t;
  await page.close();
  return ms;
}

/** The demo server's URL under a PSA's demo host (`http://cw.localhost:port`; loopback in Chromium). */
export function demoHostUrl(demoUrl: string, host: string): string {
  const u = new URL(demoUrl);
  u.hostname = host;
  return u.origin;
}

async function sessionOverhead(withExt: BrowserContext, loopbackUrl: string, runs: number): Promise<BrowserBenchRow[]> {
  // The ConnectWise demo host, as in the tour: the reader injected is the ConnectWise bundle, what a
  // ConnectWise cloud host gets (127.0.0.1 would get the all-adapters reader.js). Same URL for both.
  const demoUrl = demoHostUrl(loopbackUrl, DEMO_PSA_HOSTS.connectwise);
  const plain = await launchPlain();
  try {
    // Warm-up both (first navigation compiles, caches fonts …).
    await scriptedSession(withExt, demoUrl);
    await scriptedSession(plain.context, demoUrl);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so drift in machine load hits both equally.
      if (i % 2) {
        a.push(await scriptedSession(withExt, demoUrl));
        b.push(await scriptedSession(plain.context, demoUrl));
      } else {
        b.push(await scriptedSession(plain.context, demoUrl));
        a.push(await scriptedSession(withExt, demoUrl));
      }
    }
    const ratio = median(a) / median(b);
    const flow = `open the ConnectWise service board on ${new URL(demoUrl).hostname} (reader-connectwise.js injected), click ticket #284511, until its load event`;
    return [
      { name: 'demo session with the extension', value: round(median(a), 1), unit: 'ms', runs, note: flow },
      { name: 'demo session without the extension', value: round(median(b), 1), unit: 'ms', runs, note: 'same Chromium and flags, second profile' },
      { name: 'demo session: with ÷ without', value: round(ratio, 3), unit: '×', runs, target: `≤ ${TARGETS.sessionRatio}×`, met: ratio <= TARGETS.sessionRatio },
    ];
  } finally {
    await plain.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (c) content-script sizes

export function contentScriptSizes(buildDir = DEMO_BUILD_DIR): BrowserBenchRow[] {
  const dir = path.join(buildDir, 'content-scripts');
  if (!existsSync(dir)) throw new Error(`no ${dir}: run METRONOME_DEMO=1 npx wxt build first`);
  // Plus the loader registered in the reader's place (an unlisted script at the build's root).
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => `content-scripts/${f}`), 'reader-loader.js'];
  return files
    .filter((f) => existsSync(path.join(buildDir, f)))
    .map((f) => {
      const raw = readFileSync(path.join(buildDir, f));
      const kb = gzipSync(raw, { level: 9 }).length / 1024;
      return {
        name: `content script ${path.basename(f)} (gzip)`,
        value: round(kb, 1),
        unit: 'KB' as const,
        target: `≤ ${TARGETS.gzipKb} KB`,
        met: kb <= TARGETS.gzipKb,
        note: `${round(raw.length / 1024, 1)} KB raw (${path.basename(buildDir)} build)`,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// (d) ingest throughput vs raw IndexedDB

/** `n` valid ticket signals over 200 accounts, like a large board history. */
export function ticketSignals(n: number): SignalInput[] {
  const host = 'na.myconnectwise.net';
  const statuses = ['New', 'In Progress', 'Waiting on Client', 'Closed'];
  return Array.from({ length: n }, (_, i) => {
    const id = 300_000 + i;
    const opened = new Date(Date.UTC(2026, 9, 1) + i * 7 * 60_000);
    const closed = i % 4 === 3;
    return {
      id: `ticket:${host}:${id}`,
      accountId: `acct-${String(i % 200).padStart(3, '0')}`,
      kind: 'ticket',
      observedAt: '2026-11-18T14:00:00.000Z',
      source: { host, pageType: 'ticket-list', url: `https://${host}/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1`, reader: 'connectwise' },
      ticketId: String(id),
      summary: `Workstation ${i % 97} cannot reach the file server after the update`,
      priority: `Priority ${1 + (i % 4)}`,
      status: statuses[i % 4]!,
      openedAt: opened.toISOString(),
      ...(closed ? { closedAt: new Date(opened.getTime() + 26 * 3_600_000).toISOString() } : {}),
      sla: { responseDueAt: new Date(opened.getTime() + 3_600_000).toISOString(), resolutionDueAt: new Date(opened.getTime() + 48 * 3_600_000).toISOString() },
    } as SignalInput;
  });
}

async function ingest(page: Page, demoUrl: string, bundle: string, n: number, runs: number): Promise<BrowserBenchRow[]> {
  // An ordinary page on the demo origin: IndexedDB there is Chromium's, as in the extension.
  await page.goto(`${demoUrl}/`);
  await page.evaluate(bundle);
  const signals = ticketSignals(n);
  await page.evaluate((s) => ((globalThis as unknown as { __signals: SignalInput[] }).__signals = s), signals);
  const ingestMs: number[] = [];
  const rawMs: number[] = [];
  const bulkPutMs: number[] = [];
  const validateMs: number[] = [];
  const bulkGetMs: number[] = [];
  for (let i = -1; i < runs; i++) {
    // Fresh databases each run; run -1 is a warm-up. Order alternates.
    const tag = `${Date.now()}-${i}`;
    const one = async (what: 'ingest' | 'raw' | 'bulkPut') =>
      page.evaluate(
        async ([w, name]) => {
          const s = (globalThis as unknown as { __signals: SignalInput[] }).__signals;
          const ms = w === 'ingest' ? await __metronome.timeIngest(s, name) : w === 'raw' ? await __metronome.timeRawPut(s, name) : await __metronome.timeBulkPut(s, name);
          await __metronome.deleteDb(name);
          return ms;
        },
        [what, `bench-${what}-${tag}`] as const,
      );
    const order: Array<'ingest' | 'raw' | 'bulkPut'> = i % 2 ? ['ingest', 'raw', 'bulkPut'] : ['raw', 'bulkPut', 'ingest'];
    const got: Record<string, number> = {};
    for (const w of order) got[w] = await one(w);
    const v = await page.evaluate(() => __metronome.timeValidate((globalThis as unknown as { __signals: SignalInput[] }).__signals));
    const g = await page.evaluate(
      async ([name]) => {
        const s = (globalThis as unknown as { __signals: SignalInput[] }).__signals;
        const ms = await __metronome.timeBulkGet(s.map((x) => x.id), name);
        await __metronome.deleteDb(name);
        return ms;
      },
      [`bench-get-${tag}`] as const,
    );
    if (i < 0) continue;
    ingestMs.push(got.ingest!);
    rawMs.push(got.raw!);
    bulkPutMs.push(got.bulkPut!);
    validateMs.push(v);
    bulkGetMs.push(g);
  }
  const ratio = median(rawMs) / median(ingestMs); // throughput(ingest) ÷ throughput(raw)
  const perSec = (ms: number) => Math.round((n / ms) * 1000);
  return [
    { name: `ingestSignals, ${n.toLocaleString('en-US')} tickets`, value: round(median(ingestMs), 1), unit: 'ms', runs, note: `${perSec(median(ingestMs)).toLocaleString('en-US')} signals/s` },
    { name: 'baseline: raw IndexedDB put, one transaction', value: round(median(rawMs), 1), unit: 'ms', runs, note: `${perSec(median(rawMs)).toLocaleString('en-US')} signals/s` },
    { name: 'ingest throughput ÷ raw', value: round(ratio), unit: '×', runs, target: `≥ ${TARGETS.ingestRatio}×`, met: ratio >= TARGETS.ingestRatio },
    {
      name: 'where ingest time goes',
      value: round(median(validateMs) + median(bulkGetMs) + median(bulkPutMs), 1),
      unit: 'ms',
      runs,
      note: `zod validation ${round(median(validateMs), 1)} ms + bulkGet ${round(median(bulkGetMs), 1)} ms + Dexie bulkPut ${round(median(bulkPutMs), 1)} ms (each measured alone)`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

/** Every browser measurement in one Chromium run (plus a second, extension-free profile for (b)). */
export async function runBrowserBench(opts: BrowserBenchOptions = {}): Promise<BrowserBenchSectionResult[]> {
  const log = opts.log ?? (() => {});
  const extractionRuns = Math.max(20, opts.extractionRuns ?? 25);
  const sessionRuns = opts.sessionRuns ?? 15;
  const ingestRuns = opts.ingestRuns ?? 5;
  const n = opts.signals ?? 10_000;
  const want = (what: 'sizes' | 'extraction' | 'session' | 'ingest') => !opts.only || opts.only.includes(what);
  // Reported in this order whatever order they run in.
  const found: Partial<Record<'extraction' | 'session' | 'sizes' | 'ingest', BrowserBenchSectionResult>> = {};
  if (want('sizes')) found.sizes = { name: 'content-script size', rows: contentScriptSizes() };
  const [demo, bundle] = await Promise.all([startDemoServer({ port: 0 }), readersBundle()]);
  const session = await launchExtension();
  try {
    const page = await session.context.newPage();
    if (want('extraction')) {
      log('▸ extraction (board, 120 rows)');
      found.extraction = { name: 'extraction', rows: await extraction(page, demo.url, bundle, extractionRuns) };
    }
    if (want('ingest')) {
      log('▸ ingest (10,000 tickets)');
      found.ingest = { name: 'ingest', rows: await ingest(page, demo.url, bundle, n, ingestRuns) };
    }
    await page.close();
    if (want('session')) {
      log('▸ demo session with / without the extension');
      found.session = { name: 'page overhead', rows: await sessionOverhead(session.context, demo.url, sessionRuns) };
    }
  } finally {
    await session.close();
    await demo.close();
  }
  return (['extraction', 'session', 'sizes', 'ingest'] as const).flatMap((k) => (found[k] ? [found[k]] : []));
}

/** The sections as rows of the main bench (scripts/lib/bench.ts); ratios go in `ratioToFloor`. */
export function toBenchRows(sections: readonly BrowserBenchSectionResult[]): BenchRow[] {
  return sections.flatMap((s) =>
    s.rows.map((r) => ({
      section: SECTION,
      name: `${s.name}: ${r.name}`,
      medianMs: r.unit === 'ms' ? r.value : 0,
      ...(r.unit === 'ms' ? {} : { display: `${r.value} ${r.unit}` }),
      runs: r.runs ?? 1,
      ...(r.unit === '×' ? { ratioToFloor: r.value } : {}),
      ...(r.target ? { target: r.target } : {}),
      ...(r.met === undefined ? {} : { met: r.met }),
      note: [r.unit === 'ms' ? '' : `${r.value} ${r.unit}`, r.note ?? ''].filter(Boolean).join('; '),
    })),
  );
}

/** For `registerBenchSection(browserBenchSection)` in scripts/bench.ts. */
export const browserBenchSection: BenchSection = {
  name: SECTION,
  run: async (options) => toBenchRows(await runBrowserBench({ log: options.log })),
};

export function formatBrowserBench(sections: readonly BrowserBenchSectionResult[]): string {
  const rows = [['Section', 'Measure', 'Value', 'Runs', 'Target', 'Met', 'Note']];
  for (const s of sections)
    for (const r of s.rows)
      rows.push([s.name, r.name, `${r.value} ${r.unit}`, r.runs === undefined ? '' : String(r.runs), r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO', r.note ?? '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const extractionRuns = Number(flag('--runs')) || undefined;
  const sessionRuns = Number(flag('--session-runs')) || undefined;
  const only = flag('--only')?.split(',') as BrowserBenchOptions['only'];
  const sections = await runBrowserBench({
    ...(extractionRuns ? { extractionRuns } : {}),
    ...(sessionRuns ? { sessionRuns } : {}),
    ...(only ? { only } : {}),
    log: (l) => process.stderr.write(l + '\n'),
  });
  process.stdout.write(argv.includes('--json') ? JSON.stringify(sections, null, 2) + '\n' : formatBrowserBench(sections));
  const missed = sections.flatMap((s) => s.rows.filter((r) => r.met === false).map((r) => `${s.name}: ${r.name} = ${r.value} ${r.unit} (target ${r.target})`));
  if (missed.length) process.stderr.write(`targets missed:\n  ${missed.join('\n  ')}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exit(1);
    },
  );
}
