/**
 * Which account an observation belongs to. Pure (no Dexie): the ingest path builds an index over
 * the stored accounts and resolves each observation's `company` in this order:
 *   1. PSA host + the PSA's company id (`Account.psaRefs`),
 *   2. M365 tenant (`Account.tenants`),
 *   3. normalised name or alias ("Contoso, Ltd." = "CONTOSO LTD" = "Contoso Limited").
 * A company that resolves to nothing but has a name becomes a new account.
 */
import { normalizeHost } from '../content-scripts/core/ids';
import type { CompanyRef } from '../content-scripts/core/types';
import type { Account, AccountFactsSignal, PsaRef } from '../engine/signals';

// ---------------------------------------------------------------------------------------------
// Name normalisation

/** Legal-form words dropped from the end of a name (after punctuation is removed). */
const LEGAL_SUFFIXES: readonly (readonly string[])[] = [
  ['ltd'], ['limited'], ['inc'], ['incorporated'], ['llc'], ['l', 'l', 'c'], ['llp'], ['l', 'l', 'p'], ['lp'],
  ['plc'], ['pllc'], ['gmbh'], ['g', 'm', 'b', 'h'], ['ag'], ['kg'], ['ab'], ['sarl'], ['s', 'a', 'r', 'l'],
  ['sas'], ['s', 'a', 's'], ['sa'], ['s', 'a'], ['ltda'], ['corp'], ['corporation'], ['co'], ['company'],
  ['bv'], ['b', 'v'], ['nv'], ['n', 'v'], ['pty'], ['oy'], ['spa'], ['s', 'p', 'a'], ['srl'], ['s', 'r', 'l'],
  ['sp', 'z', 'o', 'o'], ['n', 'a'], ['kk'], ['株式会社'], ['有限会社'],
];

const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };

/**
 * A company name reduced to the words that identify it: case, diacritics, punctuation and legal
 * suffixes removed, `&` read as "and". `"Müller & Söhne GmbH"` → `"muller and sohne"`.
 */
export function normaliseCompanyName(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæøœđłþ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/['’`´]/g, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const tokens = s ? s.split(' ') : [];
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (tokens.length > suffix.length && suffix.every((t, i) => tokens[tokens.length - suffix.length + i] === t)) {
        tokens.splice(tokens.length - suffix.length);
        // "Smith & Co." → drop the dangling "and" too.
        if (tokens.length > 1 && tokens[tokens.length - 1] === 'and') tokens.pop();
        stripped = true;
        break;
      }
    }
  }
  return tokens.join(' ');
}

/** The key names are matched on: the normalised name without spaces ("First Up" = "FirstUp"). */
export function companyNameKey(name: string): string {
  return normaliseCompanyName(name).replace(/ /g, '');
}

const psaKey = (host: string, companyId: string): string => `${normalizeHost(host)}|${companyId.trim().toLowerCase()}`;
const tenantKey = (tenant: string): string => tenant.trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// Index and resolution

export interface AccountIndex {
  byPsa: Map<string, string>;
  byTenant: Map<string, string>;
  byName: Map<string, string>;
  accounts: Map<string, Account>;
}

export type ResolvedBy = 'psaRef' | 'tenant' | 'name';
export type Resolution = { accountId: string; by: ResolvedBy } | null;

/**
 * Index live (not deleted) accounts. When two accounts share a key, the one seen first
 * (`firstSeenAt`, then id) keeps it, so resolution is deterministic.
 */
export function buildAccountIndex(accounts: readonly Account[]): AccountIndex {
  const index: AccountIndex = { byPsa: new Map(), byTenant: new Map(), byName: new Map(), accounts: new Map() };
  const live = accounts
    .filter((a) => !a.deletedAt)
    .sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt) || a.id.localeCompare(b.id));
  for (const a of live) indexAccount(index, a);
  return index;
}

/** Add (or refresh) an account's keys; keys already taken by another account are left alone. */
export function indexAccount(index: AccountIndex, account: Account): void {
  index.accounts.set(account.id, account);
  const claim = (map: Map<string, string>, key: string) => {
    if (key && !map.has(key)) map.set(key, account.id);
  };
  for (const r of account.psaRefs) claim(index.byPsa, psaKey(r.host, r.companyId));
  for (const t of account.tenants) claim(index.byTenant, tenantKey(t));
  for (const n of [account.name, ...account.aliases]) claim(index.byName, companyNameKey(n));
}

/** Resolve a company read on `host` to an account id, or null when it is new. */
export function resolveCompany(index: AccountIndex, company: CompanyRef, host: string): Resolution {
  if (company.psaId) {
    const id = index.byPsa.get(psaKey(host, company.psaId));
    if (id) return { accountId: id, by: 'psaRef' };
  }
  if (company.tenant) {
    const id = index.byTenant.get(tenantKey(company.tenant));
    if (id) return { accountId: id, by: 'tenant' };
  }
  if (company.name) {
    const key = companyNameKey(company.name);
    const id = key ? index.byName.get(key) : undefined;
    const candidate = id ? index.accounts.get(id) : undefined;
    // Same name, but this PSA already knows the account under another company id: a different
    // company that happens to share the name ("Contoso Ltd" vs "Contoso Inc"). Not a match.
    if (candidate && company.psaId && conflictingPsaRef(candidate, host, company.psaId)) return null;
    if (id) return { accountId: id, by: 'name' };
  }
  return null;
}

function conflictingPsaRef(account: Account, host: string, psaId: string): boolean {
  const h = normalizeHost(host);
  return account.psaRefs.some((r) => normalizeHost(r.host) === h && psaKey(r.host, r.companyId) !== psaKey(host, psaId));
}

// ---------------------------------------------------------------------------------------------
// Account creation and merging (return new objects; callers compare and store)

export interface NewAccountOptions {
  id: string;
  now: string;
  sample?: boolean;
}

/** A new account for a company nobody knows yet; null when the company has no name to show. */
export function createAccountFor(company: CompanyRef, host: string, opts: NewAccountOptions): Account | null {
  const name = company.name?.trim();
  if (!name) return null;
  return {
    id: opts.id,
    name,
    aliases: [],
    psaRefs: company.psaId ? [{ host: normalizeHost(host), companyId: company.psaId }] : [],
    tenants: company.tenant ? [company.tenant.trim()] : [],
    roles: {},
    firstSeenAt: opts.now,
    createdAt: opts.now,
    updatedAt: opts.now,
    ...(opts.sample ? { sample: true } : {}),
  };
}

/** Remember the PSA company id and tenant an observation carried, so the next one resolves directly. */
export function learnRefs(account: Account, company: CompanyRef, host: string): Account {
  let out = account;
  if (company.psaId) out = addPsaRef(out, { host: normalizeHost(host), companyId: company.psaId });
  if (company.tenant && !out.tenants.some((t) => tenantKey(t) === tenantKey(company.tenant!)))
    out = { ...out, tenants: [...out.tenants, company.tenant.trim()] };
  return out;
}

function addPsaRef(account: Account, ref: PsaRef): Account {
  const key = psaKey(ref.host, ref.companyId);
  if (account.psaRefs.some((r) => psaKey(r.host, r.companyId) === key)) return account;
  return { ...account, psaRefs: [...account.psaRefs, ref] };
}

export type AccountFacts = Omit<AccountFactsSignal, 'accountId'>;

/**
 * Merge facts read from a company/agreement page: fields present win, absent fields leave the
 * account as it was. A renamed account keeps its old name as an alias (so it still resolves).
 */
export function mergeAccountFacts(account: Account, facts: AccountFacts): Account {
  let out: Account = { ...account };
  if (facts.name && facts.name.trim() !== account.name) {
    const name = facts.name.trim();
    out.aliases = uniq([...out.aliases.filter((a) => a !== name), account.name]);
    out.name = name;
  }
  if (facts.aliases?.length) out.aliases = uniq([...out.aliases, ...facts.aliases.filter((a) => a !== out.name)]);
  if (facts.psaRef) out = addPsaRef(out, { host: normalizeHost(facts.psaRef.host), companyId: facts.psaRef.companyId });
  if (facts.mrr !== undefined) out.mrr = facts.mrr;
  if (facts.agreement) out.agreement = { ...out.agreement, ...definedOnly(facts.agreement) };
  if (facts.renewalDate) out.renewalDate = facts.renewalDate;
  if (facts.fiscalYearEnd) out.fiscalYearEnd = facts.fiscalYearEnd;
  if (facts.roles) {
    out.roles = { ...out.roles, ...definedOnly(facts.roles) };
  }
  return out;
}

/** Drop undefined and empty-string fields, so only present values win in a merge. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];
