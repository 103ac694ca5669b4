/**
 * The day/month order of one page's dates, most certain first: what the page's own dates prove (a
 * `13/…` date); the locale the page declares (`locale=en_US` in its URL or hash, `<html lang>`);
 * the user's setting (`ctx.dateOrder`); else ambiguous dates stay unread.
 */
import { inferDateOrder, localeDateOrder, parsePsaCalendarDate, parsePsaDate, type ParseDateOptions } from './dates';
import type { ReadContext } from './types';

export function pageDateOptions(ctx: ReadContext, samples: ReadonlyArray<string | undefined>, doc?: Document): ParseDateOptions {
  const proven = inferDateOrder(samples.filter((s): s is string => !!s));
  const declared =
    localeDateOrder(ctx.url.searchParams.get('locale') ?? new URLSearchParams(ctx.url.hash.replace(/^#/, '')).get('locale')) ??
    localeDateOrder(doc?.documentElement.getAttribute('lang'));
  const order = proven ?? declared ?? ctx.dateOrder;
  return { timeZone: ctx.timeZone, ...(order ? { dateOrder: order } : {}) };
}

/** Date readers for one page, with the order `pageDateOptions` settles on. */
export function pageDates(ctx: ReadContext, samples: ReadonlyArray<string | undefined>, doc?: Document) {
  const opts = pageDateOptions(ctx, samples, doc);
  return {
    dateOrder: opts.dateOrder,
    instant: (t: string | undefined): string | undefined => parsePsaDate(t, opts),
    day: (t: string | undefined): string | undefined => parsePsaCalendarDate(t, opts),
  };
}
