/** Calendar settings: the user's time zone, business days and business hours (DECISIONS §5). */
import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm, e.g. 09:00');

export const CalendarConfig = z
  .object({
    /** IANA time zone the user works in; months, "this month" and business hours follow it. */
    timeZone: z.string().min(1).refine(isValidTimeZone, 'unknown IANA time zone'),
    /** ISO weekdays that are business days (1 = Monday … 7 = Sunday). */
    businessDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    businessHoursStart: HHMM,
    businessHoursEnd: HHMM,
    /** Public holidays (yyyy-MM-dd) that are not business days. */
    holidays: z.array(z.iso.date()).default([]),
  })
  .strict()
  .refine((c) => c.businessHoursStart < c.businessHoursEnd, {
    path: ['businessHoursEnd'],
    message: 'business hours must end after they start',
  });
export type CalendarConfig = z.infer<typeof CalendarConfig>;

export const CALENDAR_DEFAULTS: CalendarConfig = {
  timeZone: 'UTC',
  businessDays: [1, 2, 3, 4, 5],
  businessHoursStart: '09:00',
  businessHoursEnd: '17:00',
  holidays: [],
};

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
