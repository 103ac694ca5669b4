/**
 * Which Microsoft 365 tenant a page or response describes. Observations name the tenant
 * (`company.tenant`); the user confirms the tenant ↔ account link once.
 *
 * Never the signed-in user's own domain: an MSP technician browses client tenants with a partner
 * (GDAP) account, so the shell's "signed in as" would name the MSP, not the client.
 */
import { valueByLabel, type LabelIndex } from '../core/dom';
import { compareText } from '../core/compare';

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isTenantLike = (s: string): boolean => DOMAIN.test(s) || GUID.test(s);

/** Tenant named in the URL: `?delegatedOrg=` / `?tenantId=` / `?tid=`, Entra's `/<domain>/#view…`, Azure's `#@<domain>/…`. */
export function tenantFromUrl(url: URL): string | undefined {
  for (const key of ['delegatedOrg', 'tenantId', 'tenantid', 'tid', 'tenant']) {
    const v = url.searchParams.get(key)?.trim();
    if (v && isTenantLike(v)) return v.toLowerCase();
  }
  // Entra/Azure accept the tenant as the first path segment; only unmistakable forms count.
  const seg = url.pathname.split('/')[1] ?? '';
  if (GUID.test(seg) || (/\.onmicrosoft\.com$/i.test(seg) && DOMAIN.test(seg))) return seg.toLowerCase();
  const at = /^#@([^/]+)/.exec(url.hash)?.[1];
  if (at && isTenantLike(at)) return at.toLowerCase();
  return undefined;
}

/**
 * The tenant's primary domain from the UPNs of its member users: the most common custom domain,
 * else the `*.onmicrosoft.com` one. Guest UPNs (`…#EXT#@…`) are ignored.
 */
export function tenantFromUpns(upns: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const upn of upns) {
    if (upn.includes('#EXT#')) continue;
    const domain = upn.split('@')[1]?.trim().toLowerCase();
    if (!domain || !DOMAIN.test(domain)) continue;
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  let fallback: string | undefined;
  // Ties break alphabetically so the answer does not depend on row order.
  for (const [d, n] of [...counts].sort((a, b) => compareText(a[0], b[0]))) {
    if (d.endsWith('.onmicrosoft.com')) {
      fallback ??= d;
      continue;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best ?? fallback;
}

/** The default verified domain of a Graph `organization` object, else its id. */
export function tenantFromOrganization(org: {
  id?: string;
  verifiedDomains?: Array<{ name: string; isDefault?: boolean | null; isInitial?: boolean | null }>;
}): string | undefined {
  const d = org.verifiedDomains?.find((v) => v.isDefault) ?? org.verifiedDomains?.find((v) => !v.isInitial) ?? org.verifiedDomains?.[0];
  if (d && isTenantLike(d.name)) return d.name.toLowerCase();
  return org.id && isTenantLike(org.id) ? org.id.toLowerCase() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendered pages

/** Labels under which admin pages (org profile cards, tenant pickers) print the tenant. */
export const TENANT_LABELS = ['Tenant', 'Tenant domain', 'Primary domain', 'Default domain', 'Organization domain', 'Directory', 'Tenant ID'];

const DOMAIN_IN_TEXT = /([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}/i;

/** A tenant printed beside one of `TENANT_LABELS` ("Contoso Ltd (contoso.com)" → `contoso.com`). */
export function tenantFromLabels(index: LabelIndex): string | undefined {
  const v = valueByLabel(index, TENANT_LABELS);
  if (!v) return undefined;
  if (isTenantLike(v)) return v.toLowerCase();
  return DOMAIN_IN_TEXT.exec(v)?.[0].toLowerCase();
}

/**
 * The tenant of a rendered admin page, most trusted first: the caller's (`options.tenant`: the
 * confirmed link or Graph's `organization`), the URL, the UPNs listed on the page, a tenant label.
 */
export function pageTenant(
  known: string | undefined,
  url: URL,
  index: LabelIndex | (() => LabelIndex),
  upns: readonly string[] = [],
): string | undefined {
  return (
    known?.toLowerCase() ??
    tenantFromUrl(url) ??
    tenantFromUpns(upns) ??
    // The label pass over the page only when nothing cheaper named the tenant.
    tenantFromLabels(typeof index === 'function' ? index() : index)
  );
}
