/**
 * Recap drafts survive closing the panel: autosaved to `browser.storage.local` keyed by account,
 * meeting and variant, restored (validated) on open.
 */
import { useEffect, useRef, useState } from 'react';
import { restoreDraft, type RecapDraft } from '../recap/draft';
import { readLocal, removeLocal, writeLocal } from './storageLocal';

export const AUTOSAVE_MS = 400;

/**
 * `[draft, setDraft, status]`: loads the saved draft for `key` (or `initial()` when none), saves
 * every change after a short pause and on unmount.
 */
export function useAutosavedDraft(
  key: string,
  initial: () => RecapDraft,
): [RecapDraft | null, (update: (d: RecapDraft) => RecapDraft) => void, { restored: boolean; reset: () => void }] {
  const [draft, setDraft] = useState<RecapDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const pending = useRef<RecapDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const initialRef = useRef(initial);
  initialRef.current = initial;

  useEffect(() => {
    let alive = true;
    setDraft(null);
    void readLocal(key).then((saved) => {
      if (!alive) return;
      const d = restoreDraft(saved);
      setRestored(!!d);
      setDraft(d ?? initialRef.current());
    });
    return () => {
      alive = false;
      if (timer.current) clearTimeout(timer.current);
      if (pending.current) void writeLocal(key, pending.current);
      pending.current = null;
    };
  }, [key]);

  const update = (fn: (d: RecapDraft) => RecapDraft) => {
    setDraft((d) => {
      if (!d) return d;
      const next = { ...fn(d), updatedAt: new Date().toISOString() };
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (pending.current) void writeLocal(key, pending.current);
        pending.current = null;
      }, AUTOSAVE_MS);
      return next;
    });
  };

  const reset = () => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    void removeLocal(key);
    setRestored(false);
    setDraft(initialRef.current());
  };

  return [draft, update, { restored, reset }];
}
