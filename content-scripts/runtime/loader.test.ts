import { describe, expect, it, vi } from 'vitest';
import { isReaderLoadRequest, READER_LOAD_MESSAGE, startLoader } from './loader';

/** A window stand-in: readyState, load listeners, idle callbacks and timers run by hand. */
function fakeWindow(readyState: DocumentReadyState) {
  const load: Array<() => void> = [];
  const idle: Array<() => void> = [];
  const timers: Array<() => void> = [];
  const win = {
    document: { readyState },
    addEventListener: (type: string, cb: () => void) => type === 'load' && load.push(cb),
    requestIdleCallback: (cb: () => void) => idle.push(cb),
    setTimeout: (cb: () => void) => timers.push(cb),
  };
  return { win: win as unknown as Window, load, idle, timers };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('reader loader: nothing before the load event', () => {
  it('a loading page: waits for load, then for idle time, then asks once', async () => {
    const f = fakeWindow('interactive');
    const sendMessage = vi.fn(async () => ({ ok: true }));
    startLoader(f.win, { sendMessage });
    expect(f.idle).toHaveLength(0);
    expect(sendMessage).not.toHaveBeenCalled();
    f.load[0]!();
    expect(sendMessage).not.toHaveBeenCalled();
    f.idle[0]!();
    await flush();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: READER_LOAD_MESSAGE });
    expect(f.timers).toHaveLength(0);
  });
  it('an already loaded page: asks at the next idle time', () => {
    const f = fakeWindow('complete');
    const sendMessage = vi.fn(async () => ({ ok: true }));
    startLoader(f.win, { sendMessage });
    expect(f.load).toHaveLength(0);
    f.idle[0]!();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
  it('retries a refused or failed request, at most `attempts` times in all', async () => {
    const f = fakeWindow('complete');
    const sendMessage = vi.fn().mockRejectedValueOnce(new Error('worker stopped')).mockResolvedValueOnce({ ok: false }).mockResolvedValue({ ok: true });
    startLoader(f.win, { sendMessage }, { attempts: 3 });
    f.idle[0]!();
    await flush();
    f.timers.shift()!();
    await flush();
    f.timers.shift()!();
    await flush();
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(f.timers).toHaveLength(0);
  });
  it('gives up after `attempts` failures', async () => {
    const f = fakeWindow('complete');
    const sendMessage = vi.fn(async () => ({ ok: false }));
    startLoader(f.win, { sendMessage }, { attempts: 2 });
    f.idle[0]!();
    await flush();
    f.timers.shift()!();
    await flush();
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(f.timers).toHaveLength(0);
  });
  it('an orphaned loader (extension reloaded: sendMessage throws) stops quietly', () => {
    const f = fakeWindow('complete');
    startLoader(f.win, { sendMessage: () => { throw new Error('Extension context invalidated.'); } });
    expect(() => f.idle[0]!()).not.toThrow();
    expect(f.timers).toHaveLength(0);
  });
});

describe('isReaderLoadRequest', () => {
  it('only the loader message', () => {
    expect(isReaderLoadRequest({ type: READER_LOAD_MESSAGE })).toBe(true);
    expect(isReaderLoadRequest({ type: 'reading' })).toBe(false);
    expect(isReaderLoadRequest(null)).toBe(false);
    expect(isReaderLoadRequest('reader.load')).toBe(false);
  });
});
