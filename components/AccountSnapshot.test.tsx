// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLOUR_WORDS } from '../engine/model';
import { AccountSnapshot } from './AccountSnapshot';
import { ACCOUNT, HEALTH, NOW, SNAPSHOTS, TZ } from './fixtures';
import { button, byText, cleanup, click, render } from './testing';

vi.mock('../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));

afterEach(cleanup);

const props = { account: ACCOUNT, health: HEALTH, snapshots: SNAPSHOTS, now: NOW, tz: TZ, execSponsorDays: 120 };

describe('AccountSnapshot — a health fixture', () => {
  it('every colour has its word (colour is never the only cue) and scores, Δ and sparklines show', async () => {
    const { container } = await render(<AccountSnapshot {...props} onOpen={() => {}} />);
    const dims = [...container.querySelectorAll('.dim__toggle')].map((b) => b.textContent?.replace(/\s+/g, ' '));
    expect(dims).toHaveLength(5);
    expect(dims[0]).toContain('Client Experience');
    expect(dims[0]).toContain(`${COLOUR_WORDS.red} 41`);
    expect(dims[0]).toContain('Δ −14'); // 41 now vs 55 at the October month-end (before the 12 Nov meeting)
    expect(dims[1]).toContain(`${COLOUR_WORDS.green} 82`);
    expect(dims[2]).toContain(`${COLOUR_WORDS.yellow} 68`);
    expect(dims[2]).toContain('Δ −7');
    expect(dims[3]).toContain(COLOUR_WORDS.nodata);
    expect(dims[3]).toContain('Δ –'); // unknown Δ when the live score is missing
    expect(container.querySelectorAll('svg.sparkline[role="img"]')).toHaveLength(5);
    expect(container.querySelector('svg.sparkline')?.getAttribute('aria-label')).toMatch(/2 of 13 months with data, from 55 \(2026-10\) to 41 \(2026-11\)/);
    // Overall with word, composite, at-risk flag, renewal confidence.
    expect(container.querySelector('.overall')?.textContent).toMatch(/Yellow.*Composite 73.*At risk/);
    expect(container.textContent).toContain('Renewal confidence: Medium');
  });

  it('facts: segment, MRR band, renewal countdown, fiscal year end, roles with "unassigned", sponsor past 120 days in red', async () => {
    const { container } = await render(<AccountSnapshot {...props} onOpen={() => {}} />);
    const facts = container.querySelector('.facts')!;
    const dd = (label: string) => byText(facts, label, 'dt')[0]!.nextElementSibling!.textContent!.replace(/\s+/g, ' ');
    expect(dd('Segment')).toBe('C');
    expect(dd('Goal level')).toBe('1.2');
    expect(dd('MRR')).toMatch(/12,500 · band 2 of 4/);
    expect(dd('Renewal')).toBe('31 Mar 2027 (in 133 days)');
    expect(dd('Fiscal year end')).toBe('30 Jun');
    expect(dd('Exec sponsor last seen')).toBe('134 days ago — over 120 days');
    expect(byText(facts, 'Exec sponsor last seen', 'dt')[0]!.nextElementSibling!.className).toBe('bad');
    expect(dd('Roles')).toContain('Account manager: Dana Cho');
    expect(dd('Roles')).toContain('vCIO: unassigned');
    expect(container.textContent).toContain('Expansion credit: Gated');
    expect(container.textContent).toContain('Client Experience Red two months running');
  });

  it('sponsor seen exactly 120 × 24 h ago is not flagged; an hour more is (the engine\'s "> 120 d" rule) [L116]', async () => {
    const exactly = { ...HEALTH, execSponsorLastSeenAt: '2026-07-21T15:00:00Z' }; // NOW − 120 days
    const a = await render(<AccountSnapshot {...props} health={exactly} onOpen={() => {}} />);
    const dtA = byText(a.container, 'Exec sponsor last seen', 'dt')[0]!;
    expect(dtA.nextElementSibling!.textContent).toBe('120 days ago');
    expect(dtA.nextElementSibling!.className).toBe('');
    const later = { ...HEALTH, execSponsorLastSeenAt: '2026-07-21T14:00:00Z' }; // 120 days + 1 hour
    const b = await render(<AccountSnapshot {...props} health={later} onOpen={() => {}} />);
    const dtB = byText(b.container, 'Exec sponsor last seen', 'dt').at(-1)!;
    expect(dtB.nextElementSibling!.textContent).toMatch(/^120 days ago — over 120 days$/);
  });

  it('"Why this colour": a dimension expands to drivers with value, target, tick/cross and sources (page + time); http(s) sources reopen the page', async () => {
    const onOpen = vi.fn();
    const { container } = await render(<AccountSnapshot {...props} onOpen={onOpen} />);
    const toggle = container.querySelector('.dim__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.driver')).toBeNull();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const drivers = [...container.querySelectorAll('.driver')].map((d) => d.textContent?.replace(/\s+/g, ' '));
    expect(drivers[0]).toMatch(/Average pulse this month4\.2 \/ 5.*Yellow.*Target ≥ 4\.5.*misses target.*logged in Metronome, 12 Nov 2026, 15:00/);
    expect(drivers[1]).toMatch(/Exec sponsor last seen134 days.*Red.*Target ≤ 120 days.*misses target.*stale since 7 Jul 2026/);
    expect(container.textContent).toContain('Red: exec sponsor not seen for 134 days (> 120)');
    // The CW source is a button that opens its page; the manual one is plain text; javascript: is never a link.
    const src = button(container, /company page on acme\.myconnectwise\.net, 7 Jul 2026, 10:00/);
    await click(src);
    expect(onOpen).toHaveBeenCalledWith(HEALTH.dimensions.experience!.drivers[1]!.sources[0]!.url);
    const sourceButtons = [...container.querySelectorAll('.sources button')];
    expect(sourceButtons).toHaveLength(1);
    expect(container.textContent).toContain('page on evil.example, 1 Jul 2026, 10:00');
  });

  it('missing and stale inputs are named, and missing values read "No data"', async () => {
    const { container } = await render(<AccountSnapshot {...props} onOpen={() => {}} />);
    expect(container.textContent).toContain('Stale: Exec sponsor last seen');
    expect(container.textContent).toContain('Missing: SLA adherence, Milestones on time');
    await click(container.querySelectorAll('.dim__toggle')[1]!);
    const backup = [...container.querySelectorAll('.driver')].find((d) => d.textContent?.includes('Backup success'))!;
    expect(backup.className).toContain('driver--missing');
    expect(backup.textContent).toContain('No data');
    expect(backup.textContent).toContain('– not scored');
  });

  it('segment assumed and override are said, with the rationale', async () => {
    const assumed = { ...HEALTH, segment: { ...HEALTH.segment, assumed: true } };
    const r1 = await render(<AccountSnapshot {...props} health={assumed} onOpen={() => {}} />);
    expect(r1.container.textContent).toContain('assumed (no maturity/appetite scores)');
    const over = { ...HEALTH, segment: { ...HEALTH.segment, segment: 'A' as const, overridden: true, rationale: 'Board-level sponsor, growth plan' } };
    const r2 = await render(<AccountSnapshot {...props} health={over} onOpen={() => {}} />);
    expect(r2.container.textContent).toContain('override of C: Board-level sponsor, growth plan');
  });

  it('no health yet is said honestly', async () => {
    const { container } = await render(<AccountSnapshot {...props} health={null} onOpen={() => {}} />);
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/No health yet/);
    expect(container.querySelector('.dims')).toBeNull();
  });
});
