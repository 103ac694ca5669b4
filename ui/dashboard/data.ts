/**
 * The dashboard's live queries (Dexie `useLiveQuery`), one per table so a CTA change does not
 * re-read snapshots. Read-only; the dashboard never computes health, it reads the stored rows.
 * Each hook returns `undefined` while loading. Accounts and portfolio state come from the side
 * panel's `ui/data.ts` (`useAccounts`, `usePortfolioState`), config from `ui/config.ts` (`useConfig`);
 * `useCtas('all')` there holds only due CTAs, so time-to-first-action reads every CTA here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Cta, MonthlySnapshot } from '../../engine/model';
import type { DecisionSignal, MeetingSignal } from '../../engine/signals';
import type { HealthRow } from '../../storage/records';
import { listHealth } from '../../storage/snapshots';
import { useDb } from '../data';

export function useAllHealth(): HealthRow[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listHealth(db), [db]);
}

/** Snapshots from `fromMonth` (`yyyy-MM`) on, every account. */
export function useSnapshotsSince(fromMonth: string): MonthlySnapshot[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (await db.snapshots.where('month').aboveOrEqual(fromMonth).toArray()).filter((s) => !s.deletedAt),
    [db, fromMonth],
  );
}

/** Every CTA, any status (time-to-first-action needs the done ones). */
export function useAllCtas(): Cta[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.ctas.toArray()).filter((c) => !c.deletedAt), [db]);
}

/** Meeting and decision signals of every account (the KPI and watchlist inputs). */
export function useMeetingsAndDecisions(): { meetings: MeetingSignal[]; decisions: DecisionSignal[] } | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await db.signals.where('kind').anyOf('meeting', 'decision').toArray();
    const meetings: MeetingSignal[] = [];
    const decisions: DecisionSignal[] = [];
    for (const s of rows) {
      if (s.deletedAt) continue;
      if (s.kind === 'meeting') meetings.push(s);
      else if (s.kind === 'decision') decisions.push(s);
    }
    return { meetings, decisions };
  }, [db]);
}
