/**
 * CTAs and their lifecycle: open → first action → done, or snoozed with a reason (DECISIONS §5).
 * The engine's `CtaSpec` fields are refreshed by `recompute.ts`; the lifecycle fields here belong
 * to the user and are never overwritten by the engine.
 */
import type { Cta } from '../engine/model';
import { Instant } from '../engine/signals';
import { getCta } from './ctaReads';
import { isoNow, type MetronomeDb } from './db';
import { ValidationError } from './errors';

// Reads are zod-free (the side panel imports them directly); re-exported so callers keep one module.
export { ctasFor, getCta, openCtas } from './ctaReads';

type When = Date | string;

function instant(at: When, path: string): string {
  const iso = typeof at === 'string' ? at : at.toISOString();
  if (!Instant.safeParse(iso).success) throw new ValidationError([{ path, message: 'expected an ISO instant with offset' }]);
  return iso;
}

async function update(db: MetronomeDb, id: string, change: (c: Cta) => Cta): Promise<Cta> {
  return db.transaction('rw', db.ctas, async () => {
    const cta = await getCta(db, id);
    if (!cta) throw new ValidationError([{ path: 'id', message: `unknown CTA "${id}"` }]);
    const next = change(cta);
    await db.ctas.put(next);
    return next;
  });
}

/**
 * Record the first action (the ≤ 72 h clock stops here). The first time is kept if one was already
 * logged; a note is added to an earlier note rather than replacing it.
 */
export async function logFirstAction(db: MetronomeDb, ctaId: string, note: string, at: When = new Date()): Promise<Cta> {
  const iso = instant(at, 'at');
  const text = note.trim().slice(0, 2000);
  return update(db, ctaId, (c) => ({
    ...c,
    firstActionAt: c.firstActionAt ?? iso,
    ...(text ? { firstActionNote: c.firstActionNote ? `${c.firstActionNote}\n${text}`.slice(0, 2000) : text } : {}),
    updatedAt: isoNow(),
  }));
}

/** Tick or untick one step of the play checklist. */
export async function toggleChecklistStep(db: MetronomeDb, ctaId: string, stepId: string, opts: { now?: Date } = {}): Promise<Cta> {
  return update(db, ctaId, (c) => {
    if (!c.checklist.some((s) => s.id === stepId))
      throw new ValidationError([{ path: 'stepId', message: `CTA "${ctaId}" has no checklist step "${stepId}"` }]);
    const done = c.checklistDone.includes(stepId)
      ? c.checklistDone.filter((s) => s !== stepId)
      : [...c.checklistDone, stepId];
    return { ...c, checklistDone: done, updatedAt: isoNow(opts.now) };
  });
}

/** Close a CTA. Done without a logged first action counts the done time as the first action. */
export async function markDone(db: MetronomeDb, ctaId: string, at: When = new Date()): Promise<Cta> {
  const iso = instant(at, 'at');
  return update(db, ctaId, (c) => {
    const { snoozedUntil: _u, snoozeReason: _r, ...rest } = c;
    return { ...rest, status: 'done', doneAt: iso, firstActionAt: c.firstActionAt ?? iso, updatedAt: isoNow() };
  });
}

/** Snooze until a later instant; a reason is required. */
export async function snooze(db: MetronomeDb, id: string, until: When, reason: string, opts: { now?: Date } = {}): Promise<Cta> {
  const iso = instant(until, 'until');
  const why = reason.trim();
  if (why.length < 3) throw new ValidationError([{ path: 'reason', message: 'a snooze needs a reason' }]);
  const now = opts.now ?? new Date();
  if (Date.parse(iso) <= now.getTime()) throw new ValidationError([{ path: 'until', message: 'snooze until a later time' }]);
  return update(db, id, (c) => ({
    ...c,
    status: 'snoozed',
    snoozedUntil: iso,
    snoozeReason: why.slice(0, 1000),
    updatedAt: isoNow(now),
  }));
}

/** Put a done, snoozed or dismissed CTA back to open. */
export async function reopen(db: MetronomeDb, id: string, opts: { now?: Date } = {}): Promise<Cta> {
  return update(db, id, (c) => {
    const { snoozedUntil: _u, snoozeReason: _r, doneAt: _d, ...rest } = c;
    return { ...rest, status: 'open', updatedAt: isoNow(opts.now) };
  });
}

/** Dismiss a CTA that does not apply (kept for history). */
export async function dismiss(db: MetronomeDb, id: string, opts: { now?: Date } = {}): Promise<Cta> {
  return update(db, id, (c) => ({ ...c, status: 'dismissed', updatedAt: isoNow(opts.now) }));
}
