/** Long lists show the first `cap` items, then a "Show all N" button (1,000-account portfolios stay fast). */
import { useMemo, useState, type ReactNode } from 'react';

export function useCapped<T>(items: readonly T[], cap: number): { shown: readonly T[]; more: ReactNode } {
  const [all, setAll] = useState(false);
  const shown = useMemo(() => (all || items.length <= cap ? items : items.slice(0, cap)), [all, items, cap]);
  const more =
    items.length > cap ? (
      <p className="dash-more">
        <span className="muted">
          Showing {shown.length} of {items.length}.{' '}
        </span>
        <button type="button" className="btn btn--small" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? `Show first ${cap}` : `Show all ${items.length}`}
        </button>
      </p>
    ) : null;
  return { shown, more };
}
