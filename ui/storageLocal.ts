/**
 * Small UI state kept in `browser.storage.local` (not in IndexedDB: it is per-browser UI state,
 * not data): recap drafts keyed by meeting, recent accounts.
 */
import { browser } from 'wxt/browser';

export async function readLocal<T = unknown>(key: string): Promise<T | undefined> {
  try {
    const got = await browser.storage.local.get(key);
    return got[key] as T | undefined;
  } catch {
    return undefined;
  }
}

export async function writeLocal(key: string, value: unknown): Promise<void> {
  try {
    await browser.storage.local.set({ [key]: value });
  } catch {
    // Storage full or unavailable: drafts are a convenience; the composer keeps working in memory.
  }
}

export async function removeLocal(key: string): Promise<void> {
  try {
    await browser.storage.local.remove(key);
  } catch {
    /* ignore */
  }
}

const RECENT_KEY = 'metronome.recentAccounts';
export const RECENT_MAX = 8;

export async function recentAccounts(): Promise<string[]> {
  const v = await readLocal<unknown>(RECENT_KEY);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
}

export async function pushRecentAccount(id: string): Promise<string[]> {
  const next = [id, ...(await recentAccounts()).filter((x) => x !== id)].slice(0, RECENT_MAX);
  await writeLocal(RECENT_KEY, next);
  return next;
}

export const draftKey = (accountId: string, meetingId: string | null, variant: string) =>
  `metronome.recapDraft:${accountId}:${meetingId ?? 'none'}:${variant}`;
