// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Signal } from '../engine/signals';
import { send } from '../ui/send';
import { HELD_QBR } from './fixtures';
import { QuickLog } from './QuickLog';
import { button, cleanup, click, field, render, submit, type } from './testing';

vi.mock('../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => sendMock.mockClear());
afterEach(cleanup);

const now = new Date('2026-11-18T15:00:00Z');
const tz = 'America/New_York';
const sent = () => (sendMock.mock.calls.at(-1)![0] as { type: string; signal: unknown });
const MANUAL = { host: 'metronome', pageType: 'manual', url: '', reader: 'user' };

async function pick(container: HTMLElement, label: string) {
  const radio = [...container.querySelectorAll<HTMLInputElement>('.segmented input')].find((i) => i.parentElement?.textContent === label)!;
  await click(radio);
}

describe('QuickLog — each form sends one valid `log` message', () => {
  it('held meeting with attendees (decision-maker / exec flags) and end time', async () => {
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[]} />);
    await type(field(container, 'Started'), '2026-11-18T09:00');
    await type(field(container, 'Ended'), '2026-11-18T10:00');
    await click(button(container, 'Add attendee'));
    await type(container.querySelector('.attendee input'), 'Pat Kim');
    await click(container.querySelectorAll('.attendee input[type="checkbox"]')[1]!); // exec
    await submit(container.querySelector('form'));
    const m = sent();
    expect(m.type).toBe('log');
    const s = Signal.parse(m.signal);
    expect(s).toMatchObject({
      kind: 'meeting',
      accountId: 'acct-acme',
      status: 'held',
      type: 'QBR',
      heldAt: '2026-11-18T14:00:00.000Z',
      endedAt: '2026-11-18T15:00:00.000Z',
      attendees: [{ name: 'Pat Kim', decisionMaker: false, exec: true }],
      source: MANUAL,
    });
  });

  it('marking a planned meeting missed updates that same record', async () => {
    const planned = { ...HELD_QBR, status: 'planned' as const, heldAt: undefined, endedAt: undefined, plannedFor: '2026-11-10T15:00:00Z', attendees: [] };
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[planned]} />);
    await click([...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.parentElement?.textContent?.trim() === 'Missed')!);
    await type(field<HTMLSelectElement>(container, 'Planned meeting'), planned.id);
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({ id: planned.id, meetingId: planned.meetingId, status: 'missed', plannedFor: '2026-11-10T15:00:00Z' });
  });

  it('pulse 1–5 with "what was missing", attached to the latest held meeting', async () => {
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[HELD_QBR]} initialKind="pulse" />);
    await submit(container.querySelector('form'));
    expect(sendMock).not.toHaveBeenCalled(); // no score chosen
    await click(container.querySelectorAll('form input[type="radio"]')[2]!);
    await type(field(container, 'What was missing?'), 'A roadmap view');
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({ kind: 'pulse', score: 3, missing: 'A roadmap view', meetingId: HELD_QBR.meetingId, at: now.toISOString() });
  });

  it('complaint with root-cause tag', async () => {
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[]} />);
    await pick(container, 'Complaint');
    await type(field<HTMLSelectElement>(container, 'Root cause'), 'Relevance');
    await type(field(container, 'What did the client say?'), 'QBRs are all tickets');
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({ kind: 'complaint', rootCause: 'Relevance', summary: 'QBRs are all tickets', at: '2026-11-18T17:00:00.000Z' });
  });

  it('decision with owner, date, budget; "no" needs a decline reason', async () => {
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[]} initialKind="decision" />);
    const form = container.querySelector('form')!;
    await type(field(form, 'Decision'), 'Approve EDR rollout');
    await type(field(container, 'Owner'), 'Dana Cho');
    await type(field(container, 'Date'), '2026-12-04');
    await type(field(container, 'Budget'), '$12,000');
    await type(field<HTMLSelectElement>(container, 'Status'), 'no');
    await submit(container.querySelector('form'));
    expect(sendMock).not.toHaveBeenCalled();
    await type(field<HTMLSelectElement>(container, 'Decline reason'), 'price');
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({
      kind: 'decision',
      title: 'Approve EDR rollout',
      owner: 'Dana Cho',
      dueDate: '2026-12-04',
      budget: '$12,000',
      status: 'no',
      declineReason: 'price',
      decidedAt: now.toISOString(),
    });
  });

  it('stakeholder change and exec seen', async () => {
    const { container } = await render(<QuickLog accountId="acct-acme" tz={tz} now={now} meetings={[]} initialKind="stakeholder" />);
    await type(field(container, 'Name'), 'Lee Park');
    await type(field<HTMLSelectElement>(container, 'Change'), 'left');
    await click(container.querySelector('form input[type="checkbox"]'));
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({ kind: 'stakeholderChange', name: 'Lee Park', change: 'left', exec: true });
    await pick(container, 'Exec seen');
    await type(field(container, 'Executive'), 'Pat Kim');
    await type(field(container, 'Date seen'), '2026-11-16');
    await submit(container.querySelector('form'));
    expect(Signal.parse(sent().signal)).toMatchObject({ kind: 'execSeen', name: 'Pat Kim', at: '2026-11-16T17:00:00.000Z' });
  });
});
