import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, parseBundle, parseBundleText, type BundleInput } from './bundle';

const example = (): BundleInput => JSON.parse(readFileSync(new URL('../docs/examples/bundle.example.json', import.meta.url), 'utf8'));

const minimal = (): BundleInput => ({
  format: BUNDLE_FORMAT,
  version: 1,
  exportedAt: '2026-11-30T17:05:00Z',
  accounts: [
    { id: 'a1', name: 'Contoso Ltd', firstSeenAt: '2026-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
  ],
  signals: [],
});

describe('parseBundle (PRODUCT §5: clear errors, nothing half-imported)', () => {
  it('accepts the documented example (docs/examples/bundle.example.json)', () => {
    const r = parseBundle(example());
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (r.ok) {
      expect(r.bundle.accounts).toHaveLength(1);
      expect(r.bundle.signals.map((s) => s.kind)).toEqual(['ticket', 'meeting']);
    }
  });

  it('accepts a minimal bundle and fills schema defaults (aliases, roles…)', () => {
    const r = parseBundle(minimal());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.bundle.accounts[0]).toMatchObject({ aliases: [], psaRefs: [], tenants: [], roles: {} });
  });

  it('not a bundle / newer version / bad JSON: one clear error', () => {
    expect(parseBundle([])).toEqual({ ok: false, errors: [{ path: '(root)', message: 'a bundle must be a JSON object' }] });
    expect(parseBundle({ ...minimal(), format: 'other' })).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
    const newer = parseBundle({ ...minimal(), version: 2 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]!.message).toMatch(/version 2 is newer .* \(1\)/);
    const text = parseBundleText('{"format": "metronome-bundle",');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('a BOM before the JSON is fine', () => {
    expect(parseBundleText('\uFEFF' + JSON.stringify(minimal())).ok).toBe(true);
  });

  it('reports every schema error with its path, not just the first', () => {
    const b = example();
    (b.signals[0] as Record<string, unknown>).openedAt = '16/11/2026';
    (b.accounts[0] as Record<string, unknown>).maturity = 9;
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['accounts.0.maturity', 'signals.0.openedAt']);
  });

  it('referential checks: every signal/CTA/snapshot/history row names an account in the bundle', () => {
    const b = example();
    (b.signals[1] as Record<string, unknown>).accountId = 'acct-404';
    b.ctas![0]!.accountId = 'acct-405';
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { path: 'signals.1.accountId', message: 'unknown account "acct-404"' },
        { path: 'ctas.0.accountId', message: 'unknown account "acct-405"' },
      ]);
  });

  it('duplicate ids are reported with the first occurrence', () => {
    const b = example();
    b.signals.push({ ...(b.signals[0] as object) } as BundleInput['signals'][number]);
    b.accounts.push({ ...b.accounts[0]! });
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { path: 'accounts.1.id', message: 'duplicate id "acct-001" (first at accounts.0)' },
        { path: 'signals.2.id', message: 'duplicate id "ticket:acme.myconnectwise.net:284511" (first at signals.0)' },
      ]);
  });

  it('a snapshot id must be accountId:month', () => {
    const b = example();
    b.snapshots![0]!.id = 'acct-001:2026-09';
    const r = parseBundle(b);
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'snapshots.0.id', message: 'snapshot id must be "acct-001:2026-10"' }]);
  });

  it('config overrides in settings are validated like the options page does', () => {
    const b = example();
    b.settings![0]!.value = { calendar: { timeZone: 'Mars/Olympus' } };
    const r = parseBundle(b);
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'settings.0.value.calendar.timeZone', message: 'unknown IANA time zone' }]);
  });

  it('unknown top-level or row keys are rejected (strict), so typos are not silently dropped', () => {
    const r = parseBundle({ ...minimal(), acounts: [] });
    expect(r.ok).toBe(false);
  });
});
