/**
 * Trends: per dimension, the share of accounts Green per month (13 months) as inline-SVG bars, with
 * a text summary (the SVG's label) and a month-by-month table as the text alternative.
 */
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../engine/model';
import type { GreenShareTrends, SharePoint } from '../../ui/dashboard/trends';
import { fmtPct } from './KpiTiles';

const pct = (p: SharePoint): string => (p.pct === null ? 'No data' : fmtPct(Math.round(p.pct)));
const detail = (p: SharePoint): string =>
  p.pct === null ? `No data (${p.total} ${p.total === 1 ? 'account' : 'accounts'})` : `${pct(p)} Green (${p.green} of ${p.withData} with data${p.total > p.withData ? `; ${p.total - p.withData} No data` : ''})`;

function summary(label: string, points: readonly SharePoint[]): string {
  const known = points.filter((p) => p.pct !== null);
  if (!known.length) return `${label}: no data in the last ${points.length} months`;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  return `${label}: share of accounts Green from ${pct(first)} (${first.month}) to ${pct(last)} (${last.month}${last.live ? ', this month so far' : ''}); ${known.length} of ${points.length} months with data`;
}

function Bars({ points, label, width = 156, height = 36 }: { points: readonly SharePoint[]; label: string; width?: number; height?: number }) {
  const n = points.length;
  const slot = width / n;
  const bw = Math.max(2, slot - 2);
  const text = summary(label, points);
  return (
    <svg className="bars" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={text}>
      <title>{text}</title>
      <line x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} className="bars__base" />
      {points.map((p, i) =>
        p.pct === null ? (
          // No data: a hollow stub, never a zero bar.
          <rect key={p.month} x={i * slot + 1} y={height - 4} width={bw} height={3} className="bars__nodata" />
        ) : (
          <rect
            key={p.month}
            x={i * slot + 1}
            y={height - 1 - Math.max(1, (p.pct / 100) * (height - 2))}
            width={bw}
            height={Math.max(1, (p.pct / 100) * (height - 2))}
            className={p.live ? 'bars__bar bars__bar--live' : 'bars__bar'}
          />
        ),
      )}
    </svg>
  );
}

export function TrendsView({ trends }: { trends: GreenShareTrends }) {
  return (
    <table className="dash-table trends">
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Share Green, 13 months</th>
          <th scope="col">This month</th>
          <th scope="col">Month by month</th>
        </tr>
      </thead>
      <tbody>
        {DIMENSIONS.map((d: Dimension) => {
          const points = trends[d];
          const last = points[points.length - 1];
          return (
            <tr key={d}>
              <th scope="row">{DIMENSION_LABELS[d]}</th>
              <td>
                <Bars points={points} label={DIMENSION_LABELS[d]} />
              </td>
              <td>{last ? detail(last) : 'No data'}</td>
              <td>
                <details>
                  <summary>Table</summary>
                  <table className="dash-table dash-table--compact">
                    <thead>
                      <tr>
                        <th scope="col">Month</th>
                        <th scope="col">Green</th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p) => (
                        <tr key={p.month}>
                          <th scope="row">
                            {p.month}
                            {p.live ? ' (so far)' : ''}
                          </th>
                          <td>{detail(p)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
