import { describe, expect, it } from 'vitest';
import { parseActionLine, parseActionLines } from './actions';
import { meetingDay } from './dueDate';

const opts = { ref: meetingDay('2026-11-12T15:00:00-05:00', 'America/New_York'), order: 'MDY' as const };

describe('parseActionLine — "X will … by <date>"', () => {
  it('owner, action and relative date', () => {
    expect(parseActionLine('Sam Lee will roll out MFA to finance by Friday', opts)).toEqual({
      kind: 'action',
      title: 'roll out MFA to finance',
      owner: 'Sam Lee',
      dueDate: '2026-11-13',
      dateText: 'Friday',
      budget: null,
      line: 'Sam Lee will roll out MFA to finance by Friday',
    });
  });
  it('"X to …", bullets and US dates', () => {
    const c = parseActionLine('  - Priya to send the renewal quote by 12/04/2026.', opts);
    expect(c).toMatchObject({ kind: 'action', owner: 'Priya', title: 'send the renewal quote', dueDate: '2026-12-04' });
    expect(c?.line).toBe('Priya to send the renewal quote by 12/04/2026.');
  });
  it('"We will" is an action with no owner (the user names one)', () => {
    expect(parseActionLine('We will re-run the phishing test by end of month', opts)).toMatchObject({
      owner: null,
      dueDate: '2026-11-30',
    });
  });
  it('prose is not an action: no date, or a non-person subject', () => {
    expect(parseActionLine('Sam will look into it', opts)).toBeNull();
    expect(parseActionLine('The server will reboot by Friday', opts)).toBeNull();
    expect(parseActionLine('It will be done by Friday', opts)).toBeNull();
    expect(parseActionLine('Sam will be there by the team', opts)).toBeNull();
    expect(parseActionLine('', opts)).toBeNull();
  });
});

describe('parseActionLine — "Action: … — owner, date"', () => {
  it('em dash, owner and EU date with dots', () => {
    expect(parseActionLine('Action: renew firewall licences — Priya Shah, 15.12.2026', opts)).toMatchObject({
      kind: 'action',
      title: 'renew firewall licences',
      owner: 'Priya Shah',
      dueDate: '2026-12-15',
      dateText: '15.12.2026',
    });
  });
  it('date before owner, spaced hyphen, budget', () => {
    expect(parseActionLine('Action item: replace 12 laptops - Dec 15, Dana, $14,400', opts)).toMatchObject({
      title: 'replace 12 laptops',
      owner: 'Dana',
      budget: '$14,400',
    });
  });
  it('decisions with keyed parts', () => {
    expect(parseActionLine('Decision: approve EDR rollout | owner: Dana Cho; due: Jan 8; budget: $12,000', opts)).toMatchObject({
      kind: 'decision',
      title: 'approve EDR rollout',
      owner: 'Dana Cho',
      dueDate: '2027-01-08',
      budget: '$12,000',
    });
  });
  it('"Dec 15, 2026" keeps its year; "$12,000" keeps its thousands', () => {
    expect(parseActionLine('Action: order switches — Dana, Dec 15, 2026, $12,000', opts)).toMatchObject({
      owner: 'Dana',
      dueDate: '2026-12-15',
      budget: '$12,000',
    });
  });
  it('a prefixed line without parts keeps owner/date empty but stays a candidate', () => {
    expect(parseActionLine('Next step: book the roadmap session', opts)).toMatchObject({
      title: 'book the roadmap session',
      owner: null,
      dueDate: null,
    });
  });
  it('a prefixed "X to … by" body', () => {
    expect(parseActionLine('Action: Sam to patch the VPN by Friday', opts)).toMatchObject({
      kind: 'action',
      owner: 'Sam',
      title: 'patch the VPN',
      dueDate: '2026-11-13',
    });
  });
});

describe('parseActionLines', () => {
  it('reading order, de-duplicated, ignores prose, capped', () => {
    const text = [
      'Meeting notes — Acme Dental QBR',
      'We talked about the backup failures in October.',
      '* Sam Lee will roll out MFA to finance by Friday',
      'Decision: approve EDR rollout — Dana, 1/8/2027, $12,000',
      '* Sam Lee will roll out MFA to finance by Friday',
      'Action: schedule budget session — Priya, 12/01',
    ].join('\n');
    const out = parseActionLines(text, opts);
    expect(out.map((c) => [c.kind, c.title, c.owner, c.dueDate])).toEqual([
      ['action', 'roll out MFA to finance', 'Sam Lee', '2026-11-13'],
      ['decision', 'approve EDR rollout', 'Dana', '2027-01-08'],
      ['action', 'schedule budget session', 'Priya', '2026-12-01'],
    ]);
    expect(parseActionLines(text, { ...opts, limit: 1 })).toHaveLength(1);
  });
  it('hostile text is kept as plain text in the candidate (rendering escapes it)', () => {
    const [c] = parseActionLines('Action: <img src=x onerror=alert(1)> — Sam, 12/01', opts);
    expect(c?.title).toBe('<img src=x onerror=alert(1)>');
  });
});
