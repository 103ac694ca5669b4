import { describe, expect, it } from 'vitest';
import { SAMPLE_CLIENTS } from '../sample/names';
import {
  buildAccountIndex,
  companyNameKey,
  createAccountFor,
  indexAccount,
  learnRefs,
  mergeAccountFacts,
  normaliseCompanyName,
  resolveCompany,
} from './resolve-account';
import { account, CW_HOST } from './testing';

describe('normaliseCompanyName', () => {
  it.each([
    ['Contoso Ltd', 'contoso'],
    ['Contoso, Ltd.', 'contoso'],
    ['CONTOSO LTD.', 'contoso'],
    ['Contoso Limited', 'contoso'],
    ['Müller & Söhne GmbH', 'muller and sohne'],
    ['Café Lumière SARL', 'cafe lumiere'],
    ['Åsgård Logistics AB', 'asgard logistics'],
    ['São Paulo Têxtil Ltda', 'sao paulo textil'],
    ['Zürich Präzision AG', 'zurich prazision'],
    ['Adatum Corporation', 'adatum'],
    ['Tailspin Toys Co.', 'tailspin toys'],
    ['Margie’s Travel', 'margies travel'],
    ["Margie's Travel", 'margies travel'],
    ['Smith & Co. KG', 'smith'],
    ['Kraków Dental Sp. z o.o.', 'krakow dental'],
    ['Tokyo Sakura Trading 株式会社', 'tokyo sakura trading'],
    ['Widgets L.L.C.', 'widgets'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseCompanyName(raw)).toBe(expected);
  });

  it('never strips a name down to nothing (a company called "Company" stays "company")', () => {
    expect(normaliseCompanyName('Company')).toBe('company');
    expect(normaliseCompanyName('AB')).toBe('ab');
    expect(normaliseCompanyName('  ')).toBe('');
  });

  it('keeps distinguishing words: "Humongous Insurance Agency" is not "Humongous Insurance"', () => {
    expect(companyNameKey('Humongous Insurance Agency')).not.toBe(companyNameKey('Humongous Insurance'));
  });

  it('matches spacing variants by key: "FirstUp Consultants" = "First Up Consultants", "A. Datum" = "Adatum"', () => {
    expect(companyNameKey('FirstUp Consultants')).toBe(companyNameKey('First Up Consultants'));
    expect(companyNameKey('A. Datum Corporation')).toBe(companyNameKey('Adatum Corp'));
  });

  it('every sample client alias except the deliberate abbreviations resolves to its client', () => {
    const accounts = SAMPLE_CLIENTS.map((c, i) => account({ id: `acct-${i}`, name: c.name }));
    const index = buildAccountIndex(accounts);
    const misses: string[] = [];
    SAMPLE_CLIENTS.forEach((c, i) => {
      for (const alias of c.aliases) {
        const r = resolveCompany(index, { name: alias }, CW_HOST);
        if (r?.accountId !== `acct-${i}`) misses.push(alias);
      }
    });
    // Abbreviations and real renamings need the alias list (the sample accounts carry it).
    expect(misses.sort()).toEqual(
      [
        'Bellows College Foundation',
        'GDI',
        'Humongous Insurance Agency',
        'Lucerne Publishing House',
        'Mueller und Soehne GmbH',
        'Müller und Söhne',
        'Rhodes Clinic',
        'SOFA',
        'Southridge Video Productions',
        'Blue Yonder Air',
        'WWI',
        'Wingtip Dental',
        'Coho Vineyard',
        "Munson's Pickles",
      ].sort(),
    );
  });
});

describe('resolveCompany', () => {
  const contoso = account({
    id: 'acct-contoso',
    name: 'Contoso Ltd',
    aliases: ['Contoso Group'],
    psaRefs: [{ host: CW_HOST, companyId: 'Contoso' }],
    tenants: ['contoso.onmicrosoft.com'],
  });
  const fabrikam = account({ id: 'acct-fab', name: 'Fabrikam, Inc.', firstSeenAt: '2026-02-01T00:00:00.000Z' });
  const index = buildAccountIndex([contoso, fabrikam]);

  it('PSA host + company id first, even when the name says otherwise', () => {
    expect(resolveCompany(index, { psaId: 'Contoso', name: 'Fabrikam' }, CW_HOST)).toEqual({ accountId: 'acct-contoso', by: 'psaRef' });
  });

  it('the same company id on another PSA host is not a match by id', () => {
    expect(resolveCompany(index, { psaId: 'Contoso' }, 'other.halopsa.com')).toBeNull();
  });

  it('host and id compare case-insensitively', () => {
    expect(resolveCompany(index, { psaId: 'contoso' }, 'ACME.MyConnectWise.net')?.accountId).toBe('acct-contoso');
  });

  it('then tenant', () => {
    expect(resolveCompany(index, { tenant: 'Contoso.OnMicrosoft.com', name: 'Fabrikam' }, 'admin.microsoft.com')).toEqual({
      accountId: 'acct-contoso',
      by: 'tenant',
    });
  });

  it('then normalised name and aliases', () => {
    expect(resolveCompany(index, { name: 'CONTOSO LIMITED' }, CW_HOST)).toEqual({ accountId: 'acct-contoso', by: 'name' });
    expect(resolveCompany(index, { name: 'contoso group' }, CW_HOST)?.accountId).toBe('acct-contoso');
    expect(resolveCompany(index, { name: 'Fabrikam Inc' }, CW_HOST)?.accountId).toBe('acct-fab');
  });

  it('an unknown company resolves to null', () => {
    expect(resolveCompany(index, { name: 'Northwind Traders' }, CW_HOST)).toBeNull();
    expect(resolveCompany(index, {}, CW_HOST)).toBeNull();
  });

  it('same name but another company id on the same PSA host is a different company', () => {
    // Contoso is known on this host as "Contoso"; "Contoso Inc" with id 991 is someone else.
    expect(resolveCompany(index, { psaId: '991', name: 'Contoso Inc' }, CW_HOST)).toBeNull();
    // On another host the name still matches.
    expect(resolveCompany(index, { psaId: '991', name: 'Contoso Inc' }, 'contoso.halopsa.com')?.accountId).toBe('acct-contoso');
  });

  it('deleted accounts are not matched; on a shared key the earliest-seen account wins', () => {
    const a = account({ id: 'b-late', name: 'Twin Co', firstSeenAt: '2026-03-01T00:00:00.000Z' });
    const b = account({ id: 'a-early', name: 'Twin Ltd', firstSeenAt: '2026-01-01T00:00:00.000Z' });
    const gone = account({ id: 'gone', name: 'Ghost', deletedAt: '2026-01-02T00:00:00.000Z' });
    const idx = buildAccountIndex([a, b, gone]);
    expect(resolveCompany(idx, { name: 'TWIN' }, CW_HOST)?.accountId).toBe('a-early');
    expect(resolveCompany(idx, { name: 'Ghost' }, CW_HOST)).toBeNull();
  });
});

describe('createAccountFor / learnRefs / mergeAccountFacts', () => {
  const now = '2026-11-17T09:00:00.000Z';

  it('creates an account with the PSA ref and tenant, firstSeenAt = now; no name → null', () => {
    const a = createAccountFor({ psaId: '19300', name: ' Northwind Traders ' }, 'ACME.myconnectwise.net', { id: 'acct-x', now });
    expect(a).toEqual({
      id: 'acct-x',
      name: 'Northwind Traders',
      aliases: [],
      psaRefs: [{ host: 'acme.myconnectwise.net', companyId: '19300' }],
      tenants: [],
      roles: {},
      firstSeenAt: now,
      createdAt: now,
      updatedAt: now,
    });
    expect(createAccountFor({ psaId: '19300' }, CW_HOST, { id: 'x', now })).toBeNull();
  });

  it('learnRefs adds a new PSA ref / tenant once and returns the same object when nothing is new', () => {
    const a = account();
    const b = learnRefs(a, { psaId: '42', tenant: 'contoso.com' }, CW_HOST);
    expect(b.psaRefs).toEqual([{ host: CW_HOST, companyId: '42' }]);
    expect(b.tenants).toEqual(['contoso.com']);
    expect(learnRefs(b, { psaId: '42', tenant: 'CONTOSO.COM' }, CW_HOST)).toBe(b);
  });

  it('facts: present fields win, absent fields leave the account unchanged; old name kept as alias', () => {
    const a = account({
      mrr: 1000,
      renewalDate: '2027-03-31',
      agreement: { name: 'Managed Gold', mrr: 1000 },
      roles: { csm: 'Casey', am: 'Alex' },
    });
    const merged = mergeAccountFacts(a, {
      id: 'facts:1',
      kind: 'accountFacts',
      observedAt: now,
      source: { host: CW_HOST, pageType: 'company', url: '', reader: 'connectwise' },
      name: 'Contoso Group Ltd',
      mrr: 1250,
      agreement: { end: '2027-06-30' },
      roles: { am: 'Avery' },
      aliases: ['Contoso UK'],
    });
    expect(merged.name).toBe('Contoso Group Ltd');
    expect(merged.aliases).toEqual(['Contoso Ltd', 'Contoso UK']);
    expect(merged.mrr).toBe(1250);
    expect(merged.renewalDate).toBe('2027-03-31');
    expect(merged.agreement).toEqual({ name: 'Managed Gold', mrr: 1000, end: '2027-06-30' });
    expect(merged.roles).toEqual({ csm: 'Casey', am: 'Avery' });
    expect(a.name).toBe('Contoso Ltd'); // input not mutated
  });

  it('indexAccount makes a newly created account resolvable in the same batch', () => {
    const idx = buildAccountIndex([]);
    const a = createAccountFor({ name: 'Relecloud Inc.', psaId: '7' }, CW_HOST, { id: 'acct-r', now })!;
    indexAccount(idx, a);
    expect(resolveCompany(idx, { name: 'relecloud' }, CW_HOST)?.accountId).toBe('acct-r');
    expect(resolveCompany(idx, { psaId: '7' }, CW_HOST)?.accountId).toBe('acct-r');
  });
});
