/**
 * The options page's configuration editor, as pure data: which settings it shows (generated from
 * `DEFAULT_CONFIG`'s structure), path get/set, the overrides to save (the difference from the
 * defaults) and where each `path: reason` error belongs. No React, no browser.
 *
 * The draft is a whole `MetronomeConfig`; Save sends `diffOverrides(draft, DEFAULT_CONFIG)` — the
 * complete overrides, which the background stores in place of the old ones (`setConfigOverrides`),
 * so "reset to default" really removes an override.
 */
import { DEFAULT_CONFIG, isPlainObject, resolveConfig, type ConfigError, type MetronomeConfig } from '../../engine/config';

export const SEGMENTS = ['A', 'B', 'C', 'D'] as const;

// ---------------------------------------------------------------------------------------------
// Paths

const seg = (path: string): string[] => (path ? path.split('.') : []);

export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of seg(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path` (objects and arrays along the path are copied, never mutated). */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const keys = seg(path);
  const go = (cur: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const k = keys[i]!;
    if (Array.isArray(cur)) {
      const copy = [...cur];
      copy[Number(k)] = go(cur[Number(k)], i + 1);
      return copy;
    }
    const o = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>) : {};
    return { ...o, [k]: go(o[k], i + 1) };
  };
  return go(obj, 0) as T;
}

/** JSON equality with object keys in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/**
 * The overrides that turn `base` into `value`: objects recurse key by key; arrays and scalars are
 * kept whole when they differ (the config merge replaces arrays). Undefined when nothing differs.
 */
export function diffOverrides(value: unknown, base: unknown): unknown {
  if (isPlainObject(value) && isPlainObject(base)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const d = k in base ? diffOverrides(v, base[k]) : v;
      if (d !== undefined) out[k] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return sameJson(value, base) ? undefined : value;
}

/** What Save sends: `{}` when everything is at its default. */
export function overridesFrom(draft: MetronomeConfig): Record<string, unknown> {
  return (diffOverrides(draft, DEFAULT_CONFIG) as Record<string, unknown> | undefined) ?? {};
}

// ---------------------------------------------------------------------------------------------
// Draft

/** The editor's defaults: `DEFAULT_CONFIG`, with the browser's time zone instead of UTC. */
export function editorDefaults(browserTimeZone: string): MetronomeConfig {
  return setAt(DEFAULT_CONFIG, 'calendar.timeZone', browserTimeZone);
}

export interface Draft {
  config: MetronomeConfig;
  /** Stored overrides that no longer validate (Metronome runs on the defaults until saved). */
  storedErrors: ConfigError[];
  /** No time zone is stored: the draft proposes the browser's, which takes effect once saved. */
  timeZoneFromBrowser: boolean;
}

export function draftFrom(stored: unknown, browserTimeZone: string): Draft {
  const r = resolveConfig(stored ?? {});
  const config = r.ok ? r.config : DEFAULT_CONFIG;
  const storedTz = getAt(stored, 'calendar.timeZone');
  const hasTz = r.ok && typeof storedTz === 'string';
  return {
    config: hasTz ? config : setAt(config, 'calendar.timeZone', browserTimeZone),
    storedErrors: r.ok ? [] : r.errors,
    timeZoneFromBrowser: !hasTz,
  };
}

// ---------------------------------------------------------------------------------------------
// Fields, generated from the structure of DEFAULT_CONFIG

export interface NumberItem {
  kind: 'number';
  path: string;
  label: string;
  unit?: string;
}
export interface BooleanItem {
  kind: 'boolean';
  path: string;
  label: string;
}
/** A per-segment table: rows A–D, one column per numeric key (a single column for plain numbers). */
export interface GridItem {
  kind: 'grid';
  path: string;
  label: string;
  /** Empty for `{A: n, B: n, …}`; else the keys of each segment's object. */
  columns: { key: string; label: string }[];
  unit?: string;
}
export type ConfigItem = NumberItem | BooleanItem | GridItem;

export interface ConfigSection {
  id: string;
  title: string;
  description: string;
  items: ConfigItem[];
}

/** Column and key words that read better than the key itself. */
const WORDS: Record<string, string> = {
  experience: 'Client Experience',
  adoption: 'Technology Adoption',
  engagement: 'Engagement',
  quality: 'Service Quality',
  alignment: 'Service Level Alignment',
  sla: 'SLA',
  onTime: 'On time',
  repeatMax: 'Repeat max',
  followThrough: 'Follow-through',
  targetPct: 'Target (%)',
};
/** Keys of a `{ green, red }` edges object. */
const EDGE_WORDS: Record<string, string> = { green: 'Green at or above', red: 'Red below' };

/** Friendlier labels where the key alone says too little (paths relative to the config root). */
export const LABELS: Record<string, string> = {
  'segments.strategicCadenceDays': 'Strategic meeting every',
  'segments.graceDays': 'Grace after an expected meeting',
  'segments.windowDays': 'Cadence and engagement look-back',
  'health.recapHours': 'Recap due within',
  'health.execSponsorDays': 'Exec sponsor seen within',
  'health.experience.pulse.green': 'Pulse: Green at or above',
  'health.experience.pulse.yellow': 'Pulse: Yellow at or above (Red below)',
  'health.experience.complaints.yellowAt': 'Complaints this month: Yellow at',
  'health.experience.complaints.redAt': 'Complaints this month: Red at',
  'health.experience.weights': 'Score weights',
  'health.adoption.edges': 'DMI colour edges',
  'health.adoption.staleDays': 'DMI input stale after',
  'health.engagement.mixTarget': 'Stakeholder mix target (%)',
  'health.engagement.red.decisionlessMeetings': 'Red: last N strategic meetings without a decision',
  'health.quality.edges': 'Service Quality colour edges',
  'health.quality.targets': 'Per-signal targets (ticks)',
  'health.quality.minTickets': 'SLA: fewest tickets before widening the window',
  'health.alignment.edges.green': 'Alignment: Green at or above',
  'health.alignment.edges.red': 'Alignment: Red below',
  'health.alignment.cadenceAtLeast': 'Check 1: cadence adherence at least (%)',
  'health.alignment.recapAtLeast': 'Check 2: recap rate at least (%)',
  'health.composite.weights': 'Composite weights per segment',
  'health.composite.edges': 'Overall colour edges (composite score)',
  'health.composite.minDimensions': 'Dimensions with data needed for a colour',
  'health.composite.redDimensions': 'Overall Red when this many dimensions are Red',
  'health.renewal.dmiTrendAtLeast': 'Renewal High needs a DMI trend of at least',
  'health.renewal.lowAtLeast': 'Renewal Low at this many warning signs',
  'health.gates.consecutiveReds': 'Expansion gate after consecutive monthly Reds',
  'health.gates.engagementReleaseNeedsDecision': 'Engagement gate released only after a meeting with a decision',
  'triggers.eventLookbackDays': 'Event triggers look back',
  'triggers.atRisk.severity.highMin': 'Severity High at impact × likelihood ≥',
  'triggers.atRisk.severity.mediumMin': 'Severity Medium at impact × likelihood ≥',
  'triggers.atRisk.escalateAfterDays': 'Escalate an at-risk account after',
  'triggers.atRisk.detect.slaTargetBySegment': 'SLA target per segment (%)',
  'triggers.atRisk.detect.slaMinTickets': 'SLA: fewest tickets for a breach month',
  'triggers.proposals.resetAfterDays': 'Proposal pending: reset play after',
  'triggers.proposals.resequenceAfterDays': 'Proposal pending: re-sequence or close after',
  'portfolio.recap': 'Recap ≤ 48 h',
  'portfolio.decisions': 'Strategic meetings with a logged decision',
  'portfolio.coverage': 'Coverage (next strategic meeting booked)',
  'portfolio.firstAction': 'First action ≤ 72 h',
  'portfolio.execSponsorTargetPct': 'Exec sponsor seen: target per segment (%)',
  'portfolio.cxWatch.minReds': 'CX watchlist: monthly CX Reds at least',
  'portfolio.cxWatch.months': 'CX watchlist: within the last N frozen months',
  'portfolio.trendMonths': 'Trend charts: months shown',
};

/** `velocityHorizonDays` → `Velocity horizon`. */
export function humanize(key: string): string {
  if (WORDS[key]) return WORDS[key]!;
  const words = key
    .replace(/(Days|Hours)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return text.replace(/\b(sla|dmi|mfa|cx)\b/gi, (m) => m.toUpperCase());
}

/** Lower-case the first letter unless the word is an acronym (`SLA`). */
const lowerFirst = (w: string): string => (/^[A-Z][a-z]/.test(w) ? w.charAt(0).toLowerCase() + w.slice(1) : w);

function unitOf(key: string): string | undefined {
  if (/Days$/.test(key)) return 'days';
  if (/Hours$/.test(key)) return 'hours';
  return undefined;
}

const isPerSegment = (v: unknown): v is Record<(typeof SEGMENTS)[number], unknown> =>
  isPlainObject(v) && Object.keys(v).sort().join() === SEGMENTS.join();

const isEdges = (v: unknown): boolean => isPlainObject(v) && Object.keys(v).sort().join() === 'green,red';

/**
 * Every editable number/boolean under `root`, in the config's own order. Per-segment objects
 * become grids; strings, arrays and nullable values are left to dedicated editors.
 */
export function itemsUnder(root: string, config: unknown = DEFAULT_CONFIG): ConfigItem[] {
  return walk(root, config, undefined);
}

/** `prefix` is the parent's label ('' when the parent is the section's own root). */
function walk(path: string, config: unknown, prefix: string | undefined): ConfigItem[] {
  const v = getAt(config, path);
  const keys = seg(path);
  const key = keys.at(-1) ?? '';
  const parent = getAt(config, keys.slice(0, -1).join('.'));
  const word = isEdges(parent) && EDGE_WORDS[key] ? EDGE_WORDS[key]! : humanize(key);
  const label = LABELS[path] ?? (prefix ? `${prefix}: ${lowerFirst(word)}` : word);
  const unit = unitOf(key);
  if (typeof v === 'number') return [{ kind: 'number', path, label, ...(unit ? { unit } : {}) }];
  if (typeof v === 'boolean') return [{ kind: 'boolean', path, label }];
  if (isPerSegment(v)) {
    if (SEGMENTS.every((s) => typeof v[s] === 'number')) return [{ kind: 'grid', path, label, columns: [], ...(unit ? { unit } : {}) }];
    const first = v.A;
    if (!isPlainObject(first)) return [];
    const cols = Object.keys(first).filter((c) => SEGMENTS.every((s) => typeof getAt(v[s], c) === 'number'));
    const colLabel = (c: string) => (isEdges(first) ? EDGE_WORDS[c]! : humanize(c));
    return cols.length ? [{ kind: 'grid', path, label, columns: cols.map((c) => ({ key: c, label: colLabel(c) })) }] : [];
  }
  if (isPlainObject(v)) {
    // The section's own root adds no prefix (its title says it); deeper objects do.
    const childPrefix = prefix === undefined && !LABELS[path] ? '' : label;
    return Object.keys(v).flatMap((k) => walk(`${path}.${k}`, config, childPrefix));
  }
  return [];
}

const pick = (...roots: string[]): ConfigItem[] => roots.flatMap((r) => itemsUnder(r));

/**
 * The sections of the editor (calendar, DMI insight weights and fix-first gates have their own
 * editors in the page). Order follows the methodology: cadence, composite, then each dimension.
 */
export const CONFIG_SECTIONS: ConfigSection[] = [
  {
    id: 'cadence',
    title: 'Strategic cadence',
    description: 'How often each segment expects a strategic meeting (QBR, roadmap, budget…).',
    items: pick('segments.strategicCadenceDays', 'segments.graceDays', 'segments.windowDays', 'health.recapHours', 'health.execSponsorDays'),
  },
  {
    id: 'composite',
    title: 'Overall colour and composite weights',
    description: 'Composite = weighted mean of the dimensions with data; Green ≥ the Green edge and no dimension Red.',
    items: pick('health.composite.weights', 'health.composite.edges', 'health.composite.minDimensions', 'health.composite.redDimensions'),
  },
  {
    id: 'experience',
    title: 'Client Experience',
    description: 'Pulse bands, complaints this month and the exec-sponsor heartbeat.',
    items: pick('health.experience.pulse', 'health.experience.complaints', 'health.experience.weights'),
  },
  {
    id: 'adoption',
    title: 'Technology Adoption (DMI)',
    description: 'DMI = Σ(coverage × weight) ÷ Σ(weight); colour edges per segment.',
    items: pick('health.adoption.edges', 'health.adoption.staleDays'),
  },
  {
    id: 'engagement',
    title: 'Engagement',
    description: 'Cadence adherence, stakeholder mix, decision velocity and follow-up closure.',
    items: pick('health.engagement'),
  },
  {
    id: 'quality',
    title: 'Service Quality',
    description: 'SLA adherence, milestones on time, repeat rate and follow-through.',
    items: pick('health.quality'),
  },
  {
    id: 'alignment',
    title: 'Service Level Alignment',
    description: 'Share of the applicable checks passed.',
    items: pick('health.alignment.edges', 'health.alignment.cadenceAtLeast', 'health.alignment.recapAtLeast'),
  },
  {
    id: 'risk',
    title: 'At-risk, renewal and proposals',
    description: 'When an account is flagged at risk, how severity is rated, and proposal aging.',
    items: pick(
      'triggers.atRisk.detect',
      'triggers.atRisk.severity',
      'triggers.atRisk.escalateAfterDays',
      'triggers.proposals.resetAfterDays',
      'triggers.proposals.resequenceAfterDays',
      'triggers.eventLookbackDays',
      'health.renewal',
      'health.gates',
    ),
  },
  {
    id: 'portfolio',
    title: 'Portfolio targets (dashboard)',
    description: 'Each dashboard KPI: its look-back window and the share that meets target; the exec-sponsor target per segment.',
    items: pick('portfolio'),
  },
];

// ---------------------------------------------------------------------------------------------
// Errors

/** The background may report paths relative to the message (`overrides.health…`). */
export function normaliseErrorPath(path: string): string {
  return path.replace(/^overrides\.?/, '') || '(root)';
}

/** Errors at `path` or inside it. */
export function errorsAt(errors: readonly ConfigError[], path: string): ConfigError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}

/** Errors at exactly `path` (e.g. an object-level rule like "Red edge above Green edge"). */
export function errorsExactly(errors: readonly ConfigError[], path: string): ConfigError[] {
  return errors.filter((e) => e.path === path);
}

/** Paths the editor shows errors beside (everything else goes to the summary only). */
export function claimedPaths(sections: readonly ConfigSection[] = CONFIG_SECTIONS): string[] {
  const out = ['calendar', 'health.adoption.insights', 'health.adoption.fixFirst'];
  for (const s of sections) for (const i of s.items) out.push(i.path);
  return out;
}

export function unclaimedErrors(errors: readonly ConfigError[], claimed: readonly string[] = claimedPaths()): ConfigError[] {
  return errors.filter((e) => !claimed.some((c) => e.path === c || e.path.startsWith(`${c}.`)));
}

/** A human label for an error path (for the summary list). */
export function labelForPath(path: string, sections: readonly ConfigSection[] = CONFIG_SECTIONS): string {
  for (const s of sections)
    for (const i of s.items) {
      if (i.path === path) return i.label;
      if (i.kind === 'grid' && path.startsWith(`${i.path}.`)) {
        const [segment, col] = path.slice(i.path.length + 1).split('.');
        return `${i.label}, segment ${segment}${col ? `, ${humanize(col)}` : ''}`;
      }
    }
  return path;
}

/** Client-side check before sending (the background checks again and is authoritative). */
export function validateDraft(draft: MetronomeConfig): ConfigError[] {
  const r = resolveConfig(overridesFrom(draft));
  return r.ok ? [] : r.errors;
}

/** Zones for the select: the browser's list, plus the current value and UTC when missing. */
export function timeZoneOptions(current: string, supported: () => string[] = supportedTimeZones): string[] {
  const list = new Set(supported());
  list.add('UTC');
  if (current) list.add(current);
  return [...list].sort((a, b) => a.localeCompare(b));
}

function supportedTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const WEEKDAYS = [
  { iso: 1, label: 'Monday' },
  { iso: 2, label: 'Tuesday' },
  { iso: 3, label: 'Wednesday' },
  { iso: 4, label: 'Thursday' },
  { iso: 5, label: 'Friday' },
  { iso: 6, label: 'Saturday' },
  { iso: 7, label: 'Sunday' },
] as const;

/** Parse a number input's text: a finite number, or undefined (empty or not a number). */
export function parseNumberInput(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!t || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
