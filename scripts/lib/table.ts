/**
 * Terminal rendering of evaluated accounts for `npm run score -- --format table`: a portfolio summary
 * (one row per account) followed by one block per account with everything that decided its colours.
 * Colour is never the only cue (colour words everywhere); ANSI colour only when asked (a TTY).
 */
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { COLOUR_WORDS, DIMENSION_LABELS, DIMENSIONS, type Colour, type CtaOwner, type DimensionResult, type Driver, type Overall } from '../../engine/model';
import type { Evaluation } from '../../engine/index';
import { ROLE_LABELS } from '../../engine/signals';

export interface ScoredAccount {
  account: { id: string; name: string };
  evaluation: Evaluation;
}

export interface TableOptions {
  /** Wrap colour words in ANSI colours (only for a TTY). */
  color?: boolean;
  /** Zone for rendering instants (the one the engine computed in). */
  timeZone: string;
}

const OVERALL_WORDS: Record<Overall, string> = { green: 'Green', yellow: 'Yellow', red: 'Red', insufficient: 'Insufficient data' };
const SHORT: Record<(typeof DIMENSIONS)[number], string> = { experience: 'CX', adoption: 'DMI', engagement: 'Engage', quality: 'Quality', alignment: 'Align' };
const ANSI: Record<Colour | 'insufficient', string> = { green: '32', yellow: '33', red: '31', nodata: '90', insufficient: '90' };

export function formatTable(scored: readonly ScoredAccount[], options: TableOptions): string {
  if (!scored.length) return 'No accounts in the bundle.\n';
  const parts = [formatSummary(scored, options), ...scored.map((s) => formatAccount(s, options))];
  return parts.join('\n') + '\n';
}

/** One row per account: segment, the five dimension colours, composite, overall, at-risk, CTAs. */
export function formatSummary(scored: readonly ScoredAccount[], options: TableOptions): string {
  const paint = painter(options);
  const header = ['Account', 'Seg', 'Band', ...DIMENSIONS.map((d) => SHORT[d]), 'Comp', 'Overall', 'At risk', 'CTAs'];
  const rows = scored.map(({ account, evaluation: { health, ctas } }) => [
    truncate(account.name, 30),
    segmentCell(health.segment),
    health.segment.mrrBand === null ? '–' : String(health.segment.mrrBand),
    ...DIMENSIONS.map((d) => {
      const r = health.dimensions[d];
      return r ? paint(r.colour, r.score === null ? COLOUR_WORDS[r.colour] : `${COLOUR_WORDS[r.colour]} ${Math.round(r.score)}`) : '–';
    }),
    num(health.composite),
    paint(health.overall, OVERALL_WORDS[health.overall]),
    health.atRisk.flag ? paint('red', 'AT RISK') : 'no',
    String(ctas.length),
  ]);
  const right = new Set([2, 8, 11]);
  const lines = grid([header, ...rows], right);
  const counts = countOverall(scored);
  lines.push('');
  lines.push(
    `${scored.length} accounts — ` +
      (['green', 'yellow', 'red', 'insufficient'] as const).map((o) => `${OVERALL_WORDS[o]} ${counts[o]}`).join(', ') +
      ` — at risk ${scored.filter((s) => s.evaluation.health.atRisk.flag).length}`,
  );
  lines.push('Seg: (a) assumed — no maturity/appetite scores; (o) manual override. Dimension cells: colour word and 0–100 score.');
  return lines.join('\n') + '\n';
}

/** Everything about one account: segment, each dimension with its inputs, gates, at-risk, open CTAs. */
export function formatAccount({ account, evaluation }: ScoredAccount, options: TableOptions): string {
  const paint = painter(options);
  const at = (s: string | null | undefined) => (s ? when(s, options.timeZone) : '—');
  const h = evaluation.health;
  const seg = h.segment;
  const out: string[] = [];
  out.push(`━━ ${account.name} (${account.id}) ━━`);
  const how = seg.overridden ? `override, computed ${seg.computed ?? 'none'}${seg.rationale ? `: “${seg.rationale}”` : ''}` : seg.assumed ? 'assumed: no maturity/appetite scores' : 'computed';
  out.push(`Segment ${seg.segment} (${how}) · goal level ${seg.goalLevel} · MRR band ${seg.mrrBand ?? '—'}`);
  out.push(`Overall ${paint(h.overall, OVERALL_WORDS[h.overall])} · composite ${num(h.composite)} · ${h.overallReason}`);
  out.push(`Renewal confidence ${h.renewalConfidence} · ${h.renewalReason}`);
  out.push(`At risk: ${h.atRisk.flag ? `${paint('red', 'YES')} — ${h.atRisk.reasons.join('; ')}` : 'no'}`);
  const gated = DIMENSIONS.filter((d) => h.gates.expansion[d]);
  out.push(
    `Expansion credit gate: ${gated.length ? `ON for ${gated.map((d) => DIMENSION_LABELS[d]).join(', ')}${h.gates.expansionReasons.length ? ` — ${h.gates.expansionReasons.join('; ')}` : ''}` : 'off'}`,
  );
  out.push(`Fix-first gate: ${h.gates.fixFirst ? `ON — ${h.gates.fixFirstReasons.join('; ')}` : 'off'}`);
  out.push(
    `Cadence: ${h.consecutiveMisses} consecutive miss${h.consecutiveMisses === 1 ? '' : 'es'} · last strategic meeting ${at(h.lastStrategicMeetingAt)} · next due ${at(h.nextStrategicMeetingDue)} · exec sponsor last seen ${at(h.execSponsorLastSeenAt)} · data as of ${at(h.freshestAt)}`,
  );
  out.push('Dimensions (✓ meets target, ✗ misses it, – no target or no data):');
  for (const d of DIMENSIONS) {
    const r = h.dimensions[d];
    if (!r) continue;
    out.push(...dimensionLines(r, paint, options.timeZone));
  }
  const ctas = evaluation.ctas;
  out.push(`Open CTAs (${ctas.length})${ctas.length ? ':' : ''}`);
  for (const c of ctas) {
    const acc = c.accountable ? ` (accountable ${owner(c.accountable)})` : '';
    out.push(`  • ${c.title} [${c.trigger}]${c.severity ? ` severity ${c.severity}` : ''}`);
    out.push(`      owner ${owner(c.owner)}${acc} · due ${at(c.dueBy)} · first action by ${at(c.firstActionDue)}${c.acknowledgeBy ? ` · acknowledge by ${at(c.acknowledgeBy)}` : ''}`);
    if (c.why) out.push(`      why: ${c.why}`);
  }
  return out.join('\n') + '\n';
}

function dimensionLines(r: DimensionResult, paint: Painter, timeZone: string): string[] {
  const lines: string[] = [];
  const score = r.score === null ? '  —  ' : r.score.toFixed(1).padStart(5);
  lines.push(`  ${pad(DIMENSION_LABELS[r.dimension], 27)} ${score}  ${paint(r.colour, pad(COLOUR_WORDS[r.colour], 7))}  ${r.reason}`);
  const rows = r.drivers.map((dr) => driverRow(dr, paint, timeZone));
  if (rows.length) for (const l of grid(rows, new Set([2]), 6)) lines.push(l.trimEnd());
  if (r.missing.length) lines.push(`      missing: ${r.missing.join(', ')}`);
  if (r.stale.length) lines.push(`      stale: ${r.stale.join(', ')}`);
  return lines;
}

function driverRow(d: Driver, paint: Painter, timeZone: string): string[] {
  const tick = d.pass === true ? '✓' : d.pass === false ? '✗' : '–';
  const value = d.missing ? 'No data' : d.display;
  const extras: string[] = [];
  if (d.target) extras.push(`target ${d.target}`);
  if (d.colour) extras.push(paint(d.colour, COLOUR_WORDS[d.colour]));
  if (d.weight !== undefined && d.weight > 0) extras.push(`weight ${Math.round(d.weight * 100)}%`);
  if (d.staleSince) extras.push(`stale since ${when(d.staleSince, timeZone)}`);
  return [tick, d.label, value, extras.join(' · ')];
}

// ---------------------------------------------------------------------------------------------
// Small helpers

type Painter = (colour: Colour | 'insufficient', text: string) => string;
function painter(options: TableOptions): Painter {
  return options.color ? (c, t) => `\u001b[${ANSI[c]}m${t}\u001b[0m` : (_c, t) => t;
}

function segmentCell(s: Evaluation['health']['segment']): string {
  return `${s.segment}${s.overridden ? ' (o)' : s.assumed ? ' (a)' : ''}`;
}

function owner(o: CtaOwner): string {
  return `${ROLE_LABELS[o.role]} ${o.unassigned || !o.name ? 'unassigned' : o.name}`;
}

function num(n: number | null): string {
  return n === null ? '—' : n.toFixed(1);
}

/** `2026-11-17 09:30` in the given zone. */
export function when(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? format(new TZDate(ms, timeZone), 'yyyy-MM-dd HH:mm') : instant;
}

function countOverall(scored: readonly ScoredAccount[]): Record<Overall, number> {
  const c: Record<Overall, number> = { green: 0, yellow: 0, red: 0, insufficient: 0 };
  for (const s of scored) c[s.evaluation.health.overall]++;
  return c;
}

const ANSI_RE = /\u001b\[[0-9;]*m/g;
/** Columns a string takes in a terminal: ANSI codes take none, East Asian wide characters two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI_RE, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Aligned columns separated by two spaces; `right` holds the indices of right-aligned columns. */
export function grid(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set(), indent = 0): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => ' '.repeat(indent) + row.map((cell, i) => pad(cell, widths[i]!, right.has(i))).join('  ').trimEnd());
}
