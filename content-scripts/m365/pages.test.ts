import { describe, expect, it } from 'vitest';
import { runFixtures } from '../core/fixture-harness';
import { detectPage } from '../core/registry';
import { loadDocument } from '../core/fixture-harness';
import { M365_READERS, m365Readers } from './pages';
import { parseCount, parseScore, yesNo } from './grid';
import { tenantFromUpns, tenantFromUrl } from './tenant';

runFixtures(import.meta.dirname, M365_READERS);

describe('M365 page matching (by path/hash, never by host)', () => {
  const id = (u: string) => M365_READERS.filter((r) => r.matchesUrl(new URL(u))).map((r) => r.id);
  it.each([
    ['https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails', ['m365/mfa']],
    ['https://admin.microsoft.com/Adminportal/Home#/licenses', ['m365/licences']],
    ['https://admin.microsoft.com/AdminPortal/Home?delegatedOrg=contoso.com#/subscriptions', ['m365/licences']],
    ['https://admin.microsoft.com/Adminportal/Home#/reportsUsage/ActiveUsers', ['m365/usage']],
    ['https://security.microsoft.com/securescore?viewid=overview', ['m365/secure-score']],
    ['https://security.microsoft.com/securescore?viewid=actions', []],
    ['http://127.0.0.1:5173/Adminportal/Home?tenant=contoso.com#/licenses', ['m365/licences']],
    ['https://admin.microsoft.com/Adminportal/Home#/users', []],
    ['https://acme.myconnectwise.net/v4_6_release/ConnectWise.aspx#/licenses', []],
  ])('%s → %j', (u, ids) => expect(id(u)).toEqual(ids));
});

describe('M365 options reach the DOM readers', () => {
  it('a confirmed tenant (options.tenant) wins over the URL and the page', () => {
    const html = '<div role="grid" aria-rowcount="2"><div role="row"><div role="columnheader">Name</div><div role="columnheader">Assigned licenses</div><div role="columnheader">Available licenses</div></div><div role="row"><div role="gridcell">Microsoft 365 E3</div><div role="gridcell">8</div><div role="gridcell">2</div></div></div>';
    const url = 'https://admin.microsoft.com/Adminportal/Home?delegatedOrg=contoso.com#/licenses';
    const doc = loadDocument(html, url);
    const ctx = { url: new URL(url), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'UTC' };
    const [, lic] = m365Readers({ tenant: 'Fabrikam.com' });
    expect(lic!.read(doc, ctx).observations[0]).toMatchObject({ company: { tenant: 'fabrikam.com' }, counted: 10, covered: 8, coveragePct: 80 });
    const d = detectPage(doc, ctx.url, M365_READERS);
    expect(d && 'reader' in d ? d.reader.id : d).toBe('m365/licences');
  });
});

describe('M365 value parsing', () => {
  it.each([
    ['1,250', 1250], ['1.250', 1250], ['1 250', 1250], ["1'250", 1250], ['12', 12], ['1,25', undefined], ['12 of 20', undefined], ['', undefined],
  ])('parseCount(%j) → %j', (s, n) => expect(parseCount(s)).toBe(n));
  it.each([
    ['412.5', 412.5], ['412,5', 412.5], ['287,33', 287.33], ['1,412.5', 1412.5], ['650', 650], ['abc', undefined],
  ])('parseScore(%j) → %j', (s, n) => expect(parseScore(s)).toBe(n));
  it.each([['Yes', true], ['Not capable', false], ['Capable', true], ['—', false], ['Maybe', undefined]])('yesNo(%j) → %j', (s, b) =>
    expect(yesNo(s)).toBe(b),
  );
  it('tenant from UPNs: most common custom domain; guests and onmicrosoft only as fallback', () => {
    expect(tenantFromUpns(['a@contoso.com', 'b@contoso.com', 'c@contoso.onmicrosoft.com', 'x_y.com#EXT#@contoso.onmicrosoft.com'])).toBe('contoso.com');
    expect(tenantFromUpns(['Sync_x@fab.onmicrosoft.com'])).toBe('fab.onmicrosoft.com');
    expect(tenantFromUpns([])).toBeUndefined();
  });
  it('tenant from URL: delegatedOrg / tid / onmicrosoft path segment, not any dotted path', () => {
    expect(tenantFromUrl(new URL('https://admin.microsoft.com/Adminportal/Home?delegatedOrg=Contoso.com#/licenses'))).toBe('contoso.com');
    expect(tenantFromUrl(new URL('https://security.microsoft.com/securescore?tid=7c3d1a52-8b4e-4f0a-9d61-2e5b7c9a0f13'))).toBe('7c3d1a52-8b4e-4f0a-9d61-2e5b7c9a0f13');
    expect(tenantFromUrl(new URL('https://entra.microsoft.com/contoso.onmicrosoft.com/#view/x'))).toBe('contoso.onmicrosoft.com');
    expect(tenantFromUrl(new URL('http://127.0.0.1/index.html'))).toBeUndefined();
    expect(tenantFromUrl(new URL('https://admin.microsoft.com/?delegatedOrg=<script>'))).toBeUndefined();
  });
});

describe('partial lists', () => {
  const table = (pager: string) =>
    `<table><thead><tr><th>User principal name</th><th>MFA registered</th></tr></thead><tbody>
      <tr><td>a@contoso.com</td><td>Yes</td></tr><tr><td>b@contoso.com</td><td>No</td></tr></tbody></table><div>${pager}</div>`;
  const url = 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/UserRegistrationDetails';
  const ctx = { url: new URL(url), now: new Date('2026-11-17T14:30:00Z'), timeZone: 'UTC' };
  const mfa = M365_READERS.find((r) => r.id === 'm365/mfa')!;
  it('a table whose pager says more rows exist gives no MFA %', () => {
    const r = mfa.read(loadDocument(table('Showing 1 - 2 of 58'), url), ctx);
    expect(r.observations).toEqual([]);
    expect(r.warnings).toEqual(['only 2 of 58 users are rendered (scroll to load the rest): MFA % not computed']);
  });
  it('a pager that says all rows are shown is fine: 1 of 2 = 50%', () => {
    const r = mfa.read(loadDocument(table('Showing 1 - 2 of 2'), url), ctx);
    expect(r.observations[0]).toMatchObject({ counted: 2, covered: 1, coveragePct: 50 });
  });
});
