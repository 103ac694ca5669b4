/**
 * The side panel's snapshot in real Chromium with the built extension: the colours it shows are the
 * engine's (the `score` CLI run on the same data), and every colour carries its word.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { COLOUR_WORDS } from '../../engine/model';
import { launchExtension, type ExtensionSession } from './harness';
import { readTable } from './helpers';
import { DIMENSIONS, dimensionRow, dimensionWord, healthOf, loadSample, openPanel, overallWord, panelTab, type HealthRowLite } from './panel-helpers';

// The background's work (recompute, page reads) is asynchronous and the shared CI machine is slow: wait longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(120_000);

const run = promisify(execFile);
const OVERALL_WORDS = { ...COLOUR_WORDS, insufficient: 'Insufficient data' } as Record<string, string>;

let session: ExtensionSession;
let ext: Page;
let workDir: string;

test.beforeAll(async () => {
  session = await launchExtension();
  ext = await session.openExtensionPage('sidepanel.html');
  const loaded = await loadSample(ext);
  expect(loaded.accounts).toBe(40);
  workDir = mkdtempSync(path.join(tmpdir(), 'metronome-panel-e2e-'));
});
test.afterAll(async () => {
  await session?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The sample account whose colours are the most varied (a mixed snapshot is the sharper test). */
async function mostVariedAccount(page: Page): Promise<HealthRowLite> {
  const rows = await readTable<HealthRowLite>(page, 'health');
  const variety = (h: HealthRowLite) => new Set([h.overall, ...DIMENSIONS.map((d) => h.dimensions[d]?.colour)]).size;
  const best = [...rows].sort((a, b) => variety(b) - variety(a) || a.accountId.localeCompare(b.accountId))[0];
  if (!best) throw new Error('no health rows after sample.load');
  return best;
}

/** Export the extension's IndexedDB as a Metronome bundle (what Options → Export writes: storage/bundle.ts). */
async function exportBundle(page: Page): Promise<unknown> {
  const tables = ['accounts', 'signals', 'ctas', 'snapshots', 'segmentHistory', 'settings', 'mappings'] as const;
  const out: Record<string, unknown> = { format: 'metronome-bundle', version: 1, exportedAt: new Date().toISOString() };
  for (const t of tables) out[t] = await readTable(page, t);
  return out;
}

interface CliAccount {
  id: string;
  name: string;
  health: { overall: string; composite: number | null; dimensions: Record<string, { colour: string; score: number | null } | undefined> };
}

test('snapshot: the five dimension colours and the overall colour are the engine’s (score CLI on the exported bundle) [DECISIONS §3–§4]', async () => {
  const health = await mostVariedAccount(ext);
  const account = (await readTable<{ id: string; name: string }>(ext, 'accounts')).find((a) => a.id === health.accountId)!;

  // The engine, independently of the extension: the CLI on the same data, as of the stored evaluation.
  const file = path.join(workDir, 'bundle.json');
  writeFileSync(file, JSON.stringify(await exportBundle(ext)));
  const { stdout } = await run('npx', ['tsx', 'scripts/score.ts', file, '--at', health.asOf, '--format', 'json'], { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
  const cli = (JSON.parse(stdout) as { accounts: CliAccount[] }).accounts.find((a) => a.id === account.id);
  expect(cli, `CLI result for ${account.id}`).toBeDefined();

  const panel = await openPanel(session, account.id, account.name);
  await expect(panel.getByLabel('Overall health')).toBeVisible();

  const shown = { overall: await overallWord(panel), ...Object.fromEntries(await Promise.all(DIMENSIONS.map(async (d) => [d, await dimensionWord(panel, d)] as const))) };
  const engine = {
    overall: OVERALL_WORDS[cli!.health.overall],
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, COLOUR_WORDS[(cli!.health.dimensions[d]?.colour ?? 'nodata') as keyof typeof COLOUR_WORDS]])),
  };
  expect(shown).toEqual(engine);
  // …and the stored health the panel reads agrees with both (the background ran the same engine).
  expect(OVERALL_WORDS[health.overall]).toBe(engine.overall);
  // The account is a mixed one: at least two different colour words on screen (a uniform panel would prove little).
  expect(new Set(Object.values(shown)).size).toBeGreaterThanOrEqual(2);

  // Scores beside the words are the engine's too (rounded as the panel shows them).
  for (const d of DIMENSIONS) {
    const score = cli!.health.dimensions[d]?.score;
    const badge = dimensionRow(panel, d).locator('.badge__score');
    if (score === null || score === undefined) await expect(badge).toHaveCount(0);
    else await expect(badge).toHaveText(String(Math.round(score)));
  }
  if (cli!.health.composite !== null) await expect(panel.locator('.overall__composite')).toHaveText(`Composite ${Math.round(cli!.health.composite)}`);
  await panel.close();
});

/** In-page checks: unlabelled controls, and coloured elements without their colour word. */
async function a11yProblems(page: Page): Promise<{ unlabelled: string[]; colourOnly: string[] }> {
  return page.evaluate((words) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (el: Element) => !(el as HTMLElement).closest('[hidden]') && (el as HTMLElement).getClientRects().length > 0;
    const nameOf = (el: Element): string => {
      const aria = el.getAttribute('aria-label')?.trim();
      if (aria) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels?.length) return [...labels].map((l) => l.textContent ?? '').join(' ').trim();
      if (el instanceof HTMLButtonElement || el.tagName === 'A' || el.getAttribute('role') === 'tab' || el.getAttribute('role') === 'option') return (el.textContent ?? '').trim();
      return el.getAttribute('title')?.trim() ?? '';
    };
    const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], [role=tab], [role=combobox]')]
      .filter(visible)
      .filter((el) => nameOf(el) === '')
      .map(describe);

    // Any element styled by a colour modifier (badge--red, dim--green, spark-dot--yellow …) must say the
    // colour in words: its text, its label or title, or the label of the image it belongs to.
    const colourOnly: string[] = [];
    for (const el of document.querySelectorAll('[class]')) {
      const cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') ?? '');
      const m = /(?:^|\s)[\w-]+--(green|yellow|red|nodata|insufficient)(?:\s|$)/.exec(cls);
      if (!m) continue;
      const word = words[m[1]!]!;
      const said = [el.textContent ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', el.closest('[role=img]')?.getAttribute('aria-label') ?? ''].join(' ');
      if (!said.includes(word)) colourOnly.push(`${describe(el)} (${m[1]} without “${word}”)`);
    }
    return { unlabelled, colourOnly };
  }, { ...COLOUR_WORDS, insufficient: 'Insufficient data' } as Record<string, string>);
}

test('accessibility smoke: every control is labelled and every colour has its word, on all four tabs', async () => {
  const health = await mostVariedAccount(ext);
  const account = (await readTable<{ id: string; name: string }>(ext, 'accounts')).find((a) => a.id === health.accountId)!;
  const panel = await openPanel(session, account.id, account.name);
  await expect(panel.getByLabel('Overall health')).toBeVisible();
  // Open every dimension so the drivers' colour badges are checked too.
  for (const d of DIMENSIONS) await dimensionRow(panel, d).locator('button.dim__toggle').click();
  await expect(panel.locator('.drivers')).toHaveCount(DIMENSIONS.length);
  // The check itself must see coloured elements (or it proves nothing).
  expect(await panel.locator('.badge').count()).toBeGreaterThan(DIMENSIONS.length);

  const problems: Record<string, { unlabelled: string[]; colourOnly: string[] }> = { Snapshot: await a11yProblems(panel) };
  for (const tab of ['Due', 'Log', 'Recap'] as const) {
    await panelTab(panel, tab);
    problems[tab] = await a11yProblems(panel);
  }
  expect(problems).toEqual({
    Snapshot: { unlabelled: [], colourOnly: [] },
    Due: { unlabelled: [], colourOnly: [] },
    Log: { unlabelled: [], colourOnly: [] },
    Recap: { unlabelled: [], colourOnly: [] },
  });
  // The four tabs form a labelled tablist and the selected tab names its panel.
  await expect(panel.getByRole('tablist', { name: 'Metronome views' })).toBeVisible();
  await expect(panel.getByRole('tabpanel')).toHaveAccessibleName('Recap');
  await panel.close();
});
