import { describe, expect, it } from 'vitest';
import {
  composeRecap,
  creditGate,
  formatCalendarDate,
  mailtoHref,
  savePlanWarnings,
  splitDecisions,
} from './compose';
import { emptyDraft, emptyItem, emptyPlanAction, restoreDraft } from './draft';

const A = emptyItem({ title: 'Approve EDR rollout', whyThis: 'Ransomware exposure', whyNow: 'Insurance renewal in Jan', impact: 'Covers 48 endpoints', owner: 'Dana Cho', dueDate: '2026-12-04', budget: '$12,000' });
const B = emptyItem({ title: 'Move backups to immutable storage', owner: 'Sam Lee', dueDate: '2027-01-15', budget: '' });
const C = emptyItem({ title: 'Replace 12 laptops', owner: 'Priya', dueDate: '2027-02-01', budget: '$14,400' });

describe('splitDecisions — DECISIONS §6: max two decisions, a third is an "other action"', () => {
  it('two stay decisions, the third becomes an other action', () => {
    const s = splitDecisions([A, B, C]);
    expect(s.decisions.map((d) => d.title)).toEqual([A.title, B.title]);
    expect(s.otherActions.map((d) => d.title)).toEqual([C.title]);
  });
  it('exactly two: no other action; empty titles are ignored', () => {
    const s = splitDecisions([A, emptyItem(), B]);
    expect(s.decisions).toHaveLength(2);
    expect(s.otherActions).toHaveLength(0);
  });
  it('the limit is configuration', () => {
    expect(splitDecisions([A, B, C], 1).otherActions).toHaveLength(2);
  });
});

describe('creditGate — DECISIONS §6: owner + date + budget', () => {
  it('complete only with all three', () => {
    expect(creditGate(A)).toEqual({ passes: true, missing: [] });
    expect(creditGate(B)).toEqual({ passes: false, missing: ['budget'] });
    expect(creditGate({ owner: ' ', dueDate: 'Friday', budget: '$1' })).toEqual({ passes: false, missing: ['owner', 'date'] });
  });
});

describe('composeRecap — template "What we decided / Why now / Owner & date / Risks / Next cadence" [L116]', () => {
  const draft = emptyDraft({
    accountName: 'Acme Dental',
    meetingLabel: 'QBR, Thu 12 Nov 2026',
    weHeard: 'Tickets reopen too often',
    weChanged: 'A TAM now reviews every reopened ticket',
    items: [A, B, C],
    risks: 'Insurance questionnaire due before the rollout\n',
    healthSinceLast: 'Engagement: Yellow 68 (−7)',
    nextCadence: '2027-02-11',
  });
  const r = composeRecap(draft);
  it('plain text: exact layout', () => {
    expect(r.plain).toBe(
      [
        'Recap — Acme Dental — QBR, Thu 12 Nov 2026',
        '',
        'We heard: Tickets reopen too often',
        'We changed: A TAM now reviews every reopened ticket',
        '',
        'What we decided',
        '1. Approve EDR rollout',
        '   Why this: Ransomware exposure',
        '   Why now: Insurance renewal in Jan',
        '   Impact: Covers 48 endpoints',
        '   Owner & date: Dana Cho, Fri 4 Dec 2026',
        '   Budget: $12,000',
        '2. Move backups to immutable storage',
        '   Owner & date: Sam Lee, Fri 15 Jan 2027',
        '   Budget: to be confirmed',
        '',
        'Other actions',
        '- Replace 12 laptops — Priya, Mon 1 Feb 2027 · Budget: $14,400',
        '',
        'Risks',
        'Insurance questionnaire due before the rollout',
        '',
        'Health since our last meeting',
        '- Engagement: Yellow 68 (−7)',
        '',
        'Next cadence',
        'Thu 11 Feb 2027',
        '',
      ].join('\n'),
    );
    expect(r.subject).toBe('Recap: Acme Dental — QBR, Thu 12 Nov 2026');
  });
  it('no decisions is said plainly; no next date says "To be scheduled"', () => {
    const p = composeRecap(emptyDraft({ accountName: 'X' })).plain;
    expect(p).toContain('No decision recorded in this meeting.');
    expect(p).toContain('To be scheduled');
  });
  it('HTML has the same content in a fixed structure', () => {
    expect(r.html).toContain('<h3>What we decided</h3><ol><li><strong>Approve EDR rollout</strong><br><em>Why this:</em> Ransomware exposure');
    expect(r.html).toContain('<h3>Other actions</h3><ul><li>Replace 12 laptops — Priya, Mon 1 Feb 2027 · Budget: $14,400</li></ul>');
  });
});

describe('composeRecap — escaping: page text never becomes markup', () => {
  const evil = emptyDraft({
    accountName: 'Acme <script>alert(1)</script>',
    meetingLabel: 'QBR',
    weHeard: '<img src=x onerror=alert(document.cookie)>',
    items: [emptyItem({ title: '"><script>steal()</script>', owner: "O'Brien & Co", dueDate: '2026-12-04', budget: '<b>5k</b>' })],
    risks: 'line 1\n<iframe src="javascript:alert(1)">',
  });
  const r = composeRecap(evil);
  it('HTML output contains no live tags from values', () => {
    expect(r.html).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(r.html).toContain('&lt;img src=x onerror=alert(document.cookie)&gt;');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;');
    expect(r.html).toContain('O&#39;Brien &amp; Co');
    expect(r.html).toContain('&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;');
  });
  it('HTML parses to exactly the tags the renderer emits', () => {
    const tags = [...r.html.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['div', 'h2', 'h3', 'p', 'ol', 'li', 'strong', 'br', 'em']));
  });
  it('plain text keeps the characters as written', () => {
    expect(r.plain).toContain('We heard: <img src=x onerror=alert(document.cookie)>');
    expect(r.plain).toContain('1. "><script>steal()</script>');
  });
  it('mailto encodes everything', () => {
    const href = mailtoHref(r);
    expect(href.startsWith('mailto:?subject=Recap%3A%20Acme%20%3Cscript%3E')).toBe(true);
    expect(href).not.toMatch(/[<>\s"]/);
  });
});

describe('variants', () => {
  it('We heard X / We’ll change Y / You’ll see Z by <date> [L117]', () => {
    const r = composeRecap(
      emptyDraft({ variant: 'weHeard', accountName: 'Acme', weHeard: 'recaps arrive late', weWillChange: 'who writes them', youWillSee: 'every recap within 48 hours', byDate: '2026-11-27' }),
    );
    expect(r.plain).toBe(
      'What we heard, and what we are changing\n\nWe heard recaps arrive late. We’ll change who writes them. You’ll see every recap within 48 hours by Fri 27 Nov 2026.\n',
    );
  });
  it('Save Plan: H1 0–14 d, H2 15–60 d, risks, version note [L236–L237]', () => {
    const d = emptyDraft({
      variant: 'savePlan',
      accountName: 'Acme',
      meetingDate: '2026-11-12',
      containment: [emptyPlanAction({ text: 'Daily ticket triage', owner: 'Sam', dueDate: '2026-11-16', budget: '' })],
      correction: [emptyPlanAction({ text: 'Reset QBR rhythm', owner: 'Dana', dueDate: '2026-12-20', budget: '$0' })],
      assumptions: 'Client keeps the exec sponsor',
      version: 'v2',
      versionNote: 'Moved MFA to Q1',
    });
    const p = composeRecap(d).plain;
    expect(p).toContain('H1 Containment (0–14 days)\n- Daily ticket triage — Sam, Mon 16 Nov 2026\n');
    expect(p).toContain('H2 Correction (15–60 days)\n- Reset QBR rhythm — Dana, Sun 20 Dec 2026 · Budget: $0\n');
    expect(p).toContain('Version note\nv2 — Moved MFA to Q1');
    expect(savePlanWarnings(d)).toEqual([]);
  });
  it('Save Plan warnings: outside horizon (both edges) and missing owner/date', () => {
    const d = emptyDraft({
      variant: 'savePlan',
      meetingDate: '2026-11-12',
      containment: [
        emptyPlanAction({ text: 'on the edge', owner: 'A', dueDate: '2026-11-26' }), // day 14: inside
        emptyPlanAction({ text: 'too late', owner: 'A', dueDate: '2026-11-27' }), // day 15
        emptyPlanAction({ text: 'nobody', owner: '', dueDate: '' }),
      ],
      correction: [emptyPlanAction({ text: 'too early', owner: 'B', dueDate: '2026-11-26' })], // day 14 < 15
    });
    expect(savePlanWarnings(d)).toEqual([
      'H1: “too late” is due in 15 days, outside 0–14 days',
      'H1: “nobody” is missing owner, date',
      'H2: “too early” is due in 14 days, outside 15–60 days',
    ]);
  });
});

describe('drafts', () => {
  it('restoreDraft defaults missing keys and rejects junk', () => {
    const d = restoreDraft({ accountName: 'Acme', items: 'nope', variant: 'bogus', extra: 1 });
    expect(d?.accountName).toBe('Acme');
    expect(d?.items).toEqual([]);
    expect(d?.variant).toBe('recap');
    expect(d).not.toHaveProperty('extra');
    expect(restoreDraft(null)).toBeNull();
    expect(restoreDraft('x')).toBeNull();
  });
  it('formatCalendarDate leaves non-dates as written', () => {
    expect(formatCalendarDate('next week')).toBe('next week');
  });
});
