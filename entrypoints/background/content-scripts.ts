/**
 * Content scripts run only on origins the user granted (optional host permissions, requested at
 * runtime from Options) — plus the loopback demo PSA in the demo build. They are registered
 * dynamically, so a self-hosted PSA domain gets them too once granted. Idempotent.
 */
import { browser } from 'wxt/browser';
const READER_ID = 'metronome-reader';
const OBSERVER_ID = 'metronome-observer';

export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => o !== '<all_urls>' && !o.startsWith('chrome-extension:'));
}

export async function syncContentScripts(): Promise<string[]> {
  const origins = await grantedOrigins();
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return origins;
  const existing = await scripting.getRegisteredContentScripts({ ids: [READER_ID, OBSERVER_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (origins.length === 0) return origins;
  await scripting.registerContentScripts([
    {
      id: OBSERVER_ID,
      js: ['content-scripts/page-observer.js'],
      matches: origins,
      runAt: 'document_start',
      allFrames: true,
      world: 'MAIN',
      persistAcrossSessions: true,
    } as Parameters<typeof scripting.registerContentScripts>[0][number],
    {
      id: READER_ID,
      js: ['content-scripts/reader.js'],
      matches: origins,
      runAt: 'document_idle',
      allFrames: true, // Autotask shows its pages inside an iframe at /Mvc/…
      persistAcrossSessions: true,
    },
  ]);
  return origins;
}
