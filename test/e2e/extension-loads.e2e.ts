import { expect, test } from '@playwright/test';

// The service worker's global (not typed in this Node-side test file).
declare const chrome: { runtime: { getManifest(): { manifest_version: number; permissions?: string[]; host_permissions?: string[] } } };
import { launchExtension, type ExtensionSession } from './harness';

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchExtension();
});
test.afterAll(async () => {
  await session?.close();
});

test('the built extension loads: pinned id, service worker running, minimal permissions', async () => {
  const sw = await session.serviceWorker();
  expect(sw.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  const manifest = await sw.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).not.toContain('<all_urls>');
});

test('the side panel page renders', async () => {
  const page = await session.openExtensionPage('sidepanel.html');
  await expect(page.getByRole('heading', { name: 'Metronome' })).toBeVisible();
});
