/**
 * Pure readers over the Microsoft Graph JSON the admin centers fetch for themselves
 * (`userRegistrationDetails`, `subscribedSkus`, `secureScores`, usage reports, `organization`,
 * `users`). The content script's response observer forwards only the endpoints `graphEndpointKind`
 * names; everything is validated here with zod (only the fields used), so a response that changed
 * shape is drift (`missing`), never a wrong number. Metronome never calls Graph itself.
 */
import { z } from 'zod';
import type { PageType } from '../../engine/signals';
import type { PageReading, ReadContext } from '../core/types';
import { adoptionObservation, countsText, emptyReading, M365_INSIGHTS, pct } from './observe';

export { licenceUtilisation, secureScoreObservation, usageObservations, type LicenceLine, type WorkloadUsage } from './figures';
import { exclusionMatcher, isExcludedAccount, m365Options, type M365Options } from './options';
import { licenceUtilisation, secureScoreObservation, usageObservations, type LicenceLine, type WorkloadUsage } from './figures';
import { skuDisplayName } from './skus';
import { tenantFromOrganization, tenantFromUpns, tenantFromUrl } from './tenant';

// ---------------------------------------------------------------------------------------------
// Schemas (fields used only; unknown fields are stripped)

const Str = z.string().max(1000);
const graphList = <T extends z.ZodType>(item: T) =>
  z.object({ value: z.array(item).max(100_000), '@odata.nextLink': Str.optional() });

export const UserRegistrationDetail = z.object({
  id: Str.optional(),
  userPrincipalName: z.string().min(1).max(320),
  userDisplayName: Str.nullish(),
  /** `member` | `guest` */
  userType: Str.nullish(),
  isMfaRegistered: z.boolean(),
  isMfaCapable: z.boolean().nullish(),
  methodsRegistered: z.array(Str).max(50).nullish(),
  /** Not in Graph's type, but present when the page joins user objects in. */
  accountEnabled: z.boolean().nullish(),
});
export type UserRegistrationDetail = z.infer<typeof UserRegistrationDetail>;

export const GraphUser = z.object({
  id: Str.optional(),
  userPrincipalName: Str.optional(),
  accountEnabled: z.boolean().nullish(),
  userType: Str.nullish(),
});

export const SubscribedSku = z.object({
  skuId: Str.optional(),
  skuPartNumber: z.string().min(1).max(200),
  /** `Enabled` | `Warning` | `Suspended` | `Deleted` | `LockedOut` */
  capabilityStatus: Str.nullish(),
  appliesTo: Str.nullish(),
  consumedUnits: z.number().int().min(0),
  prepaidUnits: z.object({ enabled: z.number().int().min(0) }),
});

export const SecureScore = z.object({
  azureTenantId: Str.optional(),
  createdDateTime: z.string().min(1).max(60),
  currentScore: z.number().min(0),
  maxScore: z.number().min(0),
});

export const Organization = z.object({
  id: Str.optional(),
  verifiedDomains: z
    .array(z.object({ name: z.string().min(1).max(253), isDefault: z.boolean().nullish(), isInitial: z.boolean().nullish() }))
    .max(1000)
    .optional(),
});

/** `getOffice365ServicesUserCounts` (JSON): licensed users per workload, active or not in the period. */
export const ServicesUserCounts = z.object({
  reportRefreshDate: Str.nullish(),
  reportPeriod: Str.nullish(),
  exchangeActive: z.number().int().min(0),
  exchangeInactive: z.number().int().min(0),
  teamsActive: z.number().int().min(0),
  teamsInactive: z.number().int().min(0),
});

/** `getOffice365ActiveUserDetail` (JSON): one row per licensed user with last activity per workload. */
export const ActiveUserDetail = z.object({
  reportRefreshDate: z.iso.date(),
  userPrincipalName: z.string().min(1).max(320),
  displayName: Str.nullish(),
  isDeleted: z.boolean().nullish(),
  hasExchangeLicense: z.boolean(),
  hasTeamsLicense: z.boolean(),
  exchangeLastActivityDate: z.iso.date().nullish(),
  teamsLastActivityDate: z.iso.date().nullish(),
});

// ---------------------------------------------------------------------------------------------
// Which responses to forward

export type GraphEndpointKind =
  | 'userRegistrationDetails'
  | 'users'
  | 'subscribedSkus'
  | 'secureScores'
  | 'organization'
  | 'servicesUserCounts'
  | 'activeUserDetail';

const ENDPOINTS: Array<[RegExp, GraphEndpointKind]> = [
  [/^\/(v1\.0|beta)\/reports\/authenticationMethods\/userRegistrationDetails\/?$/i, 'userRegistrationDetails'],
  [/^\/(v1\.0|beta)\/users\/?$/i, 'users'],
  [/^\/(v1\.0|beta)\/subscribedSkus\/?$/i, 'subscribedSkus'],
  [/^\/(v1\.0|beta)\/security\/secureScores\/?$/i, 'secureScores'],
  [/^\/(v1\.0|beta)\/organization\/?$/i, 'organization'],
  [/^\/(v1\.0|beta)\/reports\/getOffice365ServicesUserCounts\(period='D\d+'\)\/?$/i, 'servicesUserCounts'],
  [/^\/(v1\.0|beta)\/reports\/getOffice365ActiveUserDetail\(period='D\d+'\)\/?$/i, 'activeUserDetail'],
];

/** The Graph endpoint a request URL is, if it is one the M365 readers use (https://graph.microsoft.com only). */
export function graphEndpointKind(requestUrl: string): GraphEndpointKind | undefined {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'graph.microsoft.com') return undefined;
  const path = decodeURIComponent(u.pathname);
  return ENDPOINTS.find(([re]) => re.test(path))?.[1];
}

// ---------------------------------------------------------------------------------------------
// Shared plumbing

/** One response or several pages of the same list; the caller concatenates pages as they arrive. */
type Pages = unknown;

type Parsed<T> = { ok: true; items: T[]; complete: boolean } | { ok: false; missing: string[] };

function parsePages<T extends z.ZodType>(pages: Pages, item: T): Parsed<z.infer<T>> {
  const list = Array.isArray(pages) ? pages : [pages];
  const schema = graphList(item);
  const items: z.infer<T>[] = [];
  let complete = true;
  for (const page of list) {
    const r = schema.safeParse(page);
    if (!r.success) return { ok: false, missing: missingFields(r.error) };
    items.push(...(r.data.value as z.infer<T>[]));
    complete = r.data['@odata.nextLink'] === undefined;
  }
  return { ok: true, items, complete };
}

/** zod issues → field names for drift (`value.3.isMfaRegistered` → `isMfaRegistered`). */
function missingFields(error: z.ZodError): string[] {
  const names = error.issues.map((i) => {
    const last = [...i.path].reverse().find((p) => typeof p === 'string');
    return typeof last === 'string' ? last : 'value';
  });
  return [...new Set(names)].sort();
}

function resolveTenant(opts: M365Options, organization: unknown, ctx: ReadContext, hint?: string): string | undefined {
  if (opts.tenant) return opts.tenant.toLowerCase();
  if (organization !== undefined) {
    const orgs = graphList(Organization).safeParse(organization);
    const org = orgs.success ? orgs.data.value[0] : Organization.safeParse(organization).data;
    const t = org ? tenantFromOrganization(org) : undefined;
    if (t) return t;
  }
  return hint ?? tenantFromUrl(ctx.url);
}

function failed(pageType: PageType, missing: string[]): PageReading {
  return { ...emptyReading(pageType), missing };
}

// ---------------------------------------------------------------------------------------------
// MFA registration

export interface MfaGraphInput {
  /** `reports/authenticationMethods/userRegistrationDetails` response(s). */
  registrations: Pages;
  /** Optional `users?$select=id,userPrincipalName,accountEnabled,userType`, to leave disabled accounts out. */
  users?: Pages;
  organization?: unknown;
}

/**
 * MFA registration % [L122]: registered / users in scope, where guests, disabled accounts and
 * service/test/lab accounts (`excludePatterns`) are out of the denominator. No users in scope → no
 * reading (no data, never 0 %). An incomplete list (more pages) → no reading either.
 */
export function readMfaRegistrationGraph(input: MfaGraphInput, ctx: ReadContext, options: Partial<M365Options> = {}): PageReading {
  const pageType = 'm365-mfa';
  const opts = m365Options(options);
  const regs = parsePages(input.registrations, UserRegistrationDetail);
  if (!regs.ok) return failed(pageType, regs.missing);
  const out = emptyReading(pageType);
  if (!regs.complete) {
    out.warnings.push(`only ${regs.items.length} users loaded so far (the list has more pages): MFA % not computed`);
    return out;
  }
  const enabledById = new Map<string, boolean>();
  if (input.users !== undefined) {
    const users = parsePages(input.users, GraphUser);
    if (users.ok) {
      for (const u of users.items) {
        if (u.accountEnabled == null) continue;
        if (u.id) enabledById.set(u.id, u.accountEnabled);
        if (u.userPrincipalName) enabledById.set(u.userPrincipalName.toLowerCase(), u.accountEnabled);
      }
    } else out.warnings.push(`users response not readable (${users.missing.join(', ')}): disabled accounts not known`);
  }
  const excluded = exclusionMatcher(opts.excludePatterns);
  let guests = 0;
  let disabled = 0;
  let service = 0;
  let counted = 0;
  let covered = 0;
  for (const r of regs.items) {
    const enabled = r.accountEnabled ?? (r.id ? enabledById.get(r.id) : undefined) ?? enabledById.get(r.userPrincipalName.toLowerCase());
    if (r.userType?.toLowerCase() === 'guest' || r.userPrincipalName.includes('#EXT#')) guests++;
    else if (enabled === false) disabled++;
    else if (isExcludedAccount(excluded, r.userPrincipalName, r.userDisplayName ?? undefined)) service++;
    else {
      counted++;
      if (r.isMfaRegistered) covered++;
    }
  }
  const tenant = resolveTenant(opts, input.organization, ctx, tenantFromUpns(regs.items.map((r) => r.userPrincipalName)));
  if (!tenant) return { ...out, missing: ['tenant'] };
  if (counted === 0) {
    out.warnings.push('no users in scope (after leaving out guests, disabled and service accounts): no MFA reading');
    return out;
  }
  const left = countsText([
    [guests, 'guest', 'guests'],
    [disabled, 'disabled', 'disabled'],
    [service, 'service/test account', 'service/test accounts'],
  ]);
  out.observations.push(
    adoptionObservation(ctx, pageType, tenant, {
      insight: M365_INSIGHTS.mfa,
      counted,
      covered,
      detail: `MFA registered: ${covered} of ${counted} users${left ? ` (left out: ${left})` : ''}`,
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Licences

export interface LicencesGraphInput {
  subscribedSkus: Pages;
  organization?: unknown;
}

export function readLicencesGraph(input: LicencesGraphInput, ctx: ReadContext, options: Partial<M365Options> = {}): PageReading {
  const pageType = 'm365-licences';
  const opts = m365Options(options);
  const skus = parsePages(input.subscribedSkus, SubscribedSku);
  if (!skus.ok) return failed(pageType, skus.missing);
  const out = emptyReading(pageType);
  const ignore = new Set(opts.ignoreSkus.map((s) => s.toUpperCase()));
  const lines: LicenceLine[] = [];
  for (const s of skus.items) {
    if (ignore.has(s.skuPartNumber.toUpperCase())) continue;
    if (s.appliesTo && s.appliesTo.toLowerCase() !== 'user') continue;
    // Suspended / locked-out / deleted subscriptions are not seats the client can use.
    if (s.capabilityStatus && !/^(enabled|warning)$/i.test(s.capabilityStatus)) continue;
    lines.push({ sku: s.skuPartNumber, name: skuDisplayName(s.skuPartNumber), purchased: s.prepaidUnits.enabled, assigned: s.consumedUnits });
  }
  const tenant = resolveTenant(opts, input.organization, ctx);
  if (!tenant) return { ...out, missing: ['tenant'] };
  out.observations = licenceUtilisation(ctx, pageType, tenant, lines);
  if (out.observations.length === 0) out.warnings.push('no paid user licences in this tenant: no licence reading');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Secure Score

export interface SecureScoreGraphInput {
  secureScores: Pages;
  organization?: unknown;
}

/** Secure Score current / max of the newest daily score. */
export function readSecureScoreGraph(input: SecureScoreGraphInput, ctx: ReadContext, options: Partial<M365Options> = {}): PageReading {
  const pageType = 'm365-secure-score';
  const opts = m365Options(options);
  const scores = parsePages(input.secureScores, SecureScore);
  if (!scores.ok) return failed(pageType, scores.missing);
  const out = emptyReading(pageType);
  let latest: z.infer<typeof SecureScore> | undefined;
  for (const s of scores.items) {
    const t = Date.parse(s.createdDateTime);
    if (Number.isNaN(t)) continue;
    if (!latest || t > Date.parse(latest.createdDateTime)) latest = s;
  }
  const tenant = resolveTenant(opts, input.organization, ctx, latest?.azureTenantId?.toLowerCase());
  if (!tenant) return { ...out, missing: ['tenant'] };
  if (!latest || latest.maxScore <= 0) {
    out.warnings.push('no Secure Score in the response');
    return out;
  }
  out.observations.push(secureScoreObservation(ctx, pageType, tenant, latest.currentScore, latest.maxScore, latest.createdDateTime.slice(0, 10)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Usage: active vs licensed users per workload

export interface UsageGraphInput {
  /** `getOffice365ActiveUserDetail(period='D30')?$format=application/json` — preferred: lets service accounts be left out. */
  activeUserDetail?: Pages;
  /** `getOffice365ServicesUserCounts(period='D30')?$format=application/json` — totals only. */
  servicesUserCounts?: Pages;
  organization?: unknown;
}

export interface UsageOptions extends Partial<M365Options> {
  /** Length of the report period in days (D30 → 30): "active" = activity within it. */
  periodDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Collaboration = Teams active / Teams-licensed users; Exchange likewise (seed: "Teams MAU %").
 * With the per-user detail, deleted and service/test/lab accounts are left out; with only the
 * summary counts they cannot be, which the reading says.
 */
export function readUsageGraph(input: UsageGraphInput, ctx: ReadContext, options: UsageOptions = {}): PageReading {
  const pageType = 'm365-usage';
  const { periodDays = 30, ...rest } = options;
  const opts = m365Options(rest);
  const out = emptyReading(pageType);
  if (input.activeUserDetail !== undefined) {
    const rows = parsePages(input.activeUserDetail, ActiveUserDetail);
    if (!rows.ok) return failed(pageType, rows.missing);
    if (!rows.complete) {
      out.warnings.push(`only ${rows.items.length} users loaded so far (the report has more pages): usage not computed`);
      return out;
    }
    const excluded = exclusionMatcher(opts.excludePatterns);
    const tally = { teams: { active: 0, licensed: 0 }, exchange: { active: 0, licensed: 0 } };
    let service = 0;
    const activeSince = (refresh: string, last: string | null | undefined) =>
      !!last && Date.parse(refresh) - Date.parse(last) <= (periodDays - 1) * DAY_MS && Date.parse(last) <= Date.parse(refresh);
    for (const r of rows.items) {
      if (r.isDeleted) continue;
      if (isExcludedAccount(excluded, r.userPrincipalName, r.displayName ?? undefined)) {
        service++;
        continue;
      }
      if (r.hasTeamsLicense) {
        tally.teams.licensed++;
        if (activeSince(r.reportRefreshDate, r.teamsLastActivityDate)) tally.teams.active++;
      }
      if (r.hasExchangeLicense) {
        tally.exchange.licensed++;
        if (activeSince(r.reportRefreshDate, r.exchangeLastActivityDate)) tally.exchange.active++;
      }
    }
    const tenant = resolveTenant(opts, input.organization, ctx, tenantFromUpns(rows.items.map((r) => r.userPrincipalName)));
    if (!tenant) return { ...out, missing: ['tenant'] };
    const note = service > 0 ? ` (left out: ${countsText([[service, 'service/test account', 'service/test accounts']])})` : '';
    out.observations = usageObservations(
      ctx,
      pageType,
      tenant,
      [
        { insight: M365_INSIGHTS.collaboration, workload: 'Teams', ...tally.teams },
        { insight: M365_INSIGHTS.exchange, workload: 'Exchange', ...tally.exchange },
      ],
      `, last ${periodDays} days${note}`,
    );
  } else if (input.servicesUserCounts !== undefined) {
    const rows = parsePages(input.servicesUserCounts, ServicesUserCounts);
    if (!rows.ok) return failed(pageType, rows.missing);
    const r = rows.items[0];
    const tenant = resolveTenant(opts, input.organization, ctx);
    if (!tenant) return { ...out, missing: ['tenant'] };
    if (r) {
      out.observations = usageObservations(
        ctx,
        pageType,
        tenant,
        [
          { insight: M365_INSIGHTS.collaboration, workload: 'Teams', active: r.teamsActive, licensed: r.teamsActive + r.teamsInactive },
          { insight: M365_INSIGHTS.exchange, workload: 'Exchange', active: r.exchangeActive, licensed: r.exchangeActive + r.exchangeInactive },
        ],
        `${r.reportPeriod ? `, last ${r.reportPeriod} days` : ''} (summary counts: service accounts not left out)`,
      );
    }
  } else return failed(pageType, ['activeUserDetail']);
  if (out.observations.length === 0) out.warnings.push('no licensed users in the usage report: no usage reading');
  return out;
}
