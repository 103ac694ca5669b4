/**
 * Date readers for one page (shared by the Autotask and HaloPSA readers; candidate for `core/`).
 */
import type { ReadContext } from '../core/types';
import { inferDateOrder, parsePsaCalendarDate, parsePsaDate } from '../core/dates';

/**
 * Date readers for one page. The page's own dates decide the day/month order when any of them
 * proves it (`13/10/2026` is DMY); otherwise the user's setting (`ctx.dateOrder`) does.
 */
export function pageDates(ctx: ReadContext, samples: ReadonlyArray<string | undefined>) {
  const dateOrder = inferDateOrder(samples.filter((s): s is string => !!s)) ?? ctx.dateOrder;
  const opts = { timeZone: ctx.timeZone, ...(dateOrder ? { dateOrder } : {}) };
  return {
    dateOrder,
    instant: (t: string | undefined): string | undefined => parsePsaDate(t, opts),
    day: (t: string | undefined): string | undefined => parsePsaCalendarDate(t, opts),
  };
}
