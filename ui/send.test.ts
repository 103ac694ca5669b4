import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentNotices, resetNotices } from './notices';
import { send } from './send';

beforeEach(() => {
  fakeBrowser.reset();
  resetNotices();
});
afterEach(() => vi.restoreAllMocks());

describe('send — every write is a validated message; failures reach the user', () => {
  it('a valid message goes to the background and its reply comes back', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { accountId: 'a' } } as never);
    const r = await send({ type: 'tab.account', tabId: 4 });
    expect(spy).toHaveBeenCalledWith({ type: 'tab.account', tabId: 4 });
    expect(r).toEqual({ ok: true, data: { accountId: 'a' } });
    expect(currentNotices()).toEqual([]);
  });
  it('tab.account (checked by hand, not by the schema): exactly { type, tabId: integer } goes; anything else is refused like the schema does', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
    expect((await send({ type: 'tab.account', tabId: 0 })).ok).toBe(true);
    expect((await send({ type: 'tab.account', tabId: 1.5 }, { quiet: true })).ok).toBe(false);
    expect((await send({ type: 'tab.account', tabId: '4' } as never, { quiet: true })).ok).toBe(false);
    expect((await send({ type: 'tab.account', tabId: 4, extra: 1 } as never, { quiet: true })).ok).toBe(false);
    expect((await send({ type: 'tab.account' } as never, { quiet: true })).ok).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith({ type: 'tab.account', tabId: 0 });
  });
  it('an invalid message is never sent and the user is told why', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const r = await send({ type: 'cta', ctaId: 'x', action: { kind: 'snooze', until: 'tomorrow', reason: 'no' } });
    expect(spy).not.toHaveBeenCalled();
    expect(r.ok).toBe(false);
    expect(currentNotices()[0]?.kind).toBe('error');
    expect(currentNotices()[0]?.text).toMatch(/^Not saved — check the form: .*action\.until/);
  });
  it('{ ok: false } from the background becomes a notice; quiet suppresses it', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'unknown CTA "x"' } as never);
    expect(await send({ type: 'cta', ctaId: 'x', action: { kind: 'done' } })).toEqual({ ok: false, error: 'unknown CTA "x"' });
    expect(currentNotices().map((n) => n.text)).toEqual(['unknown CTA "x"']);
    await send({ type: 'cta', ctaId: 'x', action: { kind: 'done' } }, { quiet: true });
    expect(currentNotices()).toHaveLength(1);
  });
  it('no answer (worker gone, no listener) is an error, not a hang', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    const r = await send({ type: 'sample.load' });
    expect(r).toEqual({ ok: false, error: 'Metronome’s background did not answer (Could not establish connection)' });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    expect((await send({ type: 'sample.load' })).ok).toBe(false);
  });
  it('page.mainText and page.insertNote are part of the protocol', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect((await send({ type: 'page.mainText', tabId: 1 })).ok).toBe(true);
    expect((await send({ type: 'page.insertNote', tabId: 1, text: 'Recap' })).ok).toBe(true);
    expect((await send({ type: 'page.insertNote', tabId: 1, text: '' })).ok).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
