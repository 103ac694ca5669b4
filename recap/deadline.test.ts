import { describe, expect, it } from 'vitest';
import { formatDuration, recapCountdown, recapDeadline } from './deadline';

describe('recap 48 h clock — DECISIONS §6: due 48 h after the meeting’s end', () => {
  it('counts from endedAt, falling back to heldAt', () => {
    expect(recapDeadline({ heldAt: '2026-11-12T14:00:00Z', endedAt: '2026-11-12T15:00:00Z' })?.toISOString()).toBe('2026-11-14T15:00:00.000Z');
    expect(recapDeadline({ heldAt: '2026-11-12T14:00:00Z' })?.toISOString()).toBe('2026-11-14T14:00:00.000Z');
    expect(recapDeadline({})).toBeNull();
    expect(recapDeadline({ heldAt: 'garbage' })).toBeNull();
  });
  it('48 absolute hours across a DST change: New York wall clock moves 17:00 → 18:00', () => {
    // Fri 6 Mar 2026 17:00 EST; clocks go forward on Sun 8 Mar.
    const m = { endedAt: '2026-03-06T17:00:00-05:00' };
    expect(recapDeadline(m)?.toISOString()).toBe('2026-03-08T22:00:00.000Z');
    const c = recapCountdown(m, new Date('2026-03-07T17:00:00-05:00'), 'America/New_York');
    expect(c.deadlineLabel).toBe('Sun 8 Mar 2026, 18:00');
    expect(c.msLeft).toBe(24 * 3_600_000);
    expect(c.label).toBe('24 h 00 min left');
  });
  it('the meeting’s own offset does not matter; the label follows the user’s zone', () => {
    const m = { endedAt: '2026-11-12T16:30:00+01:00' }; // Berlin meeting
    const now = new Date('2026-11-13T09:00:00-08:00'); // user in Los Angeles
    const la = recapCountdown(m, now, 'America/Los_Angeles');
    expect(la.deadlineLabel).toBe('Sat 14 Nov 2026, 07:30');
    expect(la.msLeft).toBe(22.5 * 3_600_000); // ends 15:30Z, deadline 14 Nov 15:30Z, now 13 Nov 17:00Z → 22.5 h
  });
  it('boundaries: soon at ≤ 12 h, overdue after the instant, exact deadline is not overdue', () => {
    const m = { endedAt: '2026-11-12T15:00:00Z' };
    expect(recapCountdown(m, new Date('2026-11-14T02:59:59Z'), 'UTC').state).toBe('ok');
    expect(recapCountdown(m, new Date('2026-11-14T03:00:00Z'), 'UTC').state).toBe('soon');
    expect(recapCountdown(m, new Date('2026-11-14T15:00:00Z'), 'UTC')).toMatchObject({ state: 'soon', label: '0 min left' });
    expect(recapCountdown(m, new Date('2026-11-14T16:05:00Z'), 'UTC')).toMatchObject({ state: 'overdue', label: 'Overdue by 1 h 05 min' });
  });
  it('a sent recap reports how early or late it was', () => {
    const m = { endedAt: '2026-11-12T15:00:00Z' };
    expect(recapCountdown({ ...m, recapSentAt: '2026-11-13T15:00:00Z' }, new Date('2026-12-01T00:00:00Z'), 'UTC')).toMatchObject({
      state: 'sent',
      label: 'Sent 24 h 00 min before the deadline',
    });
    expect(recapCountdown({ ...m, recapSentAt: '2026-11-14T17:30:00Z' }, new Date(), 'UTC').label).toBe('Sent 2 h 30 min late');
  });
  it('formatDuration', () => {
    expect(formatDuration(59_999)).toBe('0 min');
    expect(formatDuration(-3_660_000)).toBe('1 h 01 min');
  });
});
