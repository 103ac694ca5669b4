/**
 * The text a person would send. Metronome never sends anything (DECISIONS §5): it drafts an invite
 * (subject, Connect → Clarify → Commit agenda, a suggested slot inside the due window during business
 * hours), an outreach email, or the "We heard X / We'll change Y / You'll see Z by <date>" note after
 * negative CX. Plain text only: values from pages are inserted as text, never as markup.
 */
import type { MetronomeConfig } from '../config';
import type { DraftConfig } from '../config/triggers';
import { DEFAULT_INVITE_MINUTES } from '../config/triggers';
import type { Draft } from '../model';
import { isBusinessDay, toInstantString } from '../time/business';
import { formatHourMinute, formatWeekdayDate, instantOfWall, wallDayStart, wallOf } from '../time/tzdate';
import { DAY_MS } from '../time/zoned';

export type DraftVars = Record<string, string | undefined>;

export interface DraftContext {
  config: MetronomeConfig;
  asOf: Date;
  firedAt: Date;
  dueBy: Date;
  vars: DraftVars;
}

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();
function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    if (compiled.size > 1000) compiled.clear(); // templates come from config: a handful
    parts = template.split(/\{([a-zA-Z]+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** Replace `{name}` placeholders with their values; unknown placeholders are left visible. */
export function fill(template: string, vars: DraftVars): string {
  const parts = compile(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const v = vars[key];
    out += (v === undefined ? `{${key}}` : v) + parts[i + 1]!;
  }
  return out;
}

/** "Tue 24 Nov 2026" in the user's time zone. */
export function fmtDate(instant: Date, timeZone: string): string {
  return formatWeekdayDate(instant.getTime(), timeZone);
}

function fmtTime(instant: Date, timeZone: string): string {
  return formatHourMinute(instant.getTime(), timeZone);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * A meeting slot inside business hours on a business day: the `slotAfterBusinessDays`-th business day
 * after the later of firing and now, at `slotTime` (0 = the next slot, possibly today). Pulled earlier,
 * down to the next possible slot, when it would end after the due-by; when even that is past the
 * due-by (overdue), the next possible slot is suggested anyway.
 */
export function suggestSlot(config: MetronomeConfig, anchor: Date, dueBy: Date, durationMinutes: number): Date {
  const cal = config.calendar;
  const want = config.triggers.drafts.slotAfterBusinessDays;
  const open = minutesOf(cal.businessHoursStart);
  const close = minutesOf(cal.businessHoursEnd);
  // Slot time clamped so the meeting fits inside business hours.
  const slotMin = Math.max(open, Math.min(minutesOf(config.triggers.drafts.slotTime), close - durationMinutes));
  const tz = cal.timeZone;
  // The slot on the local day of `dayMs` (TZDate semantics: tzdate.ts).
  // (`setHours(h, m)` semantics: whole minutes.)
  const slotMs = Math.floor(slotMin / 60) * 3_600_000 + Math.trunc(slotMin % 60) * 60_000;
  const at = (dayMs: number): Date => new Date(instantOfWall(wallDayStart(wallOf(dayMs, tz)) + slotMs, tz));

  let day = anchor.getTime();
  const today = at(day);
  const sameDay = isBusinessDay(today, cal) && today.getTime() > anchor.getTime() ? today : null;
  const next: Date[] = [];
  for (let i = 0; i < 400 && next.length < Math.max(1, want); i++) {
    day = instantOfWall(wallOf(day, tz) + DAY_MS, tz); // next local day, same wall-clock time
    const c = at(day);
    if (isBusinessDay(c, cal)) next.push(c);
  }
  // Most preferred first, then earlier ones.
  const ordered: Date[] = want === 0 ? [] : next.slice(0, want).reverse();
  if (want === 0 && next[0]) ordered.push(next[0]);
  if (sameDay) ordered.push(sameDay);
  if (want === 0 && sameDay) ordered.reverse();
  const latestStart = dueBy.getTime() - durationMinutes * 60_000;
  const fits = ordered.find((c) => c.getTime() <= latestStart);
  return fits ?? sameDay ?? next[0] ?? anchor;
}

export function renderDraft(cfg: DraftConfig, ctx: DraftContext): Draft {
  const tz = ctx.config.calendar.timeZone;
  const d = ctx.config.triggers.drafts;
  const vars: DraftVars = { dueBy: fmtDate(ctx.dueBy, tz), firedAt: fmtDate(ctx.firedAt, tz), ...ctx.vars };
  const signOff = fill(d.signOff, vars);

  if (cfg.kind === 'invite') {
    const minutes = cfg.durationMinutes ?? DEFAULT_INVITE_MINUTES;
    const anchor = ctx.asOf.getTime() > ctx.firedAt.getTime() ? ctx.asOf : ctx.firedAt;
    const start = suggestSlot(ctx.config, anchor, ctx.dueBy, minutes);
    const end = new Date(start.getTime() + minutes * 60_000);
    const slot = `${fmtDate(start, tz)}, ${fmtTime(start, tz)}–${fmtTime(end, tz)} (${tz})`;
    const withSlot = { ...vars, slot };
    const subject = fill(cfg.subject, withSlot);
    const body = [
      fill(cfg.body, withSlot).trim(),
      `Proposed time: ${slot}. If it does not suit you, reply with a time that does.`,
      ['Agenda', ...d.agenda.map((line, i) => `${i + 1}. ${line}`)].join('\n'),
      signOff,
    ]
      .filter((p) => p.length > 0)
      .join('\n\n');
    return { kind: 'invite', subject, body, meeting: { title: subject, start: toInstantString(start, tz), durationMinutes: minutes } };
  }

  if (cfg.kind === 'note') {
    // "We heard X / We'll change Y / You'll see Z by <date>" [L117]; what is not known is left for the
    // person to fill in, in brackets.
    const heard = vars.heard ?? '[what the client told us]';
    const change = vars.change ?? '[what we will change]';
    const see = vars.see ?? '[what the client will see]';
    const by = vars.by ?? fmtDate(ctx.dueBy, tz);
    const intro = fill(cfg.body, vars).trim();
    const body = [
      intro || 'Hello,',
      `We heard: ${heard}\nWe'll change: ${change}\nYou'll see: ${see} by ${by}`,
      signOff,
    ].join('\n\n');
    return { kind: 'note', subject: fill(cfg.subject, vars), body };
  }

  const body = [fill(cfg.body, vars).trim(), signOff].filter((p) => p.length > 0).join('\n\n');
  return { kind: 'email', subject: fill(cfg.subject, vars), body };
}
