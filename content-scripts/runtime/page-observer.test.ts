import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { installPageObserver, isObservedUrl, OBSERVER_MESSAGE } from './page-observer';

describe('isObservedUrl: only whitelisted API paths are forwarded', () => {
  const base = 'https://acme.halopsa.com/ticket?id=5';
  it.each([
    ['/api/Tickets', true],
    ['/api/Tickets/1234', true],
    ['https://acme.halopsa.com/api/Client/55', true],
    ['/api/ClientContract', true],
    ['https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails', true],
    ['https://graph.microsoft.com/v1.0/subscribedSkus', true],
    ['/api/Agent/me', false],
    ['/api/Tickets/1234/attachments', false],
    ['javascript:alert(1)', false],
    ['/auth/token', false],
  ])('%s → %s', (url, expected) => {
    expect(isObservedUrl(url, base) !== null).toBe(expected);
  });
});

describe('installPageObserver: wraps the page once, however often it is installed', () => {
  it('a second install (late injection into an open tab, or an update) forwards each response once', async () => {
    const dom = new JSDOM('<!DOCTYPE html><body></body>', { url: 'https://acme.halopsa.com/ticket?id=5' });
    const win = dom.window as unknown as Window & typeof globalThis;
    let calls = 0;
    win.fetch = (async () => {
      calls++;
      return new Response('{"id":5}', { status: 200 });
    }) as typeof fetch;
    const posted: unknown[] = [];
    win.postMessage = ((m: { type?: string }) => {
      if (m?.type === OBSERVER_MESSAGE) posted.push(m);
    }) as typeof win.postMessage;

    installPageObserver(win);
    const wrapped = win.fetch;
    installPageObserver(win);
    expect(win.fetch).toBe(wrapped); // not wrapped a second time

    await win.fetch('/api/Tickets/5');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
    expect(posted).toHaveLength(1);
    dom.window.close();
  });
});
