/** Inline-SVG trend line (13 months). Gaps for months without data; a text label for screen readers. */
import { COLOUR_WORDS } from '../engine/vocabulary';
import type { TrendPoint } from '../ui/trend';

export function Sparkline({ points, label, width = 96, height = 22 }: { points: TrendPoint[]; label: string; width?: number; height?: number }) {
  const n = points.length;
  const known = points.filter((p) => p.score !== null);
  const last = [...points].reverse().find((p) => p.score !== null);
  const lastIdx = last ? points.lastIndexOf(last) : -1;
  // Dots mark the latest month and months with no neighbour (a lone month draws no line).
  const dotted = (p: TrendPoint, i: number): p is TrendPoint & { score: number } => p.score !== null && (i === lastIdx || isIsolated(points, i));
  // The dots are coloured: their colour words go into the label too (colour is never the only cue).
  const dots = points.filter(dotted).map((p) => `${p.month} ${COLOUR_WORDS[p.colour]}`);
  const summary = known.length
    ? `${label}: ${known.length} of ${n} months with data, from ${Math.round(known[0]!.score!)} (${known[0]!.month}) to ${Math.round(known[known.length - 1]!.score!)} (${known[known.length - 1]!.month})${dots.length ? `; ${dots.join(', ')}` : ''}`
    : `${label}: no data in the last ${n} months`;
  const x = (i: number) => (n <= 1 ? width / 2 : (i / (n - 1)) * (width - 4) + 2);
  const y = (s: number) => height - 2 - (Math.max(0, Math.min(100, s)) / 100) * (height - 4);
  // One path segment per run of consecutive months with data.
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.score === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      {points.map((p, i) =>
        dotted(p, i) ? (
          <circle key={`c${i}`} cx={x(i)} cy={y(p.score)} r="2" className={`spark-dot spark-dot--${p.colour}`} />
        ) : null,
      )}
    </svg>
  );
}

function isIsolated(points: TrendPoint[], i: number): boolean {
  return (points[i - 1]?.score ?? null) === null && (points[i + 1]?.score ?? null) === null;
}
