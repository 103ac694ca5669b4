import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdoptionSignal } from '../../engine/signals';
import { graphEndpointKind, readMfaRegistrationGraph, readSecureScoreGraph, readUsageGraph } from './graph';
import { runGraphCase, type GraphCase } from './graph-cases';
import { exclusionMatcher, isExcludedAccount } from './options';

const dir = join(import.meta.dirname, 'fixtures', 'graph');
const load = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const ctx = (url = 'https://entra.microsoft.com/') => ({ url: new URL(url), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'America/New_York' });

describe('M365 Graph fixtures (fixtures/graph/*.case.json)', () => {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.case.json'));
  it('has at least 3 cases per reader', () => {
    const by = new Map<string, number>();
    for (const f of cases) {
      const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GraphCase;
      by.set(c.reader, (by.get(c.reader) ?? 0) + 1);
    }
    for (const r of ['mfa', 'licences', 'secureScore', 'usage']) expect(by.get(r) ?? 0).toBeGreaterThanOrEqual(3);
  });
  for (const f of cases) {
    it(f, () => {
      const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GraphCase;
      const reading = runGraphCase(c, dir);
      expect(reading).toEqual(c.reading);
      for (const o of reading.observations) {
        const { company: _company, ...signal } = o;
        expect(AdoptionSignal.safeParse({ ...signal, accountId: 'acct-001' }).success).toBe(true);
      }
    });
  }
});

describe('MFA registration % [L122]', () => {
  const registrations = load('contoso.userRegistrationDetails.json');
  it('[L122] guests, disabled and service/test/lab accounts are out of the denominator: 11/16 = 68.75%', () => {
    const r = readMfaRegistrationGraph({ registrations, users: load('contoso.users.json') }, ctx());
    const o = r.observations[0]!;
    expect(o).toMatchObject({ kind: 'adoption', insight: 'mfa', counted: 16, covered: 11, coveragePct: 68.75, company: { tenant: 'contoso.com' } });
    expect(o.id).toBe('adoption:m365:contoso.com:mfa:2026-11-17');
  });
  it('without the users list the disabled account cannot be known and is counted: 11/17', () => {
    const o = readMfaRegistrationGraph({ registrations }, ctx()).observations[0]!;
    expect(o).toMatchObject({ counted: 17, covered: 11, coveragePct: 64.71 });
  });
  it('an empty exclusion list counts service/test accounts too: 11/20', () => {
    const o = readMfaRegistrationGraph({ registrations, users: load('contoso.users.json') }, ctx(), { excludePatterns: [] }).observations[0]!;
    expect(o).toMatchObject({ counted: 20, covered: 11 });
  });
  it('no users in scope → no reading (no data, never 0%)', () => {
    const r = readMfaRegistrationGraph({ registrations: { value: [] } }, ctx(), { tenant: 'contoso.com' });
    expect(r.observations).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.warnings[0]).toMatch(/no users in scope/);
  });
  it('pages of one list are combined; an unfinished list gives no reading', () => {
    const page1 = { '@odata.nextLink': 'https://graph.microsoft.com/beta/x?$skiptoken=1', value: [{ userPrincipalName: 'a@contoso.com', isMfaRegistered: true }] };
    const page2 = { value: [{ userPrincipalName: 'b@contoso.com', isMfaRegistered: false }] };
    expect(readMfaRegistrationGraph({ registrations: [page1] }, ctx()).observations).toEqual([]);
    expect(readMfaRegistrationGraph({ registrations: [page1, page2] }, ctx()).observations[0]).toMatchObject({ counted: 2, covered: 1, coveragePct: 50 });
  });
  it('the day in the id is the user\'s day: 03:30Z on the 18th is still the 17th in New York', () => {
    const c = { ...ctx(), now: new Date('2026-11-18T03:30:00Z') };
    expect(readMfaRegistrationGraph({ registrations }, c).observations[0]!.id).toBe('adoption:m365:contoso.com:mfa:2026-11-17');
    expect(readMfaRegistrationGraph({ registrations }, c).observations[0]!.observedAt).toBe('2026-11-17T22:30:00-05:00');
  });
  it('a response that is not a Graph list is drift', () => {
    expect(readMfaRegistrationGraph({ registrations: '<html>' }, ctx()).missing).toEqual(['value']);
  });
});

describe('exclusion patterns', () => {
  const m = exclusionMatcher(['svc-', 'sync_', 'test', 'lab', '/^noreply$/']);
  it.each([
    ['svc-backup@x.com', undefined, true],
    ['Sync_DC01_abc@x.onmicrosoft.com', undefined, true],
    ['test.user@x.com', undefined, true],
    ['qa-test1@x.com', undefined, true],
    ['kiosk@x.com', 'Lab Kiosk', true],
    ['noreply@x.com', undefined, true],
    ['celeste.labonte@x.com', 'Celeste Labonte', false],
    ['latest.news@x.com', undefined, false],
    ['asvc-thing@x.com', undefined, false],
    ['noreply2@x.com', undefined, false],
  ])('%s / %s → %s', (upn, name, expected) => {
    expect(isExcludedAccount(m, upn, name)).toBe(expected);
  });
  it('an invalid /regex/ is ignored, not thrown', () => {
    expect(exclusionMatcher(['/(/'])('anything')).toBe(false);
  });
});

describe('Secure Score and usage', () => {
  it('takes the newest daily score, not the first in the list', () => {
    const o = readSecureScoreGraph({ secureScores: load('contoso.secureScores.json') }, ctx(), { tenant: 'contoso.com' }).observations[0]!;
    expect(o).toMatchObject({ insight: 'secureScore', coveragePct: 63.46, detail: 'Secure Score 412.5/650 points (63.46%) on 2026-11-16' });
  });
  it('usage: activity 29 days before the refresh date counts as active in D30, 30 days does not', () => {
    const row = (upn: string, last: string) => ({ reportRefreshDate: '2026-11-15', userPrincipalName: upn, hasExchangeLicense: false, hasTeamsLicense: true, teamsLastActivityDate: last });
    const r = readUsageGraph({ activeUserDetail: { value: [row('a@t.com', '2026-10-17'), row('b@t.com', '2026-10-16')] } }, ctx());
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ insight: 'collaboration', counted: 2, covered: 1 });
  });
});

describe('graphEndpointKind', () => {
  it.each([
    ['https://graph.microsoft.com/beta/reports/authenticationMethods/userRegistrationDetails?$top=100', 'userRegistrationDetails'],
    ['https://graph.microsoft.com/v1.0/subscribedSkus', 'subscribedSkus'],
    ['https://graph.microsoft.com/v1.0/security/secureScores?$top=1', 'secureScores'],
    ["https://graph.microsoft.com/beta/reports/getOffice365ActiveUserDetail(period='D30')?$format=application/json", 'activeUserDetail'],
    ['https://graph.microsoft.com/v1.0/organization', 'organization'],
    ['https://graph.microsoft.com/v1.0/users/abc/messages', undefined],
    ['https://evil.example/v1.0/subscribedSkus', undefined],
    ['http://graph.microsoft.com/v1.0/subscribedSkus', undefined],
    ['not a url', undefined],
  ])('%s → %s', (u, k) => expect(graphEndpointKind(u)).toBe(k));
});
