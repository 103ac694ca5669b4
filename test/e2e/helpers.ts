/** Helpers for e2e tests: talk to the extension from one of its own pages, read IndexedDB there. */
import type { Page } from '@playwright/test';

/** Send a message to the background from an extension page (as the side panel does). */
export async function sendFromExtension<T = unknown>(page: Page, message: unknown): Promise<{ ok: boolean; data?: T; error?: string; errors?: unknown[] }> {
  return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage(m), message);
}

/** Read a whole IndexedDB table of the `metronome` database from an extension page. */
export async function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (t) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('metronome');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(t)) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction(t, 'readonly').objectStore(t).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Poll until `check` returns a truthy value (readings are settled + idle + messaged: async). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
