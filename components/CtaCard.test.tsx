// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../ui/send';
import { CtaCard } from './CtaCard';
import { CtaList } from './CtaList';
import { cta, NOW, TZ } from './fixtures';
import { button, cleanup, click, field, render, submit, type } from './testing';

vi.mock('../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);

beforeEach(() => sendMock.mockClear());
afterEach(cleanup);

describe('CtaCard — lifecycle buttons send the right messages (DECISIONS §5)', () => {
  it('shows trigger, why, owner, due-by and the first-action clock', async () => {
    const { container } = await render(<CtaCard cta={cta()} now={NOW} tz={TZ} />);
    const t = container.textContent!.replace(/\s+/g, ' ');
    expect(t).toContain('Engagement down: reset the rhythm');
    expect(t).toContain('Two missed touchpoints since 1 Oct.');
    expect(t).toContain('Trigger engagement-down');
    expect(t).toContain('Owner: CSM Sam Lee');
    expect(t).toContain('Due by 20 Nov 2026 (in 2 days)');
    expect(t).toContain('First action: 47 h 00 min left');
  });

  it('an unassigned owner is flagged; a late first action says so', async () => {
    const c = cta({ owner: { role: 'vcio', name: null, unassigned: true }, firstActionDue: '2026-11-18T10:00:00Z' });
    const { container } = await render(<CtaCard cta={c} now={NOW} tz={TZ} />);
    expect(container.querySelector('.unassigned')?.textContent).toContain('unassigned');
    expect(container.textContent).toContain('First action late by 5 h 00 min');
  });

  it('Done → { type: "cta", action: { kind: "done" } }', async () => {
    const { container } = await render(<CtaCard cta={cta()} now={NOW} tz={TZ} />);
    await click(button(container, 'Done'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'cta', ctaId: 'acct-acme:engagement-down:2026-11', action: { kind: 'done' } });
  });

  it('ticking a checklist step → checklist message; unticking sends done: false', async () => {
    const c = cta({ checklistDone: ['s2'] });
    const { container } = await render(<CtaCard cta={c} now={NOW} tz={TZ} />);
    const boxes = container.querySelectorAll<HTMLInputElement>('.checklist input[type="checkbox"]');
    expect([...boxes].map((b) => b.checked)).toEqual([false, true]);
    await click(boxes[0]);
    expect(sendMock).toHaveBeenLastCalledWith({ type: 'cta', ctaId: c.id, action: { kind: 'checklist', stepId: 's1', done: true } });
    await click(boxes[1]);
    expect(sendMock).toHaveBeenLastCalledWith({ type: 'cta', ctaId: c.id, action: { kind: 'checklist', stepId: 's2', done: false } });
  });

  it('log first action with a note', async () => {
    const { container } = await render(<CtaCard cta={cta()} now={NOW} tz={TZ} />);
    await click(button(container, 'Log first action'));
    await type(field(container, 'What did you do?'), '  Called Pat, reset booked for Tue ');
    await submit(container.querySelector('form.subform'));
    expect(sendMock).toHaveBeenCalledWith({
      type: 'cta',
      ctaId: 'acct-acme:engagement-down:2026-11',
      action: { kind: 'firstAction', note: 'Called Pat, reset booked for Tue' },
    });
  });

  it('snooze needs a reason; the date becomes 09:00 that day in the user’s zone', async () => {
    const { container } = await render(<CtaCard cta={cta()} now={NOW} tz={TZ} />);
    await click(button(container, 'Snooze'));
    await type(field(container, 'Snooze until'), '2026-12-01');
    await submit(container.querySelector('form.subform'));
    expect(sendMock).not.toHaveBeenCalled(); // no reason yet
    await type(field(container, 'Reason (required)'), 'Client on holiday');
    await submit(container.querySelector('form.subform'));
    expect(sendMock).toHaveBeenCalledWith({
      type: 'cta',
      ctaId: 'acct-acme:engagement-down:2026-11',
      action: { kind: 'snooze', until: '2026-12-01T14:00:00.000Z', reason: 'Client on holiday' },
    });
  });

  it('a done CTA offers Reopen only', async () => {
    const { container } = await render(<CtaCard cta={cta({ status: 'done', doneAt: '2026-11-18T12:00:00Z' })} now={NOW} tz={TZ} />);
    expect(() => button(container, 'Done')).toThrow();
    await click(button(container, 'Reopen'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'cta', ctaId: 'acct-acme:engagement-down:2026-11', action: { kind: 'reopen' } });
  });

  it('invite drafts offer copy and .ics; email drafts offer copy only; nothing is sent', async () => {
    const invite = cta({
      draft: { kind: 'invite', subject: 'Reset: 30 minutes', body: 'Hi Pat,\n<b>agenda</b>', meeting: { title: 'Acme reset', start: '2026-11-24T15:00:00Z', durationMinutes: 30 } },
    });
    const { container } = await render(<CtaCard cta={invite} now={NOW} tz={TZ} />);
    await click(button(container, 'Invite draft'));
    expect(container.querySelector('.draft__body')?.textContent).toBe('Hi Pat,\n<b>agenda</b>');
    expect(container.querySelector('.draft b')).toBeNull(); // shown as text
    expect(button(container, 'Download .ics')).toBeTruthy();
    expect(button(container, 'Copy invite text')).toBeTruthy();
    const email = cta({ id: 'x', draft: { kind: 'email', subject: 'Recap', body: 'Body' } });
    const r2 = await render(<CtaCard cta={email} now={NOW} tz={TZ} />);
    await click(button(r2.container, 'Email draft'));
    expect(() => button(r2.container, 'Download .ics')).toThrow();
    expect(sendMock).not.toHaveBeenCalled();
  });
});

describe('CtaList — overdue / within 7 days / next 30 days', () => {
  it('groups by due-by with boundaries; later and closed are folded', async () => {
    const list = [
      cta({ id: 'a', title: 'Overdue one', dueBy: '2026-11-18T14:59:00Z' }),
      cta({ id: 'b', title: 'Seven days', dueBy: '2026-11-25T15:00:00Z' }),
      cta({ id: 'c', title: 'Just past seven', dueBy: '2026-11-25T15:01:00Z' }),
      cta({ id: 'd', title: 'Thirty-one days', dueBy: '2026-12-19T15:01:00Z' }),
      cta({ id: 'e', title: 'Closed one', status: 'done' }),
      cta({ id: 'f', title: 'Snoozed past', status: 'snoozed', snoozedUntil: '2026-11-18T00:00:00Z', dueBy: '2026-11-19T00:00:00Z' }),
    ];
    const { container } = await render(<CtaList ctas={list} now={NOW} tz={TZ} />);
    const groups = [...container.querySelectorAll('.cta-group')].map((g) => ({
      title: g.querySelector('h3')?.textContent,
      items: [...g.querySelectorAll('h4')].map((h) => h.textContent),
    }));
    expect(groups).toEqual([
      { title: 'Overdue (1)', items: ['Overdue one'] },
      { title: 'Due within 7 days (2)', items: ['Snoozed past', 'Seven days'] },
      { title: 'Next 30 days (1)', items: ['Just past seven'] },
      { title: 'Later (1)', items: [] },
      { title: 'Done, snoozed and resolved (1)', items: [] },
    ]);
  });
  it('all-accounts view names each card’s account and caps long groups', async () => {
    const many = Array.from({ length: 40 }, (_, i) => cta({ id: `c${i}`, accountId: `acct-${i % 3}`, title: `T${i}` }));
    const names = new Map([['acct-0', 'Zero Ltd'], ['acct-1', 'One Inc'], ['acct-2', 'Two plc']]);
    const { container } = await render(<CtaList ctas={many} now={NOW} tz={TZ} accountNames={names} cap={10} />);
    expect(container.querySelectorAll('article.cta')).toHaveLength(10);
    expect(container.querySelector('.cta__account')?.textContent?.trim()).toBe('Zero Ltd');
    // Compact summaries until opened; opening one shows its lifecycle actions.
    const summary = container.querySelector<HTMLButtonElement>('.cta__summary')!;
    expect(summary.getAttribute('aria-expanded')).toBe('false');
    expect(summary.textContent).toContain('Sam Lee · due 20 Nov 2026 (in 2 days)');
    await click(summary);
    expect(button(container, 'Done')).toBeTruthy();
    await click(button(container, 'Show all 40'));
    expect(container.querySelectorAll('article.cta')).toHaveLength(40);
  });
});
