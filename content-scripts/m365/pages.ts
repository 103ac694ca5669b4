/**
 * The Microsoft 365 admin-center pages this adapter knows (rendered-DOM fallbacks; the Graph
 * readers in `graph.ts` are preferred when the page's own responses were seen).
 * Surfaces: admin.microsoft.com (licences, usage), entra.microsoft.com (MFA registration),
 * security.microsoft.com (Secure Score). Matched by path/hash, never by host (see core/registry).
 */
import type { PageTypeReader } from '../core/types';
import { licencesReader } from './licences';
import { mfaReader } from './mfa';
import type { M365Options } from './options';
import { secureScoreReader } from './secure-score';
import { usageReader } from './usage';

/** Readers with options baked in (pass `tenant` once the user confirmed it, or exclusion patterns). */
export function m365Readers(options: Partial<M365Options> = {}): PageTypeReader[] {
  return [mfaReader(options), licencesReader(options), secureScoreReader(options), usageReader(options)];
}

export const M365_READERS: readonly PageTypeReader[] = m365Readers();
