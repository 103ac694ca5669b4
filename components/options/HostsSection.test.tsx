// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { button, cleanup, click, field, flush, render, submit, type } from '../testing';
import { HostsSection } from './HostsSection';
import { PermissionsContext, type PermissionsApi } from './permissions';

/** A stub of `browser.permissions` holding a set of granted origins. */
function stubPermissions(initial: string[] = []) {
  const granted = new Set(initial);
  const listeners = new Set<() => void>();
  const fire = () => listeners.forEach((l) => l());
  const api = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.add(o));
      fire();
      return true;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      fire();
      return true;
    }),
    getAll: vi.fn(async () => ({ origins: [...granted, 'chrome-extension://abc/*'] })),
    subscribe: vi.fn((l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
  } satisfies PermissionsApi;
  return { api, granted };
}

async function renderHosts(api: PermissionsApi) {
  const r = await render(
    <PermissionsContext.Provider value={api}>
      <HostsSection />
    </PermissionsContext.Provider>,
  );
  await flush();
  return r;
}

afterEach(cleanup);

describe('HostsSection — least privilege: only the origins the user enables (PRODUCT non-negotiables)', () => {
  it('Enable on the ConnectWise card requests exactly its three origins, synchronously in the click (user gesture)', async () => {
    const { api } = stubPermissions();
    const { container } = await renderHosts(api);
    const enable = button(container, 'Enable');
    expect(enable.getAttribute('aria-label')).toBe('Enable ConnectWise PSA (cloud)');
    // Plain dispatch, no awaiting: the request must already have been made when the handler returns.
    enable.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(api.request).toHaveBeenCalledTimes(1);
    expect(api.request).toHaveBeenCalledWith({
      origins: ['https://*.myconnectwise.net/*', 'https://*.connectwise.net/*', 'https://*.myconnectwise.com/*'],
    });
    await flush();
    expect(container.textContent).toContain('ConnectWise PSA (cloud) enabled');
  });

  it('each card asks for its own origins only (Microsoft 365 → the three admin centers)', async () => {
    const { api } = stubPermissions();
    const { container } = await renderHosts(api);
    await click(container.querySelector('[aria-label="Enable Microsoft 365 admin centers"]'));
    expect(api.request).toHaveBeenCalledWith({
      origins: ['https://admin.microsoft.com/*', 'https://entra.microsoft.com/*', 'https://security.microsoft.com/*'],
    });
  });

  it('shows the granted state live: Enabled / Partly enabled / Not enabled, in words and not by colour only', async () => {
    const { api } = stubPermissions(['https://*.autotask.net/*', 'https://*.myconnectwise.net/*']);
    const { container } = await renderHosts(api);
    const statusOf = (name: string) =>
      [...container.querySelectorAll('.host-card')].find((c) => c.querySelector('h3')?.textContent === name)!.querySelector('.host-status')!
        .textContent;
    expect(statusOf('Autotask (Datto) PSA')).toBe('✓ Enabled');
    expect(statusOf('ConnectWise PSA (cloud)')).toBe('◐ Partly enabled (1 of 3 sites)');
    expect(statusOf('HaloPSA (cloud)')).toBe('— Not enabled');
    // Disable on an enabled card removes exactly its origins, then the card updates.
    await click(container.querySelector('[aria-label="Disable Autotask (Datto) PSA"]'));
    expect(api.remove).toHaveBeenCalledWith({ origins: ['https://*.autotask.net/*'] });
    await flush();
    expect(statusOf('Autotask (Datto) PSA')).toBe('— Not enabled');
  });

  it('a declined request is reported, not shown as enabled', async () => {
    const { api } = stubPermissions();
    api.request.mockImplementationOnce(async () => false);
    const { container } = await renderHosts(api);
    await click(container.querySelector('[aria-label="Enable HaloPSA (cloud)"]'));
    await flush();
    expect(container.textContent).toContain('HaloPSA (cloud) was not enabled');
    expect(container.textContent).not.toContain('✓ Enabled');
  });

  it('self-hosted: a valid address requests exactly that one origin; an invalid one requests nothing and says why', async () => {
    const { api } = stubPermissions();
    const { container } = await renderHosts(api);
    const input = field(container, 'PSA address');
    await type(input, 'https://psa.example.com/v4_6_release');
    await submit(container.querySelector('form.self-hosted'));
    expect(api.request).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/without a path/);

    await type(input, 'https://PSA.example.com');
    await submit(container.querySelector('form.self-hosted'));
    expect(api.request).toHaveBeenCalledWith({ origins: ['https://psa.example.com/*'] });
    await flush();
    // Listed among the granted sites, with its own Remove button.
    const remove = container.querySelector<HTMLButtonElement>('[aria-label="Remove access to psa.example.com"]')!;
    expect(remove.closest('li')!.textContent).toContain('self-hosted');
    await click(remove);
    expect(api.remove).toHaveBeenCalledWith({ origins: ['https://psa.example.com/*'] });
  });

  it('the granted list hides the extension\'s own pages and says plainly when nothing is enabled', async () => {
    const { api } = stubPermissions();
    const { container } = await renderHosts(api);
    expect(container.textContent).toContain('None yet. Metronome reads no site until you enable one above.');
    expect(container.textContent).not.toContain('chrome-extension');
    expect(container.textContent).toContain('nothing leaves your browser');
  });
});
