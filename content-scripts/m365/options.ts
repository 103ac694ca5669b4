/**
 * Settings of the M365 readers. Config-like: defaults here, the caller (content script, options page)
 * may pass overrides, validated with zod. Kept beside the adapter because only it uses them.
 */
import { z } from 'zod';

export const M365Options = z
  .object({
    /**
     * Accounts left out of every user-based denominator ("counting lab/test users in the denominator"
     * is a pitfall [L122]). Matched case-insensitively against the UPN's local part and the display
     * name. A pattern ending in `-`, `_` or `.` is a prefix at a word start (`svc-` → `svc-backup`);
     * any other pattern is a whole word (`test` → `test.user`, `QA Test`, `test1`, but not `Celestest`);
     * `/…/` is a regular expression.
     */
    excludePatterns: z.array(z.string().min(1).max(200)).max(200),
    /** Free or self-service SKUs that say nothing about licence utilisation (10,000 "seats"). */
    ignoreSkus: z.array(z.string().min(1).max(100)).max(500),
    /** Product names (as the admin center prints them) left out of licence utilisation; same syntax as `excludePatterns`. */
    ignoreProductNames: z.array(z.string().min(1).max(200)).max(200),
    /** The tenant, when the caller already knows it (Graph `organization`, the user's confirmation). */
    tenant: z.string().min(1).max(253).optional(),
  })
  .strict();
export type M365Options = z.infer<typeof M365Options>;

export const M365_DEFAULTS: M365Options = {
  excludePatterns: ['svc-', 'svc_', 'sync_', 'test', 'lab'],
  ignoreSkus: [
    'FLOW_FREE',
    'POWER_BI_STANDARD',
    'POWERAPPS_VIRAL',
    'POWERAPPS_DEV',
    'TEAMS_EXPLORATORY',
    'WINDOWS_STORE',
    'STREAM',
    'CCIBOTS_PRIVPREV_VIRAL',
    'RIGHTSMANAGEMENT_ADHOC',
    'MICROSOFT_BUSINESS_CENTER',
    'POWER_BI_PRO_TRIAL',
    'DEVELOPERPACK_E5',
  ],
  ignoreProductNames: ['free', 'exploratory', 'trial', 'viral'],
};

/** Defaults merged with (validated) overrides; invalid overrides throw with zod's message. */
export function m365Options(overrides: Partial<M365Options> = {}): M365Options {
  return M365Options.parse({ ...M365_DEFAULTS, ...overrides });
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compile the exclusion patterns once. An invalid `/regex/` is ignored rather than crashing a read. */
export function exclusionMatcher(patterns: readonly string[]): (upnOrName: string) => boolean {
  const res: RegExp[] = [];
  for (const p of patterns) {
    if (p.length > 2 && p.startsWith('/') && p.endsWith('/')) {
      try {
        res.push(new RegExp(p.slice(1, -1), 'i'));
      } catch {
        /* ignore an invalid user regex */
      }
      continue;
    }
    const body = escapeRe(p);
    res.push(/[-_.]$/.test(p) ? new RegExp(`(^|[^a-z])${body}`, 'i') : new RegExp(`(^|[^a-z])${body}($|[^a-z])`, 'i'));
  }
  return (s: string) => res.some((r) => r.test(s));
}

/** Is this account a service/test/lab account by its UPN (local part) or display name? */
export function isExcludedAccount(match: (s: string) => boolean, upn: string | undefined, name: string | undefined): boolean {
  const local = upn ? (upn.split('@')[0] ?? upn) : '';
  return (local !== '' && match(local)) || (name !== undefined && name !== '' && match(name));
}
