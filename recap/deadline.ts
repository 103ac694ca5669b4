/**
 * The recap clock (DECISIONS §6): a recap is due `recapDueHours` (48 h) after the meeting's end —
 * an absolute duration, so a daylight-saving change in between does not move the instant; the
 * deadline is *shown* in the user's time zone.
 */
import { TZDate } from '@date-fns/tz';
import { addHours, format } from 'date-fns';
import { RECAP_DEFAULTS, type RecapConfig } from './config';

export interface MeetingTimes {
  heldAt?: string;
  /** End of the meeting: the clock starts here, falling back to `heldAt`. */
  endedAt?: string;
}

/** The instant the recap is due, or null when the meeting has no start/end time. */
export function recapDeadline(meeting: MeetingTimes, cfg: Pick<RecapConfig, 'recapDueHours'> = RECAP_DEFAULTS): Date | null {
  const from = meeting.endedAt ?? meeting.heldAt;
  if (!from) return null;
  const start = new Date(from);
  if (Number.isNaN(start.getTime())) return null;
  return addHours(start, cfg.recapDueHours);
}

export type CountdownState = 'ok' | 'soon' | 'overdue' | 'sent' | 'unknown';

export interface RecapCountdown {
  state: CountdownState;
  /** Milliseconds until the deadline (negative once overdue); null when unknown. */
  msLeft: number | null;
  /** "31 h 12 min left", "overdue by 2 h 5 min", "sent 3 h before the deadline". */
  label: string;
  /** The deadline in the user's time zone ("Thu 12 Nov 2026, 17:00"), or null. */
  deadlineLabel: string | null;
}

/** Hours and minutes of a duration, rounded down to the minute ("1 h 05 min", "45 min"). */
export function formatDuration(ms: number): string {
  const totalMin = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return `${m} min`;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

export function formatInstant(d: Date, timeZone: string): string {
  return format(new TZDate(d.getTime(), timeZone), 'EEE d MMM yyyy, HH:mm');
}

export function recapCountdown(
  meeting: MeetingTimes & { recapSentAt?: string },
  now: Date,
  timeZone: string,
  cfg: Pick<RecapConfig, 'recapDueHours' | 'dueSoonHours'> = RECAP_DEFAULTS,
): RecapCountdown {
  const deadline = recapDeadline(meeting, cfg);
  if (!deadline) return { state: 'unknown', msLeft: null, label: 'No meeting end time: the 48 h clock cannot start', deadlineLabel: null };
  const deadlineLabel = formatInstant(deadline, timeZone);
  if (meeting.recapSentAt) {
    const sent = new Date(meeting.recapSentAt);
    const diff = deadline.getTime() - sent.getTime();
    return {
      state: 'sent',
      msLeft: diff,
      label: diff >= 0 ? `Sent ${formatDuration(diff)} before the deadline` : `Sent ${formatDuration(diff)} late`,
      deadlineLabel,
    };
  }
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft < 0) return { state: 'overdue', msLeft, label: `Overdue by ${formatDuration(msLeft)}`, deadlineLabel };
  const state: CountdownState = msLeft <= cfg.dueSoonHours * 3_600_000 ? 'soon' : 'ok';
  return { state, msLeft, label: `${formatDuration(msLeft)} left`, deadlineLabel };
}
