/**
 * The demo tour (README command 1, after the build): the built demo extension in Chromium on the
 * bundled demo PSA. Loads the sample portfolio, visits ConnectWise, Autotask, HaloPSA and Microsoft
 * 365 demo pages as a user would, and shows what Metronome read and what the side panel says.
 *
 *   npx tsx scripts/tour.ts [--headed | --headless] [--out DIR] [--keep-open]
 *
 * Headed when a display exists (and not in CI), otherwise headless with screenshots in --out
 * (default tour-screenshots/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startDemoServer } from '../demo/server';
import { DEMO_PSA_HOSTS } from '../content-scripts/runtime/bundles';
import { launchExtension } from '../test/e2e/harness';
import { readTable, sendFromExtension, waitFor } from '../test/e2e/helpers';

interface Stop {
  psa: string;
  /** Each demo PSA on its own host, as real PSAs are (`DEMO_PSA_HOSTS`: `*.localhost` is loopback in Chromium). */
  psaHost: keyof typeof DEMO_PSA_HOSTS;
  what: string;
  path: string;
  /** Where the reader runs: Autotask's pages are inside an iframe of the outer shell. */
  expect: 'account' | 'list';
}

const STOPS: Stop[] = [
  { psa: 'ConnectWise', psaHost: 'connectwise', what: 'Service board (40 tickets)', path: '/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1', expect: 'list' },
  { psa: 'ConnectWise', psaHost: 'connectwise', what: 'Service ticket #284511', path: '/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511', expect: 'account' },
  { psa: 'ConnectWise', psaHost: 'connectwise', what: 'Company: Contoso Ltd', path: '/v4_6_release/ConnectWise.aspx?routeTo=CompanyFV&recid=19300', expect: 'account' },
  { psa: 'ConnectWise', psaHost: 'connectwise', what: 'Agreement: Managed Services - Gold', path: '/v4_6_release/ConnectWise.aspx?routeTo=AgreementFV&recid=512', expect: 'account' },
  { psa: 'Autotask', psaHost: 'autotask', what: 'Ticket (inside the app frame)', path: '/app/ticket?ticketId=29711043', expect: 'account' },
  { psa: 'HaloPSA', psaHost: 'halopsa', what: 'Ticket 5101', path: '/ticket?id=5101', expect: 'account' },
  { psa: 'Microsoft 365', psaHost: 'm365', what: 'MFA registration (Entra)', path: '/?tenant=contoso.com&view=mfa#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails', expect: 'account' },
];

interface Args {
  headed: boolean;
  out: string;
  keepOpen: boolean;
}

function parseArgs(argv: string[]): Args {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
  const outAt = argv.indexOf('--out');
  return {
    headed: argv.includes('--headed') || (hasDisplay && !argv.includes('--headless')),
    out: path.resolve(outAt >= 0 && argv[outAt + 1] ? argv[outAt + 1]! : 'tour-screenshots'),
    keepOpen: argv.includes('--keep-open'),
  };
}

interface SignalRow {
  id: string;
  kind: string;
  accountId: string;
  observedAt: string;
  source: { url: string; reader: string; pageType: string };
}
interface HealthRow {
  accountId: string;
  overall: string;
  composite: number | null;
  dimensions: Record<string, { colour: string; score: number | null }>;
  atRisk: { flag: boolean };
}
interface AccountRow {
  id: string;
  name: string;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const demo = await startDemoServer({ port: 0 });
  const session = await launchExtension({ headed: args.headed });
  console.log(`Demo PSA on ${demo.url}; Chromium ${args.headed ? 'headed' : 'headless'} with Metronome ${session.extensionId}`);
  try {
    const ext = await session.openExtensionPage('sidepanel.html');
    await ext.screenshot({ path: path.join(args.out, '00-first-run.png') });

    const loaded = await sendFromExtension<{ accounts: number; signals: number }>(ext, { type: 'sample.load' });
    if (!loaded.ok) throw new Error(`sample.load failed: ${loaded.error}`);
    console.log(`Sample portfolio loaded: ${loaded.data?.accounts} accounts, ${loaded.data?.signals} signals.`);

    let accounts = new Map<string, string>();
    let n = 1;
    for (const stop of STOPS) {
      const page = await session.context.newPage();
      const before = Date.now();
      const origin = `${DEMO_PSA_HOSTS[stop.psaHost]}:${new URL(demo.url).port}`;
      await page.goto(`http://${origin}${stop.path}`);
      // The reader stores what it read with this page as its source (for Autotask, the inner frame's URL).
      const read = await waitFor(
        async () => {
          const rows = (await readTable<SignalRow>(ext, 'signals')).filter(
            (s) => s.source?.url?.includes(origin) && Date.parse(s.observedAt) >= before - 60_000 && urlMatches(s.source.url, stop.path),
          );
          return rows.length ? rows : null;
        },
        20_000,
        `a reading of ${stop.what}`,
      ).catch(() => [] as SignalRow[]);
      const ids = [...new Set(read.map((r) => r.accountId))];
      const health = new Map((await readTable<HealthRow>(ext, 'health')).map((h) => [h.accountId, h]));
      accounts = new Map((await readTable<AccountRow>(ext, 'accounts')).map((a) => [a.id, a.name]));
      const name = (id: string) => accounts.get(id) ?? id;
      const label = `${String(n).padStart(2, '0')}-${stop.psa.toLowerCase().replace(/\W+/g, '-')}`;
      await settle(page);
      await page.screenshot({ path: path.join(args.out, `${label}-page.png`) });
      const kinds = countBy(read.map((r) => r.kind));
      console.log(`\n${stop.psa} — ${stop.what}\n  read: ${read.length ? Object.entries(kinds).map(([k, c]) => `${c} ${k}`).join(', ') : 'nothing (see drift)'}`);
      if (stop.expect === 'account' && ids.length === 1) {
        const h = health.get(ids[0]!);
        console.log(`  account: ${name(ids[0]!)} — ${describe(h)}`);
        const panel = await session.openExtensionPage(`sidepanel.html?account=${encodeURIComponent(ids[0]!)}`);
        await settle(panel);
        await panel.screenshot({ path: path.join(args.out, `${label}-panel.png`), fullPage: true });
        await panel.close();
      } else if (ids.length) {
        console.log(`  accounts on this page: ${ids.length} (${ids.slice(0, 5).map(name).join(', ')}${ids.length > 5 ? ', …' : ''})`);
      }
      if (!args.keepOpen) await page.close();
      n++;
    }

    const dash = await session.openExtensionPage('dashboard.html');
    await settle(dash);
    await dash.screenshot({ path: path.join(args.out, `${String(n).padStart(2, '0')}-dashboard.png`), fullPage: true });
    const signals = await readTable(ext, 'signals');
    const ctas = await readTable<{ status: string }>(ext, 'ctas');
    console.log(`\nIndexedDB now holds ${accounts.size} accounts, ${signals.length} signals, ${ctas.filter((c) => c.status === 'open').length} open CTAs.`);
    console.log(`Screenshots: ${args.out}`);
    if (args.headed && args.keepOpen) {
      console.log('The browser stays open; press Ctrl+C to end the tour.');
      await new Promise(() => undefined);
    }
  } finally {
    if (!(args.headed && args.keepOpen)) {
      await session.close();
      await demo.close();
    }
  }
}

function urlMatches(sourceUrl: string, stopPath: string): boolean {
  const u = new URL(sourceUrl);
  const want = new URL(stopPath, 'http://x');
  // Autotask: the outer /app/ticket?ticketId=N page shows /Mvc/…TicketDetail…ticketId=N in its frame.
  const id = want.searchParams.get('ticketId');
  if (id && u.pathname.startsWith('/Mvc/')) return u.searchParams.get('ticketId') === id;
  return u.pathname === want.pathname && [...want.searchParams].every(([k, v]) => u.searchParams.get(k) === v);
}

function describe(h: HealthRow | undefined): string {
  if (!h) return 'not scored yet';
  const dims = Object.entries(h.dimensions)
    .map(([d, r]) => `${d} ${r.colour}${r.score === null ? '' : ` ${Math.round(r.score)}`}`)
    .join(', ');
  return `overall ${h.overall}${h.composite === null ? '' : ` (${Math.round(h.composite)})`}${h.atRisk.flag ? ', AT RISK' : ''}; ${dims}`;
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(600);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
