/** KPI tiles: value, target, tick/cross in words, and "n of m" so small numbers stay honest. */
import type { Kpi } from '../../ui/dashboard/kpis';
import { NO_DATA } from '../../ui/format';

export const fmtPct = (v: number): string => `${Number.isInteger(v) ? v : v.toFixed(1)}%`;

function status(k: Kpi): { cls: string; mark: string; text: string } {
  if (k.pass === null) return { cls: 'nodata', mark: '○', text: NO_DATA };
  return k.pass ? { cls: 'pass', mark: '✓', text: 'Meets target' } : { cls: 'fail', mark: '✗', text: 'Below target' };
}

export function KpiTiles({ kpis }: { kpis: readonly Kpi[] }) {
  return (
    <ul className="kpis" aria-label="KPI tiles">
      {kpis.map((k) => {
        const s = status(k);
        return (
          <li key={k.key} className={`kpi kpi--${s.cls}`}>
            <h3 className="kpi__label">{k.label}</h3>
            <p className="kpi__value">{k.valuePct === null ? NO_DATA : fmtPct(Math.round(k.valuePct * 10) / 10)}</p>
            <p className="kpi__status">
              <span aria-hidden="true">{s.mark}</span> {s.text}
              <span className="muted"> · target {k.targetText}</span>
            </p>
            <p className="kpi__nm">
              {k.m === 0 ? 'nothing to measure yet (0 of 0)' : `${k.n} of ${k.m}`}
            </p>
            <p className="kpi__note muted small">{k.note}</p>
          </li>
        );
      })}
    </ul>
  );
}
