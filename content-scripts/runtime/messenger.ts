/**
 * Send a message to the background and retry until it is acknowledged. A service worker stopped
 * mid-ingest loses nothing: the reading is re-sent with the same id, and ingest is idempotent.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../../messaging/protocol';

export interface RetryOptions {
  attempts?: number;
  firstDelayMs?: number;
  isInvalid?: () => boolean;
}

export async function sendUntilAcked<T>(message: unknown, opts: RetryOptions = {}): Promise<Reply<T>> {
  // ~30 s of retries: a worker being stopped and restarted repeatedly still gets the reading.
  const attempts = opts.attempts ?? 10;
  let delay = opts.firstDelayMs ?? 250;
  let lastError = 'no reply';
  for (let i = 0; i < attempts; i++) {
    if (opts.isInvalid?.()) return { ok: false, error: 'extension context invalidated' };
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
      if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
      lastError = 'empty reply';
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 4000);
  }
  return { ok: false, error: `not acknowledged after ${attempts} attempts: ${lastError}` };
}

/** Cheap, stable content hash (FNV-1a 32-bit) for reading ids: same page content → same id. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
