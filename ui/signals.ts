/**
 * Building the signals the user logs by hand (DECISIONS: user logging takes the same ingest path
 * as page signals). Source is always Metronome/manual; ids are fresh and stable once created.
 */
import type { Source } from '../engine/signals';

export const MANUAL_SOURCE: Source = { host: 'metronome', pageType: 'manual', url: '', reader: 'user' };

export function manualId(kind: string): string {
  const rand =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${kind}:manual:${rand}`;
}

/** Base fields of a manual signal for `accountId`, observed `now`. */
export function manualBase(kind: string, accountId: string, now: Date = new Date()) {
  return { id: manualId(kind), accountId, observedAt: now.toISOString(), source: MANUAL_SOURCE };
}
