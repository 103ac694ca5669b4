/**
 * Settings of the M365 readers. Config-like: defaults here, the caller (content script, options page)
 * may pass overrides (validated with the zod schema in `options-schema.ts` where they enter: options
 * page, background). This half stays zod-free because it runs in the content script.
 */
import type { M365Options } from './options-schema';

export type { M365Options } from './options-schema';



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

/** Defaults merged with overrides (validated where they entered, see `options-schema.ts`). */
export function m365Options(overrides: Partial<M365Options> = {}): M365Options {
  const merged: M365Options = { ...M365_DEFAULTS };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  return merged;
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
