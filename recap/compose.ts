/**
 * Recap composition (DECISIONS §6, seed §8.4–§8.9): the draft in, one structured document out,
 * rendered twice — plain text and HTML — from the same sections so both say the same thing.
 * Every value in the HTML goes through `escapeHtml`: recap text may come from page text.
 *
 *   Recap:      What we decided (≤ 2 decisions: Why this / Why now / Impact / Owner & date / Budget)
 *               · Other actions · Risks · Health since last meeting · Open items · Next cadence,
 *               opened by the 2-line "We heard / We changed".
 *   Save Plan:  H1 Containment (0–14 d) · H2 Correction (15–60 d) · Risks/assumptions · Version note.
 *   We heard:   "We heard X. We'll change Y. You'll see Z by <date>."
 */
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';
import { RECAP_DEFAULTS, type RecapConfig } from './config';
import type { PlanAction, RecapDraft, RecapItem } from './draft';
import { escapeHtml, escapeMultiline } from './escape';

// ---------------------------------------------------------------------------------------------
// Decisions, other actions and the credit gate

export interface SplitItems {
  decisions: RecapItem[];
  /** Items beyond the decision limit: kept as "other actions", never counted as decisions. */
  otherActions: RecapItem[];
}

/** Max two decisions per meeting; a third (and later) becomes an "other action" (DECISIONS §6). */
export function splitDecisions(items: readonly RecapItem[], maxDecisions = RECAP_DEFAULTS.maxDecisions): SplitItems {
  const named = items.filter((i) => i.title.trim() !== '');
  return { decisions: named.slice(0, maxDecisions), otherActions: named.slice(maxDecisions) };
}

export type CreditField = 'owner' | 'date' | 'budget';
export interface CreditGate {
  /** A decision counts for the credit gate only with owner + date + budget (DECISIONS §6). */
  passes: boolean;
  missing: CreditField[];
}

export function creditGate(item: Pick<RecapItem, 'owner' | 'dueDate' | 'budget'>): CreditGate {
  const missing: CreditField[] = [];
  if (!item.owner.trim()) missing.push('owner');
  if (!isCalendarDate(item.dueDate)) missing.push('date');
  if (!item.budget.trim()) missing.push('budget');
  return { passes: missing.length === 0, missing };
}

export function creditGateLabel(g: CreditGate): string {
  return g.passes ? 'Credit gate: complete (owner + date + budget)' : `Credit gate: missing ${g.missing.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Dates

function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());
}

function calendarDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 'UTC');
}

/** `2026-12-04` → "Fri 4 Dec 2026" (unambiguous for US and EU readers); anything else as written. */
export function formatCalendarDate(s: string): string {
  return isCalendarDate(s) ? format(calendarDate(s), 'EEE d MMM yyyy') : s;
}

function ownerAndDate(owner: string, dueDate: string): string {
  const o = owner.trim() || 'Owner to be named';
  const d = dueDate.trim() ? formatCalendarDate(dueDate.trim()) : 'date to be set';
  return `${o}, ${d}`;
}

// ---------------------------------------------------------------------------------------------
// The document

export interface Field {
  label: string;
  value: string;
}
export interface DocItem {
  title: string;
  fields: Field[];
}
export interface DocSection {
  heading: string;
  /** Paragraph lines (multi-line text is kept as lines). */
  lines?: string[];
  /** Numbered items with labelled fields. */
  items?: DocItem[];
  /** Bullet lines. */
  bullets?: string[];
}
export interface RecapDocument {
  subject: string;
  title: string;
  sections: DocSection[];
}

export interface ComposeOptions {
  config?: Pick<RecapConfig, 'maxDecisions' | 'savePlanContainmentDays' | 'savePlanCorrectionDays'>;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');

function decisionItem(i: RecapItem): DocItem {
  const fields: Field[] = [];
  if (i.whyThis.trim()) fields.push({ label: 'Why this', value: i.whyThis.trim() });
  if (i.whyNow.trim()) fields.push({ label: 'Why now', value: i.whyNow.trim() });
  if (i.impact.trim()) fields.push({ label: 'Impact', value: i.impact.trim() });
  fields.push({ label: 'Owner & date', value: ownerAndDate(i.owner, i.dueDate) });
  fields.push({ label: 'Budget', value: i.budget.trim() || 'to be confirmed' });
  return { title: i.title.trim(), fields };
}

function actionLine(a: { title?: string; text?: string; owner: string; dueDate: string; budget: string }): string {
  const what = (a.title ?? a.text ?? '').trim();
  const budget = a.budget.trim() ? ` · Budget: ${a.budget.trim()}` : '';
  return `${what} — ${ownerAndDate(a.owner, a.dueDate)}${budget}`;
}

export function recapDocument(d: RecapDraft, opts: ComposeOptions = {}): RecapDocument {
  const cfg = { ...RECAP_DEFAULTS, ...opts.config };
  const meeting = d.meetingLabel.trim();
  const account = d.accountName.trim();

  if (d.variant === 'weHeard') {
    const by = d.byDate.trim() ? formatCalendarDate(d.byDate.trim()) : 'our next meeting';
    const sentence = [
      `We heard ${d.weHeard.trim() || '…'}.`,
      `We’ll change ${d.weWillChange.trim() || '…'}.`,
      `You’ll see ${d.youWillSee.trim() || '…'} by ${by}.`,
    ].join(' ');
    return {
      subject: `${account}: what we heard and what we are changing`,
      title: 'What we heard, and what we are changing',
      sections: [{ heading: '', lines: [sentence] }],
    };
  }

  if (d.variant === 'savePlan') {
    const planAction = (a: PlanAction) => actionLine(a);
    const named = (xs: PlanAction[]) => xs.filter((a) => a.text.trim() !== '');
    const sections: DocSection[] = [
      { heading: `H1 Containment (0–${cfg.savePlanContainmentDays} days)`, bullets: named(d.containment).map(planAction) },
      {
        heading: `H2 Correction (${cfg.savePlanContainmentDays + 1}–${cfg.savePlanCorrectionDays} days)`,
        bullets: named(d.correction).map(planAction),
      },
      { heading: 'Risks, assumptions and dependencies', lines: lines(d.assumptions || d.risks) },
      { heading: 'Version note', lines: [`${d.version.trim() || 'v1'}${d.versionNote.trim() ? ` — ${d.versionNote.trim()}` : ''}`] },
    ];
    return {
      subject: `${account} Save Plan ${d.version.trim() || 'v1'}`,
      title: `Save Plan — ${account}`,
      sections: sections.filter((s) => (s.bullets?.length ?? 0) + (s.lines?.length ?? 0) > 0),
    };
  }

  const { decisions, otherActions } = splitDecisions(d.items, cfg.maxDecisions);
  const sections: DocSection[] = [];
  const heard: string[] = [];
  if (d.weHeard.trim()) heard.push(`We heard: ${d.weHeard.trim()}`);
  if (d.weChanged.trim()) heard.push(`We changed: ${d.weChanged.trim()}`);
  if (heard.length) sections.push({ heading: '', lines: heard });
  sections.push({
    heading: 'What we decided',
    ...(decisions.length ? { items: decisions.map(decisionItem) } : { lines: ['No decision recorded in this meeting.'] }),
  });
  if (otherActions.length) sections.push({ heading: 'Other actions', bullets: otherActions.map((a) => actionLine(a)) });
  if (lines(d.risks).length) sections.push({ heading: 'Risks', lines: lines(d.risks) });
  if (lines(d.healthSinceLast).length) sections.push({ heading: 'Health since our last meeting', bullets: lines(d.healthSinceLast) });
  if (lines(d.openItems).length) sections.push({ heading: 'Open items', bullets: lines(d.openItems) });
  sections.push({
    heading: 'Next cadence',
    lines: [d.nextCadence.trim() ? formatCalendarDate(d.nextCadence.trim()) : 'To be scheduled'],
  });
  return {
    subject: `Recap: ${account}${meeting ? ` — ${meeting}` : ''}`,
    title: `Recap — ${account}${meeting ? ` — ${meeting}` : ''}`,
    sections,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function renderPlain(doc: RecapDocument): string {
  const out: string[] = [doc.title, ''];
  for (const s of doc.sections) {
    if (s.heading) out.push(s.heading);
    for (const l of s.lines ?? []) out.push(l);
    (s.items ?? []).forEach((it, n) => {
      out.push(`${n + 1}. ${it.title}`);
      for (const f of it.fields) out.push(`   ${f.label}: ${f.value}`);
    });
    for (const b of s.bullets ?? []) out.push(`- ${b}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** HTML for the clipboard's text/html: a small fixed structure, every value escaped. */
export function renderHtml(doc: RecapDocument): string {
  const out: string[] = [`<div><h2>${escapeHtml(doc.title)}</h2>`];
  for (const s of doc.sections) {
    if (s.heading) out.push(`<h3>${escapeHtml(s.heading)}</h3>`);
    for (const l of s.lines ?? []) out.push(`<p>${escapeMultiline(l)}</p>`);
    if (s.items?.length) {
      out.push('<ol>');
      for (const it of s.items) {
        const fields = it.fields.map((f) => `<br><em>${escapeHtml(f.label)}:</em> ${escapeHtml(f.value)}`).join('');
        out.push(`<li><strong>${escapeHtml(it.title)}</strong>${fields}</li>`);
      }
      out.push('</ol>');
    }
    if (s.bullets?.length) out.push(`<ul>${s.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
  }
  out.push('</div>');
  return out.join('');
}

export interface ComposedRecap {
  subject: string;
  plain: string;
  html: string;
  document: RecapDocument;
}

export function composeRecap(d: RecapDraft, opts: ComposeOptions = {}): ComposedRecap {
  const document = recapDocument(d, opts);
  return { subject: document.subject, plain: renderPlain(document), html: renderHtml(document), document };
}

/** A mailto: draft (no recipient — the user picks one in their mail client; nothing is sent). */
export function mailtoHref(r: Pick<ComposedRecap, 'subject' | 'plain'>): string {
  return `mailto:?subject=${encodeURIComponent(r.subject)}&body=${encodeURIComponent(r.plain)}`;
}

// ---------------------------------------------------------------------------------------------
// Save Plan checks

/** Save Plan actions whose date falls outside their horizon, counted from the plan's day. */
export function savePlanWarnings(d: RecapDraft, opts: ComposeOptions = {}): string[] {
  const cfg = { ...RECAP_DEFAULTS, ...opts.config };
  if (!isCalendarDate(d.meetingDate)) return [];
  const start = calendarDate(d.meetingDate);
  const out: string[] = [];
  const check = (xs: PlanAction[], from: number, to: number, name: string) => {
    for (const a of xs) {
      if (!a.text.trim()) continue;
      // Save Plan actions need Owner + Date; Budget is "or Action" [L236], so it is not required.
      const missing = creditGate(a).missing.filter((f) => f !== 'budget');
      if (missing.length) out.push(`${name}: “${a.text.trim()}” is missing ${missing.join(', ')}`);
      if (!isCalendarDate(a.dueDate)) continue;
      const days = differenceInCalendarDays(calendarDate(a.dueDate), start);
      if (days < from || days > to) out.push(`${name}: “${a.text.trim()}” is due in ${days} days, outside ${from}–${to} days`);
    }
  };
  check(d.containment, 0, cfg.savePlanContainmentDays, 'H1');
  check(d.correction, cfg.savePlanContainmentDays + 1, cfg.savePlanCorrectionDays, 'H2');
  return out;
}
