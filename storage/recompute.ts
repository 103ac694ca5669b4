/**
 * Recompute touched accounts: load each account's signals and frozen snapshots, run the engine
 * (`evaluateAccount`), then store its health, newly frozen snapshots, and merge its CTAs:
 *   - a CTA id the engine emits for the first time is inserted as `open`;
 *   - an existing id keeps its lifecycle (first action, checklist, done, snooze) and gets the
 *     engine's fields refreshed;
 *   - an open (or snoozed) CTA the engine no longer emits gets `resolvedByEngineAt` (kept for history).
 * A change of the effective segment is appended to the segment history. Idempotent: running it twice
 * with the same inputs writes nothing new the second time (apart from `health.asOf`).
 */
import type { MetronomeConfig } from '../engine/config';
import { evaluateAccount, type EvaluateInput, type Evaluation } from '../engine/index';
import type { Cta, CtaSpec } from '../engine/model';
import { mrrBands as portfolioMrrBands } from '../engine/segment';
import type { Account } from '../engine/signals';
import { sameContent } from './canonical';
import { isoNow, newId, type MetronomeDb } from './db';
import { latestSegmentChange } from './accounts';

/** Accounts per transaction: bounds a transaction's size when a whole portfolio is recomputed. */
export const RECOMPUTE_CHUNK = 50;

export interface RecomputeOptions {
  /** The engine; tests inject a fake. */
  evaluate?: (input: EvaluateInput) => Evaluation;
  /** MRR bands across the portfolio; defaults to `engine/segment.ts`'s `mrrBands`. */
  mrrBands?: (accounts: readonly Account[], config: MetronomeConfig) => Map<string, number>;
  /** Wall clock for `updatedAt` (defaults to now); `asOf` is the evaluation instant. */
  now?: Date;
}

export interface RecomputeResult {
  evaluated: string[];
  /** Accounts the engine threw on; the others are still stored. */
  failed: { accountId: string; message: string }[];
  ctasOpened: number;
  ctasRefreshed: number;
  ctasResolved: number;
  snapshotsWritten: number;
  segmentChanges: number;
}

/** Lifecycle fields that belong to the user; the engine's spec never overwrites them. */
const SPEC_KEYS = Object.keys({
  id: 0, accountId: 0, trigger: 0, period: 0, title: 0, why: 0, dimension: 0, owner: 0, accountable: 0,
  firedAt: 0, dueBy: 0, firstActionDue: 0, checklist: 0, draft: 0, severity: 0, acknowledgeBy: 0, atRisk: 0,
} satisfies Record<keyof CtaSpec, 0>) as (keyof CtaSpec)[];

export async function recomputeAccounts(
  db: MetronomeDb,
  accountIds: readonly string[],
  asOf: Date,
  config: MetronomeConfig,
  opts: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const evaluate = opts.evaluate ?? evaluateAccount;
  const now = isoNow(opts.now);
  const asOfIso = asOf.toISOString();
  const out: RecomputeResult = {
    evaluated: [],
    failed: [],
    ctasOpened: 0,
    ctasRefreshed: 0,
    ctasResolved: 0,
    snapshotsWritten: 0,
    segmentChanges: 0,
  };

  // MRR bands are relative to the whole portfolio, so they read every live account.
  const portfolio = (await db.accounts.toArray()).filter((a) => !a.deletedAt);
  const bands = (opts.mrrBands ?? portfolioMrrBands)(portfolio, config);
  const ids = [...new Set(accountIds)];

  for (let i = 0; i < ids.length; i += RECOMPUTE_CHUNK) {
    const chunk = ids.slice(i, i + RECOMPUTE_CHUNK);
    await db.transaction(
      'rw',
      [db.accounts, db.signals, db.snapshots, db.ctas, db.health, db.segmentHistory],
      async () => {
        for (const accountId of chunk) {
          const account = await db.accounts.get(accountId);
          if (!account || account.deletedAt) continue;
          const [signals, snapshots, existingCtas] = await Promise.all([
            db.signals.where('accountId').equals(accountId).toArray(),
            db.snapshots.where('accountId').equals(accountId).toArray(),
            db.ctas.where('accountId').equals(accountId).toArray(),
          ]);
          let evaluation: Evaluation;
          try {
            evaluation = evaluate({
              account,
              signals: signals.filter((s) => !s.deletedAt),
              config,
              asOf,
              snapshots: snapshots.filter((s) => !s.deletedAt),
              mrrBand: bands.get(accountId) ?? null,
            });
          } catch (e) {
            out.failed.push({ accountId, message: (e as Error).message });
            continue;
          }
          out.evaluated.push(accountId);
          const sample = account.sample ? { sample: true } : {};

          const previousHealth = await db.health.get(accountId);
          await db.health.put({ ...evaluation.health, updatedAt: now, ...sample });

          const storedSnapshots = new Map(snapshots.map((s) => [s.id, s]));
          const newSnapshots = evaluation.snapshots
            .filter((s) => {
              const stored = storedSnapshots.get(s.id);
              return !stored || !sameContent(stored, s, ['updatedAt']);
            })
            .map((s) => ({ ...s, updatedAt: now }));
          if (newSnapshots.length) await db.snapshots.bulkPut(newSnapshots);
          out.snapshotsWritten += newSnapshots.length;

          const merged = mergeCtas(existingCtas, evaluation.ctas, asOfIso, now, account.sample === true);
          if (merged.write.length) await db.ctas.bulkPut(merged.write);
          out.ctasOpened += merged.opened;
          out.ctasRefreshed += merged.refreshed;
          out.ctasResolved += merged.resolved;

          // Compare with the segment shown until now: the previous health (which an override
          // already updated) or, after an import without health, the last history entry.
          const segment = evaluation.health.segment;
          const previous = previousHealth?.segment.segment ?? (await latestSegmentChange(db, accountId))?.to ?? null;
          if (previous !== segment.segment) {
            await db.segmentHistory.put({
              id: newId('seg'),
              accountId,
              from: previous,
              to: segment.segment,
              at: asOfIso,
              rationale:
                segment.rationale ??
                (segment.assumed ? 'no maturity/appetite scores: default segment assumed' : 'computed from maturity × appetite'),
              source: segment.overridden ? 'override' : 'computed',
              updatedAt: now,
              ...sample,
            });
            out.segmentChanges++;
          }
        }
      },
    );
  }
  return out;
}

interface CtaMerge {
  write: Cta[];
  opened: number;
  refreshed: number;
  resolved: number;
}

/** Pure merge of stored CTAs with the engine's current specs (exported for tests). */
export function mergeCtas(
  existing: readonly Cta[],
  specs: readonly CtaSpec[],
  asOf: string,
  now: string,
  sample = false,
): CtaMerge {
  const stored = new Map(existing.map((c) => [c.id, c]));
  const emitted = new Set<string>();
  const out: CtaMerge = { write: [], opened: 0, refreshed: 0, resolved: 0 };

  for (const spec of specs) {
    emitted.add(spec.id);
    const prev = stored.get(spec.id);
    if (!prev || prev.deletedAt) {
      out.write.push({
        ...spec,
        status: 'open',
        checklistDone: [],
        createdAt: now,
        updatedAt: now,
        ...(sample ? { sample: true } : {}),
      });
      out.opened++;
      continue;
    }
    const next: Cta = { ...prev };
    for (const k of SPEC_KEYS) delete (next as Partial<Cta>)[k];
    Object.assign(next, spec);
    // The condition is back within the same period: it is live again.
    delete next.resolvedByEngineAt;
    // Checklist steps the play no longer has are no longer "done".
    next.checklistDone = prev.checklistDone.filter((id) => spec.checklist.some((s) => s.id === id));
    if (!sameContent(prev, next, ['updatedAt'])) {
      out.write.push({ ...next, updatedAt: now });
      out.refreshed++;
    }
  }

  for (const c of existing) {
    if (emitted.has(c.id) || c.deletedAt || c.resolvedByEngineAt) continue;
    if (c.status !== 'open' && c.status !== 'snoozed') continue;
    out.write.push({ ...c, resolvedByEngineAt: asOf, updatedAt: now });
    out.resolved++;
  }
  return out;
}
