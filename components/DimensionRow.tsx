/** One dimension: colour word + score + Δ since the last strategic meeting + 13-month sparkline; expands to its drivers. */
import { useId, useState } from 'react';
import type { DimensionResult } from '../engine/model';
import { DIMENSION_LABELS } from '../engine/vocabulary';
import { fmtDelta } from '../ui/format';
import type { TrendPoint } from '../ui/trend';
import { ColourBadge } from './ColourBadge';
import { DriverList } from './DriverList';
import { Sparkline } from './Sparkline';

export interface DimensionRowProps {
  result: DimensionResult;
  /** Δ since the last strategic meeting; null = unknown. */
  delta: number | null;
  trend: TrendPoint[];
  tz: string;
  onOpen: (url: string) => void;
  defaultOpen?: boolean;
}

export function DimensionRow({ result, delta, trend, tz, onOpen, defaultOpen = false }: DimensionRowProps) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const label = DIMENSION_LABELS[result.dimension];
  return (
    <li className={`dim dim--${result.colour}`}>
      <button type="button" className="dim__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <span className="dim__name">{label}</span>
        <ColourBadge colour={result.colour} score={result.score} label={label} />
        <span className="dim__delta" title="Change since the last strategic meeting">
          {delta === null ? <span className="muted">Δ –</span> : <>Δ {fmtDelta(delta)}</>}
        </span>
        <Sparkline points={trend} label={`${label} trend`} />
        <span className="dim__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {result.missing.length || result.stale.length ? (
        <div className="dim__flags">
          {result.missing.length ? <span>Missing: {result.missing.join(', ')}</span> : null}
          {result.stale.length ? <span className="stale">Stale: {result.stale.join(', ')}</span> : null}
        </div>
      ) : null}
      <div id={panelId} hidden={!open} className="dim__panel">
        {open ? <DriverList result={result} tz={tz} onOpen={onOpen} /> : null}
      </div>
    </li>
  );
}
