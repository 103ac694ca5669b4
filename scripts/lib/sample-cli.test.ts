import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundleText } from '../../engine/bundle';
import { runSample } from './sample-cli';
import type { CliIo } from './score-cli';

const dir = mkdtempSync(join(tmpdir(), 'metronome-sample-'));

async function sample(argv: string[], now = new Date('2026-11-17T17:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, now: () => now };
  const code = await runSample(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('runSample (npm run sample)', () => {
  it('writes a valid bundle; same seed + --at → byte-identical file', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect((await sample(['--accounts', '5', '--at', '2026-11-17', '--out', a])).code).toBe(0);
    const r = await sample(['--accounts', '5', '--at', '2026-11-17', '--out', b], new Date('2030-01-01T00:00:00Z'));
    expect(r.err).toMatch(/^sample: wrote 5 accounts and \d+ signals as of 2026-11-17T17:00:00\.000Z to /);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const parsed = parseBundleText(readFileSync(a, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.bundle).toMatchObject({ format: 'metronome-bundle', version: 1, exportedAt: '2026-11-17T17:00:00.000Z' });
      expect(parsed.bundle.accounts.map((x) => x.name)).toEqual(['Contoso Ltd', 'Northwind Traders', 'Fabrikam, Inc.', 'Adatum Corporation', 'Litware Legal LLP']);
    }
  });

  it('defaults --at to now and writes to stdout', async () => {
    const r = await sample(['--accounts', '2', '--seed', '7', '--tz', 'Europe/Berlin', '--tickets', '3'], new Date('2027-02-03T10:00:00Z'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.exportedAt).toBe('2027-02-03T10:00:00.000Z');
    expect(json.signals.filter((s: { kind: string; accountId: string }) => s.kind === 'ticket' && s.accountId === 'acct-001')).toHaveLength(3);
    expect(json.signals[0].observedAt).toMatch(/\+01:00$/);
  });

  it.each([
    [['--accounts', 'many'], '--accounts must be a whole number'],
    [['--at', '2026-02-30'], '--at must be an ISO date'],
    [['--tz', 'Atlantis/City'], 'unknown time zone'],
    [['stray'], 'Unexpected argument'],
  ])('usage error %j → 2', async (argv, message) => {
    const r = await sample(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('an unwritable --out → 1', async () => {
    const r = await sample(['--accounts', '1', '--at', '2026-11-17', '--out', join(dir, 'missing-dir', 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sample: cannot write');
  });
});
