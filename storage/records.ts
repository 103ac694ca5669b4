/**
 * Rows that exist only in storage (not in the engine's vocabulary). Rows that also travel in the
 * bundle (segment history, settings, teach-mode mappings) are defined in `engine/bundle.ts`.
 */
import { z } from 'zod';
import type { Observation } from '../content-scripts/core/types';
import type { AccountHealth } from '../engine/model';
import { Id, Instant, PageType } from '../engine/signals';

export type { MappingRow, SegmentChange, SettingRow } from '../engine/bundle';

/** Latest health per account, stored for fast UI reads (keyed by `accountId`). */
export type HealthRow = AccountHealth & { updatedAt: string; deletedAt?: string; sample?: boolean };

/** A known adapter's page no longer matched what it must yield: the side panel says so. */
export const DriftEvent = z
  .object({
    id: Id,
    host: z.string().min(1).max(253),
    adapter: z.string().min(1).max(40),
    pageType: PageType,
    at: Instant,
    /** Required fields that could not be read. */
    missing: z.array(z.string().max(100)).max(200),
    url: z.string().max(4000),
    updatedAt: Instant,
    deletedAt: Instant.optional(),
  })
  .strict();
export type DriftEvent = z.infer<typeof DriftEvent>;

/**
 * A reading received but not yet ingested. The background stores it first, then ingests and
 * deletes it in one transaction, so a worker stopped mid-way loses nothing (`drainPending` retries).
 */
export interface PendingReading {
  id: string;
  observations: Observation[];
  receivedAt: string;
  attempts: number;
  lastError?: string;
  updatedAt: string;
}
