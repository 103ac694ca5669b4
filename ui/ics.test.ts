import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics';

describe('buildIcs — invite drafts (Metronome drafts, never sends; DECISIONS §5)', () => {
  it('builds a UTC event from draft.meeting with the body as description', () => {
    const r = buildIcs(
      { kind: 'invite', subject: 'Reset', body: 'Agenda: recap, two decisions', meeting: { title: 'Acme: 30-minute reset', start: '2026-11-24T10:00:00-05:00', durationMinutes: 30 } },
      { uid: 'cta-1@metronome' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filename).toBe('Acme-30-minute-reset.ics');
    expect(r.text).toContain('BEGIN:VEVENT');
    expect(r.text).toContain('DTSTART:20261124T150000Z');
    expect(r.text).toContain('DURATION:PT30M');
    expect(r.text).toContain('SUMMARY:Acme: 30-minute reset');
    expect(r.text).toContain('UID:cta-1@metronome');
  });
  it('no meeting slot or a bad start is an error, not a file', () => {
    expect(buildIcs({ kind: 'invite', subject: 's', body: 'b' })).toEqual({ ok: false, error: 'This draft has no meeting slot' });
    expect(buildIcs({ kind: 'invite', subject: 's', body: 'b', meeting: { title: 't', start: 'nope', durationMinutes: 30 } }).ok).toBe(false);
  });
});
