import { describe, expect, it } from 'vitest';
import { stepMet } from '../core/sla';
import { autotaskSla, yesNo } from './sla';

const now = new Date('2026-10-08T18:00:00Z');
const due = '2026-10-08T12:00:00-04:00'; // 16:00Z

describe('stepMet (core/sla.ts): an SLA event met by its due time (DECISIONS §7 SLA adherence)', () => {
  it('done exactly at the due time → met; one minute late → missed (both sides of the edge)', () => {
    expect(stepMet('2026-10-08T16:00:00Z', due, now.getTime())).toBe(true);
    expect(stepMet('2026-10-08T12:01:00-04:00', due, now.getTime())).toBe(false);
  });
  it('not done and the due time passed → missed; not done and not yet due → unknown', () => {
    expect(stepMet(undefined, due, now.getTime())).toBe(false);
    expect(stepMet(undefined, '2026-10-08T18:00:01Z', now.getTime())).toBeUndefined();
  });
  it('no due time → unknown', () => expect(stepMet('2026-10-08T16:00:00Z', undefined, now.getTime())).toBeUndefined());
});

describe('autotaskSla: dates first, the overall "SLA Met" fills only the unknowns', () => {
  it('no due dates and no SLA Met → no SLA at all (ticket carries no SLA target)', () =>
    expect(autotaskSla({ respondedAt: '2026-10-08T10:00:00Z' }, now)).toBeUndefined());
  it('"Yes" never overrides a date-proven miss', () =>
    expect(autotaskSla({ responseDueAt: due, slaMet: true }, now)).toEqual({ responseDueAt: due, responseMet: false, resolutionMet: true }));
  it('"No" with response met → the resolution is the miss', () =>
    expect(autotaskSla({ responseDueAt: due, respondedAt: '2026-10-08T15:00:00Z', slaMet: false }, now)).toEqual({
      responseDueAt: due,
      responseMet: true,
      resolutionMet: false,
    }));
  it('"No" with resolution met → the response is the miss', () =>
    expect(autotaskSla({ resolutionDueAt: due, resolvedAt: '2026-10-08T15:00:00Z', slaMet: false }, now)).toEqual({
      resolutionDueAt: due,
      resolutionMet: true,
      responseMet: false,
    }));
  it('"No" alone → resolution missed, response unknown', () => expect(autotaskSla({ slaMet: false }, now)).toEqual({ resolutionMet: false }));
  it('"Yes" alone → both met', () => expect(autotaskSla({ slaMet: true }, now)).toEqual({ responseMet: true, resolutionMet: true }));
});

describe('yesNo', () => {
  it('reads Yes/No and check marks; anything else is unknown', () => {
    expect(yesNo('Yes')).toBe(true);
    expect(yesNo(' no ')).toBe(false);
    expect(yesNo('✔')).toBe(true);
    expect(yesNo('')).toBeUndefined();
    expect(yesNo('Pending')).toBeUndefined();
  });
});
