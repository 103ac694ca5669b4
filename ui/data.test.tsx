// @vitest-environment jsdom
/** `useLoadedConfig`: the side panel's configuration without zod on its first render. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { cleanup, flush, render } from '../components/testing';
import type { MetronomeDb } from '../storage/db';
import { account, freshDb } from '../storage/testing';
import { cachedConfig, forgetConfig, rememberConfig } from './configCache';
import { CONFIG_SETTING_KEY, DbProvider, useAccounts, useLoadedConfig, usePortfolioState } from './data';

let db: MetronomeDb;
afterEach(async () => {
  cleanup();
  forgetConfig();
  await db?.delete();
});

async function until(fn: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await flush();
  }
}

function ShowConfig({ revalidate }: { revalidate: boolean }) {
  const c = useLoadedConfig({ revalidate });
  return <p id="tz">{c ? `${c.calendar.timeZone} ${c.health.execSponsorDays}` : 'loading'}</p>;
}
const shown = (c: HTMLElement) => c.querySelector('#tz')?.textContent;
const BERLIN = { calendar: { timeZone: 'Europe/Berlin' } };

// Order matters: the first test runs before this file has loaded the configuration module.
describe('useLoadedConfig', () => {
  it('a configuration remembered for the stored overrides renders first; the module, once asked, replaces it when it differs', async () => {
    db = freshDb();
    await db.settings.put({ key: CONFIG_SETTING_KEY, value: BERLIN, updatedAt: '2026-11-17T09:00:00.000Z' });
    // A remembered entry that is not what resolving gives (as after an update that changed defaults).
    const stale = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone: 'Europe/Berlin' }, health: { ...DEFAULT_CONFIG.health, execSponsorDays: 7 } };
    rememberConfig(BERLIN, stale);
    const { container, rerender } = await render(
      <DbProvider db={db}>
        <ShowConfig revalidate={false} />
      </DbProvider>,
    );
    await until(() => shown(container) !== 'loading');
    expect(shown(container)).toBe('Europe/Berlin 7');
    await rerender(
      <DbProvider db={db}>
        <ShowConfig revalidate />
      </DbProvider>,
    );
    await until(() => shown(container) !== 'Europe/Berlin 7');
    expect(shown(container)).toBe(`Europe/Berlin ${DEFAULT_CONFIG.health.execSponsorDays}`);
    expect(cachedConfig(BERLIN)?.health.execSponsorDays).toBe(DEFAULT_CONFIG.health.execSponsorDays);
  });

  it('nothing remembered: loads the module even before revalidate, resolves the overrides and remembers them', async () => {
    db = freshDb();
    await db.settings.put({ key: CONFIG_SETTING_KEY, value: BERLIN, updatedAt: '2026-11-17T09:00:00.000Z' });
    const { container } = await render(
      <DbProvider db={db}>
        <ShowConfig revalidate={false} />
      </DbProvider>,
    );
    await until(() => shown(container) !== 'loading');
    expect(shown(container)).toBe(`Europe/Berlin ${DEFAULT_CONFIG.health.execSponsorDays}`);
    expect(cachedConfig(BERLIN)?.calendar.timeZone).toBe('Europe/Berlin');
  });

  it('invalid stored overrides fall back to the defaults; none stored is the defaults', async () => {
    db = freshDb();
    const { container } = await render(
      <DbProvider db={db}>
        <ShowConfig revalidate />
      </DbProvider>,
    );
    await until(() => shown(container) !== 'loading');
    expect(shown(container)).toBe(`${DEFAULT_CONFIG.calendar.timeZone} ${DEFAULT_CONFIG.health.execSponsorDays}`);
    await act(async () => void (await db.settings.put({ key: CONFIG_SETTING_KEY, value: BERLIN, updatedAt: '2026-11-17T09:00:00.000Z' })));
    await until(() => shown(container)?.startsWith('Europe/Berlin') ?? false);
    await act(async () => void (await db.settings.put({ key: CONFIG_SETTING_KEY, value: { calendar: { timeZone: 'Not/AZone' } }, updatedAt: '2026-11-17T09:00:00.000Z' })));
    await until(() => shown(container)?.startsWith(DEFAULT_CONFIG.calendar.timeZone) ?? false);
    expect(shown(container)).toBe(`${DEFAULT_CONFIG.calendar.timeZone} ${DEFAULT_CONFIG.health.execSponsorDays}`);
  });
});

function ShowList({ enabled }: { enabled: boolean }) {
  const accounts = useAccounts(enabled);
  const state = usePortfolioState();
  return (
    <p id="list">
      {accounts ? accounts.map((a) => a.name).join(',') : 'loading'} | {state ? `${state.accounts} ${state.sample}` : 'loading'}
    </p>
  );
}

describe('useAccounts(enabled) and usePortfolioState', () => {
  it('the list is not read until enabled; the portfolio state counts live accounts and sees a live sample', async () => {
    db = freshDb();
    await db.accounts.bulkPut([
      account({ id: 'a', name: 'Beta' }),
      account({ id: 'b', name: 'Alpha' }),
      account({ id: 'c', name: 'Gone', sample: true, deletedAt: '2026-11-17T10:00:00.000Z' }),
    ]);
    const text = (c: HTMLElement) => c.querySelector('#list')?.textContent;
    const { container, rerender } = await render(
      <DbProvider db={db}>
        <ShowList enabled={false} />
      </DbProvider>,
    );
    await until(() => !text(container)?.endsWith('loading'));
    expect(text(container)).toBe('loading | 2 false');
    await rerender(
      <DbProvider db={db}>
        <ShowList enabled />
      </DbProvider>,
    );
    await until(() => !text(container)?.startsWith('loading'));
    expect(text(container)).toBe('Alpha,Beta | 2 false');
    await act(async () => void (await db.accounts.put(account({ id: 'd', name: 'Demo', sample: true }))));
    await until(() => text(container) === 'Alpha,Beta,Demo | 3 true');
  });
});
