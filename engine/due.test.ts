import { describe, expect, it } from 'vitest';
import type { Cta } from './model';
import { bucketOf, dueCount, isActive } from './due';

const now = new Date('2026-11-22T12:00:00Z');
const cta = (over: Partial<Cta>): Cta => ({ status: 'open', dueBy: '2026-11-23T12:00:00Z', checklistDone: [], ...over }) as Cta;

describe('due CTAs', () => {
  it('buckets by time left: overdue, ≤7 d, ≤30 d, later (boundaries inclusive)', () => {
    expect(bucketOf(cta({ dueBy: '2026-11-22T11:59:59Z' }), now)).toBe('overdue');
    expect(bucketOf(cta({ dueBy: '2026-11-22T12:00:00Z' }), now)).toBe('week');
    expect(bucketOf(cta({ dueBy: '2026-11-29T12:00:00Z' }), now)).toBe('week');
    expect(bucketOf(cta({ dueBy: '2026-11-29T12:00:01Z' }), now)).toBe('month');
    expect(bucketOf(cta({ dueBy: '2026-12-22T12:00:01Z' }), now)).toBe('later');
  });
  it('snoozed CTAs come back on their date; done, deleted and engine-resolved ones never count', () => {
    expect(isActive(cta({ status: 'snoozed', snoozedUntil: '2026-11-23T00:00:00Z' }), now)).toBe(false);
    expect(isActive(cta({ status: 'snoozed', snoozedUntil: '2026-11-22T00:00:00Z' }), now)).toBe(true);
    expect(isActive(cta({ status: 'done' }), now)).toBe(false);
    expect(isActive(cta({ deletedAt: '2026-11-01T00:00:00Z' }), now)).toBe(false);
    expect(isActive(cta({ resolvedByEngineAt: '2026-11-01T00:00:00Z' }), now)).toBe(false);
  });
  it('counts active CTAs overdue or due within a week', () => {
    const list = [
      cta({ dueBy: '2026-11-20T00:00:00Z' }),
      cta({ dueBy: '2026-11-25T00:00:00Z' }),
      cta({ dueBy: '2026-12-10T00:00:00Z' }),
      cta({ status: 'done', dueBy: '2026-11-20T00:00:00Z' }),
    ];
    expect(dueCount(list, now)).toBe(2);
  });
});
