// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DecisionSignal } from '../engine/signals';
import { draftKey } from '../ui/storageLocal';
import { send } from '../ui/send';
import { ACCOUNT, cta, HEALTH, HELD_QBR, SNAPSHOTS } from './fixtures';
import { RecapComposer } from './RecapComposer';
import { button, byText, cleanup, click, field, flush, render, type } from './testing';

vi.mock('../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);

const writeText = vi.fn(async (_: string) => {});
const write = vi.fn(async (_: unknown) => {});
class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob>) {}
}

beforeEach(() => {
  fakeBrowser.reset();
  sendMock.mockClear();
  sendMock.mockImplementation(async () => ({ ok: true }));
  writeText.mockClear();
  write.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText, write }, configurable: true });
  (globalThis as { ClipboardItem?: unknown }).ClipboardItem = FakeClipboardItem;
});
afterEach(cleanup);

const decision = (n: number, extra: Partial<DecisionSignal> = {}): DecisionSignal => ({
  id: `decision:manual:${n}`,
  accountId: ACCOUNT.id,
  observedAt: '2026-11-12T21:00:00Z',
  source: { host: 'metronome', pageType: 'manual', url: '', reader: 'user' },
  kind: 'decision',
  decisionId: `decision:manual:${n}`,
  meetingId: HELD_QBR.meetingId,
  title: `Decision ${n}`,
  proposedAt: `2026-11-12T20:0${n}:00Z`,
  status: 'yes',
  decidedAt: '2026-11-12T21:00:00Z',
  ...extra,
});

function blobText(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}

const base = {
  account: ACCOUNT,
  health: HEALTH,
  meetings: [HELD_QBR],
  decisions: [
    decision(1, { owner: 'Dana Cho', dueDate: '2026-12-04', budget: '$12,000' }),
    decision(2, { owner: 'Sam Lee' }),
    decision(3),
    decision(9, { meetingId: 'other', status: 'pending', decidedAt: undefined, title: 'Old proposal' }),
  ],
  pulses: [],
  complaints: [],
  ctas: [cta()],
  snapshots: SNAPSHOTS,
  tz: 'America/New_York',
  now: new Date('2026-11-13T21:00:00Z'), // 24 h after the meeting's end (16:00 EST = 21:00Z on 12 Nov)
  tabId: 7,
};

async function renderComposer(over: Partial<typeof base> = {}) {
  const r = await render(<RecapComposer {...base} {...over} />);
  await flush(); // the autosaved-draft lookup
  return r;
}

describe('RecapComposer — DECISIONS §6', () => {
  it('prefills from the account: two decisions with credit gate, the third as other action, open items, health Δ, next cadence', async () => {
    // Δ is since the meeting before this one (Roadmap on 2 Nov → baseline = October month-end).
    const previous = { ...HELD_QBR, id: 'meeting:manual:rm', meetingId: 'meeting:manual:rm', type: 'Roadmap' as const, heldAt: '2026-11-02T15:00:00-05:00', endedAt: undefined };
    const { container } = await renderComposer({ meetings: [HELD_QBR, previous] });
    const groups = [...container.querySelectorAll('.item')].map((g) => g.getAttribute('aria-label'));
    expect(groups).toEqual(['Decision 1', 'Decision 2', 'Other action (over the decision limit)']);
    const gates = [...container.querySelectorAll('.gate')].map((g) => g.textContent?.replace(/\s+/g, ' ').trim());
    expect(gates).toEqual(['✓ Credit gate: complete (owner + date + budget)', '✗ Credit gate: missing date, budget']);
    expect(field<HTMLTextAreaElement>(container, /^Open items/).value).toBe(
      'Open decision: Old proposal, proposed 2026-11-12\nEngagement down: reset the rhythm — Sam Lee, due 2026-11-20',
    );
    expect(field<HTMLTextAreaElement>(container, /^Health since our last meeting/).value.split('\n')[0]).toBe(
      'Client Experience: Red 41 (−14 since last meeting)',
    );
    expect(field(container, 'Next cadence').value).toBe('2027-02-11');
  });

  it('shows the live 48 h countdown from the meeting’s end, in the user’s zone', async () => {
    const { container } = await renderComposer();
    const timer = container.querySelector('[role="timer"]')!;
    expect(timer.textContent).toBe('24 h 00 min left · due Sat 14 Nov 2026, 16:00');
    expect(timer.className).toContain('countdown--ok');
  });

  it('copy as rich text writes escaped HTML + plain text and records recap.sent once', async () => {
    const { container } = await renderComposer();
    await type(field(container, 'We heard'), '<img src=x onerror=alert(1)>');
    await click(button(container, 'Copy rich text'));
    expect(write).toHaveBeenCalledTimes(1);
    const item = write.mock.calls[0]![0] as FakeClipboardItem[];
    const html = await blobText(item[0]!.items['text/html']!);
    const plain = await blobText(item[0]!.items['text/plain']!);
    expect(html).toContain('We heard: &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(plain).toContain('We heard: <img src=x onerror=alert(1)>');
    expect(sendMock).toHaveBeenCalledWith({ type: 'recap.sent', accountId: ACCOUNT.id, meetingId: HELD_QBR.meetingId, at: expect.any(String) });
  });

  it('a recap already sent does not move its recap time on a later copy', async () => {
    const { container } = await renderComposer({ meetings: [{ ...HELD_QBR, recapSentAt: '2026-11-13T12:00:00Z' }] });
    await click(button(container, 'Copy plain text'));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(sendMock).not.toHaveBeenCalled();
    expect(container.querySelector('[role="timer"]')?.textContent).toMatch(/^Sent 33 h 00 min before the deadline/);
  });

  it('insert into the PSA note field sends page.insertNote with plain text, then recap.sent', async () => {
    const { container } = await renderComposer();
    await click(button(container, 'Insert into PSA note'));
    expect(sendMock.mock.calls[0]![0]).toMatchObject({ type: 'page.insertNote', tabId: 7 });
    expect((sendMock.mock.calls[0]![0] as { text: string }).text).toMatch(/^Recap — Acme Dental — QBR, Thu 12 Nov 2026\n/);
    expect(sendMock.mock.calls[1]![0]).toMatchObject({ type: 'recap.sent', meetingId: HELD_QBR.meetingId });
  });

  it('"Use this page": page text lands in the notes as text; action lines become candidates with owner and date', async () => {
    sendMock.mockImplementation(async (m) =>
      (m as { type: string }).type === 'page.mainText'
        ? { ok: true, data: { text: 'Notes <script>alert(1)</script>\nPriya will send the renewal quote by Friday\n<img src=x onerror=alert(2)>' } }
        : { ok: true },
    );
    const { container } = await renderComposer();
    await click(button(container, 'Use this page'));
    expect(sendMock).toHaveBeenCalledWith({ type: 'page.mainText', tabId: 7 });
    const notes = container.querySelector<HTMLTextAreaElement>('.notes textarea')!;
    expect(notes.value).toContain('<script>alert(1)</script>');
    expect(container.querySelector('script, img')).toBeNull();
    const cand = container.querySelector('.candidates li')!;
    // Meeting Thu 12 Nov (New York) → "by Friday" = 13 Nov.
    expect(cand.textContent).toContain('send the renewal quote — Priya, 2026-11-13 (“Friday”)');
    await click(byText(cand, 'Add', 'button')[0]);
    // Already 3 items → the new one is an "other action".
    expect([...container.querySelectorAll('.item')].map((g) => g.getAttribute('aria-label'))).toHaveLength(4);
  });

  it('drafts autosave per meeting and survive closing the panel', async () => {
    const first = await renderComposer();
    await type(field(first.container, 'Risks'), 'Insurance questionnaire');
    first.unmount(); // closing the panel flushes the pending save
    await flush();
    const key = draftKey(ACCOUNT.id, HELD_QBR.meetingId, 'recap');
    const saved = (await fakeBrowser.storage.local.get(key))[key] as { risks: string };
    expect(saved.risks).toBe('Insurance questionnaire');
    const again = await renderComposer();
    expect(field<HTMLTextAreaElement>(again.container, 'Risks').value).toBe('Insurance questionnaire');
    expect(again.container.textContent).toContain('Restored your saved draft.');
  });

  it('save to decision log: first two as decisions, the third with otherAction', async () => {
    const { container } = await renderComposer();
    await click(button(container, /^Save to decision log/));
    const logged = sendMock.mock.calls.map((c) => (c[0] as { signal: DecisionSignal }).signal);
    expect(logged.map((s) => [s.decisionId, s.otherAction ?? false, s.meetingId])).toEqual([
      ['decision:manual:1', false, HELD_QBR.meetingId],
      ['decision:manual:2', false, HELD_QBR.meetingId],
      ['decision:manual:3', true, HELD_QBR.meetingId],
    ]);
    expect(logged[0]).toMatchObject({ owner: 'Dana Cho', dueDate: '2026-12-04', budget: '$12,000', status: 'yes', source: { host: 'metronome', pageType: 'manual', url: '', reader: 'user' } });
  });

  it('the only meeting has no "since last meeting" Δ (no baseline is invented)', async () => {
    const { container } = await renderComposer();
    expect(field<HTMLTextAreaElement>(container, /^Health since our last meeting/).value.split('\n')[0]).toBe('Client Experience: Red 41');
  });

  it('no held strategic meeting: says so instead of composing', async () => {
    const { container } = await renderComposer({ meetings: [] });
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/No held strategic meeting for Acme Dental yet/);
  });

  it('Save Plan variant for an at-risk account prefills the risks', async () => {
    const { container } = await renderComposer();
    await click(container.querySelectorAll('.composer .segmented input[type="radio"]')[1]!);
    await flush();
    expect(container.textContent).toContain('H1 Containment (0–14 days)');
    expect(field<HTMLTextAreaElement>(container, 'Risks, assumptions and dependencies').value).toBe('Risk: Two consecutive missed strategic meetings');
  });
});
