// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
vi.mock('../ui/send', () => ({ send: vi.fn(async (m: unknown) => (sent.push(m), { ok: true })) }));
vi.mock('wxt/browser', () => ({ browser: { tabs: { sendMessage: vi.fn(async (_id: number, m: unknown) => (sent.push(m), { ok: true })) } } }));

import type { Account } from '../engine/signals';
import { TenantLink } from './TenantLink';

const acct = (id: string, name: string, tenants: string[] = []): Account =>
  ({ id, name, aliases: [], psaRefs: [], tenants, roles: {}, firstSeenAt: '2026-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }) as Account;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let host: HTMLDivElement;
beforeEach(() => {
  sent.length = 0;
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => host.remove());

describe('TenantLink', () => {
  it('links the tenant to the chosen account (keeping its other tenants) and re-reads the page', async () => {
    const root = createRoot(host);
    await act(async () => root.render(<TenantLink tenant="Contoso.com" tabId={7} accounts={[acct('a1', 'Contoso Ltd', ['old.example']), acct('a2', 'Fabrikam, Inc.')]} />));
    expect(host.textContent).toContain('Contoso.com');
    const input = host.querySelector('input')!;
    await act(async () => {
      input.focus();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, 'Contoso');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const link = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Link to'));
    expect(link?.textContent).toBe('Link to Contoso Ltd');
    await act(async () => link!.click());
    expect(sent).toEqual([
      { type: 'account.update', accountId: 'a1', patch: { tenants: ['old.example', 'contoso.com'] } },
      { type: 'page.reread' },
    ]);
    expect(host.textContent).toContain('Contoso.com is now linked to Contoso Ltd.');
    root.unmount();
  });
});
