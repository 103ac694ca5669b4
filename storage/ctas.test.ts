import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from './accounts';
import { ctasFor, dismiss, getCta, logFirstAction, markDone, openCtas, reopen, snooze, toggleChecklistStep } from './ctas';
import type { MetronomeDb } from './db';
import { mergeCtas } from './recompute';
import { ctaSpec, freshDb } from './testing';

const T0 = '2026-11-17T09:00:00.000Z';
let db: MetronomeDb;
afterEach(async () => db?.delete());

async function seed(): Promise<MetronomeDb> {
  db = freshDb();
  const { write } = mergeCtas(
    [],
    [
      ctaSpec('acct-1', 'engagement-drop', '2026-11', { dueBy: '2026-11-24T17:00:00.000Z' }),
      ctaSpec('acct-1', 'renewal-90', 'renewal-2027-03-31', { dueBy: '2026-11-20T17:00:00.000Z' }),
      ctaSpec('acct-2', 'cx-down', '2026-11', { dueBy: '2026-11-19T17:00:00.000Z' }),
    ],
    T0,
    T0,
  );
  await db.ctas.bulkPut(write);
  return db;
}
const ENG = 'acct-1:engagement-drop:2026-11';

describe('CTA lifecycle (DECISIONS §5: open → first action → done / snoozed with reason)', () => {
  it('ctasFor / openCtas list soonest due first', async () => {
    await seed();
    expect((await ctasFor(db, 'acct-1')).map((c) => c.trigger)).toEqual(['renewal-90', 'engagement-drop']);
    expect((await openCtas(db)).map((c) => c.trigger)).toEqual(['cx-down', 'renewal-90', 'engagement-drop']);
    expect((await openCtas(db, { accountId: 'acct-2' })).map((c) => c.trigger)).toEqual(['cx-down']);
  });

  it('logFirstAction keeps the first time and appends notes', async () => {
    await seed();
    const a = await logFirstAction(db, ENG, 'Called Dana, left a voicemail', '2026-11-18T10:00:00-05:00');
    expect(a).toMatchObject({ firstActionAt: '2026-11-18T10:00:00-05:00', firstActionNote: 'Called Dana, left a voicemail', status: 'open' });
    const b = await logFirstAction(db, ENG, 'Dana called back', new Date('2026-11-19T09:00:00Z'));
    expect(b.firstActionAt).toBe('2026-11-18T10:00:00-05:00');
    expect(b.firstActionNote).toBe('Called Dana, left a voicemail\nDana called back');
    await expect(logFirstAction(db, ENG, 'x', 'yesterday')).rejects.toBeInstanceOf(ValidationError);
  });

  it('toggleChecklistStep ticks and unticks; an unknown step is refused', async () => {
    await seed();
    expect((await toggleChecklistStep(db, ENG, 'call')).checklistDone).toEqual(['call']);
    expect((await toggleChecklistStep(db, ENG, 'book')).checklistDone).toEqual(['call', 'book']);
    expect((await toggleChecklistStep(db, ENG, 'call')).checklistDone).toEqual(['book']);
    await expect(toggleChecklistStep(db, ENG, 'nope')).rejects.toThrow(/no checklist step "nope"/);
  });

  it('markDone closes it (first action = done time when none was logged) and it leaves the open list', async () => {
    await seed();
    const d = await markDone(db, ENG, '2026-11-19T12:00:00.000Z');
    expect(d).toMatchObject({ status: 'done', doneAt: '2026-11-19T12:00:00.000Z', firstActionAt: '2026-11-19T12:00:00.000Z' });
    expect((await openCtas(db)).map((c) => c.id)).not.toContain(ENG);
    expect((await reopen(db, ENG)).status).toBe('open');
    expect((await getCta(db, ENG))?.doneAt).toBeUndefined();
  });

  it('snooze needs a reason and a later time; a snoozed CTA is due again once the snooze ends', async () => {
    await seed();
    const now = new Date('2026-11-18T09:00:00.000Z');
    await expect(snooze(db, ENG, '2026-11-25T09:00:00.000Z', ' ', { now })).rejects.toThrow(/needs a reason/);
    await expect(snooze(db, ENG, '2026-11-17T09:00:00.000Z', 'client on holiday', { now })).rejects.toThrow(/later time/);
    const s = await snooze(db, ENG, '2026-11-25T09:00:00.000Z', 'client on holiday', { now });
    expect(s).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-25T09:00:00.000Z', snoozeReason: 'client on holiday' });
    expect((await openCtas(db, { asOf: new Date('2026-11-25T08:59:59.000Z') })).map((c) => c.id)).not.toContain(ENG);
    expect((await openCtas(db, { asOf: new Date('2026-11-25T09:00:00.000Z') })).map((c) => c.id)).toContain(ENG);
  });

  it('dismissed and engine-resolved CTAs are not due work; unknown ids are refused', async () => {
    await seed();
    await dismiss(db, ENG);
    await db.ctas.update('acct-2:cx-down:2026-11', { resolvedByEngineAt: T0 });
    expect((await openCtas(db)).map((c) => c.trigger)).toEqual(['renewal-90']);
    await expect(markDone(db, 'nope')).rejects.toThrow(/unknown CTA/);
  });
});
