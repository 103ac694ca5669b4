import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ctaId } from '../../engine/triggers';
import { runScore, type CliIo } from './score-cli';
import { sampleBundle } from './sample-cli';

const dir = mkdtempSync(join(tmpdir(), 'metronome-score-'));
const asOf = new Date('2026-11-17T17:00:00Z');
// A small bundle: the first 6 sample clients (Contoso … Tailspin), as of 2026-11-17 noon New York.
const bundle = sampleBundle({ accounts: 6, seed: 1, asOf, timeZone: 'America/New_York' });
const file = join(dir, 'bundle.json');
writeFileSync(file, JSON.stringify(bundle));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, now: () => asOf };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

async function score(...argv: string[]) {
  const o = io();
  const code = await runScore(argv, o.cli);
  return { code, out: o.out(), err: o.err() };
}

describe('runScore (npm run score)', () => {
  it('prints a readable table for a valid bundle, exit 0, nothing on stderr, no ANSI off a TTY', async () => {
    const r = await score(file, '--at', '2026-11-17', '--tz', 'America/New_York');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Metronome score as of 2026-11-17T17:00:00.000Z (America/New_York) — 6 accounts');
    expect(r.out).toMatch(/^Contoso Ltd\s+A\s+\d\s+Green 100/m);
    expect(r.out).toContain('━━ Litware Legal LLP (acct-005) ━━');
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('json: every account with its health (dimensions, drivers, gates, at-risk) and CTAs', async () => {
    const r = await score(file, '--at', '2026-11-17', '--tz', 'America/New_York', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ asOf: '2026-11-17T17:00:00.000Z', timeZone: 'America/New_York' });
    expect(json.accounts.map((a: { id: string }) => a.id)).toEqual(['acct-001', 'acct-002', 'acct-003', 'acct-004', 'acct-005', 'acct-006']);
    const litware = json.accounts[4];
    expect(litware.health.consecutiveMisses).toBe(2);
    expect(litware.health.atRisk.flag).toBe(true);
    expect(litware.health.dimensions.engagement.drivers.length).toBeGreaterThan(3);
    expect(litware.ctas.some((c: { trigger: string }) => c.trigger === 'missedReengage')).toBe(true);
    expect(json.accounts[2].ctas.some((c: { trigger: string }) => c.trigger === 'renewal')).toBe(true);
  });

  it('defaults --at to now (injected clock) and the zone to the bundle config, else this machine', async () => {
    const withConfig = { ...bundle, settings: [{ key: 'config', value: { calendar: { timeZone: 'Asia/Tokyo' } }, updatedAt: asOf.toISOString() }] };
    const f = join(dir, 'with-config.json');
    writeFileSync(f, JSON.stringify(withConfig));
    const r = await score(f, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ asOf: asOf.toISOString(), timeZone: 'Asia/Tokyo' });
  });

  it('leaves out CTAs the bundle records as done', async () => {
    const first = JSON.parse((await score(file, '--at', '2026-11-17', '--tz', 'America/New_York', '--format', 'json')).out);
    const renewal = first.accounts[2].ctas.find((c: { trigger: string }) => c.trigger === 'renewal');
    expect(renewal.id).toBe(ctaId(renewal.accountId, renewal.trigger, renewal.period));
    const done = { ...renewal, status: 'done', doneAt: asOf.toISOString(), checklistDone: [], createdAt: renewal.firedAt, updatedAt: asOf.toISOString() };
    const f = join(dir, 'with-cta.json');
    writeFileSync(f, JSON.stringify({ ...bundle, ctas: [done] }));
    const after = JSON.parse((await score(f, '--at', '2026-11-17', '--tz', 'America/New_York', '--format', 'json')).out);
    expect(after.accounts[2].ctas.some((c: { trigger: string }) => c.trigger === 'renewal')).toBe(false);
  });
});

describe('runScore — bad input gives a clear message on stderr and a non-zero exit', () => {
  it('missing file → 1', async () => {
    const r = await score(join(dir, 'nope.json'));
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toBe(`score: cannot read ${join(dir, 'nope.json')}: no such file\n`);
  });

  it('invalid JSON → 1', async () => {
    const f = join(dir, 'broken.json');
    writeFileSync(f, '{"format": "metronome-bundle", ');
    const r = await score(f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a valid Metronome bundle \(1 problem\):\n {2}\(root\): not valid JSON/);
  });

  it('schema errors are listed as "path: reason" → 1', async () => {
    const broken = JSON.parse(JSON.stringify(bundle));
    broken.accounts[0].name = '';
    broken.signals[3].observedAt = 'last Tuesday';
    broken.signals[4].accountId = 'acct-999';
    const f = join(dir, 'invalid.json');
    writeFileSync(f, JSON.stringify(broken));
    const r = await score(f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('accounts.0.name: ');
    expect(r.err).toContain('signals.3.observedAt: ');
    expect(r.out).toBe('');
  });

  it('not a bundle at all → 1 with the reason', async () => {
    const f = join(dir, 'other.json');
    writeFileSync(f, JSON.stringify({ hello: 'world' }));
    const r = await score(f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('format: not a Metronome bundle');
  });

  it.each([
    [['--at', '2026-11-17'], 'missing the bundle file'],
    [['a.json', 'b.json'], 'expected one bundle file, got 2'],
    [['x.json', '--at', 'soon'], '--at must be an ISO date'],
    [['x.json', '--format', 'xml'], '--format must be table or json'],
    [['x.json', '--tz', 'Nowhere/Land'], 'unknown time zone'],
    [['x.json', '--colour'], "Unknown option '--colour'"],
  ])('usage error %j → 2 with usage', async (argv, message) => {
    const r = await score(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Usage: npm run score');
  });

  it('an invalid configuration inside the bundle → 1', async () => {
    const f = join(dir, 'bad-config.json');
    writeFileSync(f, JSON.stringify({ ...bundle, settings: [{ key: 'config', value: { calendar: { timeZone: 'Mars/Olympus' } }, updatedAt: asOf.toISOString() }] }));
    const r = await score(f);
    expect(r.code).toBe(1);
    expect(r.err).toContain('calendar.timeZone');
  });
});
