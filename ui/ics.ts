/**
 * Invite drafts as `.ics` files (the `ics` package), downloaded through a Blob URL. Metronome never
 * sends an invite: the user opens the file in their calendar and sends it themselves.
 */
import { createEvent } from 'ics';
import type { Draft } from '../engine/model';

export type IcsResult = { ok: true; text: string; filename: string } | { ok: false; error: string };

export function buildIcs(draft: Draft, opts: { uid?: string } = {}): IcsResult {
  const m = draft.meeting;
  if (!m) return { ok: false, error: 'This draft has no meeting slot' };
  const start = Date.parse(m.start);
  if (Number.isNaN(start)) return { ok: false, error: 'The meeting slot has no valid start time' };
  const { error, value } = createEvent({
    title: m.title,
    description: draft.body,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: m.durationMinutes },
    ...(opts.uid ? { uid: opts.uid } : {}),
    productId: 'metronome/ics',
  });
  if (error || !value) return { ok: false, error: error?.message ?? 'Could not build the calendar file' };
  const filename = `${m.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meeting'}.ics`;
  return { ok: true, text: value, filename };
}

/** Offer a text file for download (Blob URL, revoked after the click). */
export function downloadText(filename: string, text: string, type = 'text/calendar'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
