/** The zod schema of the M365 readers' options (validated where options enter: options page, background). */
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
