/**
 * Reading CTAs back — zod-free, so the side panel's first render does not load the schemas.
 * `ctas.ts` re-exports these; the lifecycle writes (validated) live there.
 */
import type { Cta } from '../engine/model';
import { cmpInstant } from './accountReads';
import type { MetronomeDb } from './db';

export async function getCta(db: MetronomeDb, id: string): Promise<Cta | undefined> {
  const c = await db.ctas.get(id);
  return c && !c.deletedAt ? c : undefined;
}

/** Every CTA of an account (any status), soonest due first. */
export async function ctasFor(db: MetronomeDb, accountId: string): Promise<Cta[]> {
  const rows = await db.ctas.where('accountId').equals(accountId).toArray();
  return rows.filter((c) => !c.deletedAt).sort(byDue);
}

/**
 * CTAs a person should see as due work at `asOf`: status `open`, or `snoozed` whose snooze has
 * ended; not the ones the engine has since resolved. Soonest due first.
 */
export async function openCtas(db: MetronomeDb, opts: { asOf?: Date; accountId?: string } = {}): Promise<Cta[]> {
  const asOf = (opts.asOf ?? new Date()).getTime();
  const rows = opts.accountId
    ? await db.ctas.where('accountId').equals(opts.accountId).toArray()
    : await db.ctas.where('status').anyOf('open', 'snoozed').toArray();
  return rows.filter((c) => isDue(c, asOf)).sort(byDue);
}

function isDue(c: Cta, asOf: number): boolean {
  if (c.deletedAt || c.resolvedByEngineAt) return false;
  if (c.status === 'open') return true;
  return c.status === 'snoozed' && (!c.snoozedUntil || Date.parse(c.snoozedUntil) <= asOf);
}

export const byDue = (a: Cta, b: Cta): number => cmpInstant(a.dueBy, b.dueBy) || a.id.localeCompare(b.id);
