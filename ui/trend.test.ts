import { TZDate } from '@date-fns/tz';
import { format, subMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { MonthlySnapshot } from '../engine/model';
import { baselineSnapshot } from './healthDelta';
import { monthlyTrend } from './trend';

// The months used to come from date-fns (`format(subMonths(new TZDate(now, tz), i), 'yyyy-MM')`);
// they are now month-key arithmetic. Same keys, checked against date-fns across zones and edges.
const ZONES = ['America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC', 'Pacific/Kiritimati'];
const INSTANTS = [
  '2026-11-18T15:00:00Z',
  '2026-03-31T12:00:00Z', // day 31 − 1 month (date-fns clamps the day; the month is what counts)
  '2026-01-01T03:30:00Z', // still December in the Americas
  '2025-12-31T11:30:00Z', // already January in Auckland / Kiritimati
  '2026-03-08T07:30:00Z', // US DST start
  '2026-04-05T14:00:00Z', // NZ DST end
  '2028-02-29T23:59:59Z',
];

describe('monthlyTrend and baselineSnapshot month keys', () => {
  it('13 months ending with the current one, as date-fns formatted them, in every zone', () => {
    for (const tz of ZONES)
      for (const at of INSTANTS) {
        const now = new Date(at);
        const expected = Array.from({ length: 13 }, (_, k) => format(subMonths(new TZDate(now.getTime(), tz), 12 - k), 'yyyy-MM'));
        expect(monthlyTrend([], 'composite', now, tz, null).map((p) => p.month), `${at} ${tz}`).toEqual(expected);
      }
  });

  it('the baseline is the last snapshot frozen before the meeting’s month in the user’s zone; no or bad date → none', () => {
    const snap = (month: string) => ({ accountId: 'a', month, composite: 50, dimensions: {} }) as unknown as MonthlySnapshot;
    const snaps = [snap('2025-11'), snap('2025-12'), snap('2026-01')];
    // 2026-01-01T03:30Z is 31 Dec in New York, 1 Jan in Auckland.
    expect(baselineSnapshot(snaps, '2026-01-01T03:30:00Z', 'America/New_York')?.month).toBe('2025-11');
    expect(baselineSnapshot(snaps, '2026-01-01T03:30:00Z', 'Pacific/Auckland')?.month).toBe('2025-12');
    expect(baselineSnapshot(snaps, null, 'UTC')).toBeNull();
    expect(baselineSnapshot(snaps, 'not a date', 'UTC')).toBeNull();
    expect(baselineSnapshot(snaps, '2025-11-15T12:00:00Z', 'UTC')).toBeNull();
  });
});
