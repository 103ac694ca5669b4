/**
 * Due triggers grouped: overdue / due within 7 days / next 30 days (later and closed folded away).
 * Long lists are capped per group with "show all", so the all-accounts view stays fast.
 */
import { useMemo, useState } from 'react';
import type { Cta } from '../engine/model';
import { BUCKET_LABELS, groupCtas, type Bucket } from '../ui/buckets';
import { CtaCard } from './CtaCard';

export interface CtaListProps {
  ctas: readonly Cta[];
  now: Date;
  tz: string;
  /** When set, each card names its account (all-accounts view). */
  accountNames?: ReadonlyMap<string, string>;
  /** Cards shown per group before "show all" (default 20; 10 in the all-accounts view). */
  cap?: number;
}

function Group({ title, ctas, now, tz, accountNames, cap, defaultOpen }: { title: string; ctas: Cta[]; defaultOpen: boolean } & Omit<CtaListProps, 'ctas'>) {
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState(defaultOpen);
  const compact = !!accountNames;
  const limit = cap ?? (compact ? 10 : 20);
  const shown = all ? ctas : ctas.slice(0, limit);
  return (
    <section className="cta-group">
      <h3 className="section-title">
        <button type="button" className="linklike" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {title} ({ctas.length})
        </button>
      </h3>
      {open ? (
        <>
          {ctas.length === 0 ? <p className="muted small">None.</p> : null}
          {shown.map((c) => (
            <CtaCard key={c.id} cta={c} now={now} tz={tz} accountName={accountNames?.get(c.accountId)} compact={compact} />
          ))}
          {ctas.length > shown.length ? (
            <button type="button" className="btn" onClick={() => setAll(true)}>
              Show all {ctas.length}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function CtaList({ ctas, now, tz, accountNames, cap }: CtaListProps) {
  // Regroup when the list changes or the minute ticks (the clock moves items between groups).
  const minute = Math.floor(now.getTime() / 60_000);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => groupCtas(ctas, now), [ctas, minute]);
  const open: Bucket[] = ['overdue', 'week', 'month'];
  return (
    <div className="cta-list">
      {open.map((b) => (
        <Group key={b} title={BUCKET_LABELS[b]} ctas={groups[b]} now={now} tz={tz} accountNames={accountNames} cap={cap} defaultOpen />
      ))}
      {groups.later.length ? <Group title={BUCKET_LABELS.later} ctas={groups.later} now={now} tz={tz} accountNames={accountNames} cap={cap} defaultOpen={false} /> : null}
      {groups.closed.length ? (
        <Group title="Done, snoozed and resolved" ctas={groups.closed} now={now} tz={tz} accountNames={accountNames} cap={cap} defaultOpen={false} />
      ) : null}
    </div>
  );
}
