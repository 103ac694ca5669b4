import { describe, expect, it } from 'vitest';
import { configWith } from '../config';
import { fill, renderDraft, suggestSlot } from './drafts';
import { NY_CONFIG } from './testing';

const at = (s: string) => new Date(s);

describe('drafts: plain text a person sends (Metronome never sends)', () => {
  it('fill replaces known placeholders and leaves unknown ones visible', () => {
    expect(fill('{account}: {x}', { account: 'Acme' })).toBe('Acme: {x}');
  });
  it('invite: slot 2 business days later at 10:00, inside the due window, with the Connect → Clarify → Commit agenda', () => {
    const d = renderDraft(
      { kind: 'invite', subject: '{account}: 30-minute reset', body: 'Hello,', durationMinutes: 30 },
      { config: NY_CONFIG, asOf: at('2026-11-20T11:00:00-05:00'), firedAt: at('2026-11-20T09:00:00-05:00'), dueBy: at('2026-11-27T09:00:00-05:00'), vars: { account: 'Acme Dental', owner: 'Casey CSM' } },
    );
    expect(d.kind).toBe('invite');
    expect(d.subject).toBe('Acme Dental: 30-minute reset');
    expect(d.meeting).toEqual({ title: 'Acme Dental: 30-minute reset', start: '2026-11-24T10:00:00-05:00', durationMinutes: 30 });
    expect(d.body).toBe(
      [
        'Hello,',
        'Proposed time: Tue 24 Nov 2026, 10:00–10:30 (America/New_York). If it does not suit you, reply with a time that does.',
        'Agenda\n1. Connect (2 min): recap of our last decisions and their status\n2. Clarify (5–10 min): Business Outcomes Snapshot and Health snapshot\n3. Commit (rest): at most two decisions, each with owner, date and budget; next meeting date',
        'Best regards,\nCasey CSM',
      ].join('\n\n'),
    );
  });
  it('slot is pulled earlier when the preferred day is past the due-by; overdue → next business day', () => {
    // Fired Fri 16:00, due Mon 17:00 → Monday 10:00 (not Tuesday).
    expect(suggestSlot(NY_CONFIG, at('2026-11-20T16:00:00-05:00'), at('2026-11-23T17:00:00-05:00'), 30).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    // Already overdue → next business day anyway.
    expect(suggestSlot(NY_CONFIG, at('2026-11-20T16:00:00-05:00'), at('2026-11-01T00:00:00-05:00'), 30).toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });
  it('slot time is clamped so the meeting fits inside business hours, and skips holidays', () => {
    const cfg = configWith({ calendar: { timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25'] }, triggers: { drafts: { slotTime: '16:45' } } });
    // Wed Dec 23 + 2 business days → Thu 24 (holiday), Fri 25 (holiday), Mon 28, Tue 29 → Tue 29 at 16:15 (45 min before 17:00).
    expect(suggestSlot(cfg, at('2026-12-23T09:00:00+01:00'), at('2027-01-10T00:00:00+01:00'), 45).toISOString()).toBe('2026-12-29T15:15:00.000Z');
  });
  it('note: "We heard X / We\'ll change Y / You\'ll see Z by <date>" with brackets for what the person must fill', () => {
    const d = renderDraft(
      { kind: 'note', subject: '{account}: what we heard', body: '' },
      { config: NY_CONFIG, asOf: at('2026-11-20T11:00:00-05:00'), firedAt: at('2026-11-20T09:00:00-05:00'), dueBy: at('2026-11-24T09:00:00-05:00'), vars: { account: 'Acme', heard: 'recaps arrive late', owner: 'Casey CSM' } },
    );
    expect(d).toEqual({
      kind: 'note',
      subject: 'Acme: what we heard',
      body: "Hello,\n\nWe heard: recaps arrive late\nWe'll change: [what we will change]\nYou'll see: [what the client will see] by Tue 24 Nov 2026\n\nBest regards,\nCasey CSM",
    });
  });
  it('page text is inserted as text, not markup', () => {
    const d = renderDraft(
      { kind: 'email', subject: '{account}', body: '{why}' },
      { config: NY_CONFIG, asOf: at('2026-11-20T11:00:00-05:00'), firedAt: at('2026-11-20T09:00:00-05:00'), dueBy: at('2026-11-24T09:00:00-05:00'), vars: { account: '<b>Acme</b>', why: '<script>x</script>', owner: 'C' } },
    );
    expect(d.subject).toBe('<b>Acme</b>');
    expect(d.body).toBe('<script>x</script>\n\nBest regards,\nC');
  });
});
