/**
 * One typed, zod-validated, versioned configuration: every threshold, weight, window, cadence and
 * trigger parameter, with DECISIONS.md defaults. User overrides merge over the defaults; an invalid
 * override is rejected with "path: reason" messages and changes nothing.
 */
import { z } from 'zod';
import { CALENDAR_DEFAULTS, CalendarConfig } from './calendar';
import { HEALTH_DEFAULTS, HealthConfig } from './health';
import { PORTFOLIO_DEFAULTS, PortfolioConfig } from './portfolio';
import { SEGMENTS_DEFAULTS, SegmentsConfig } from './segments';
import { TRIGGERS_DEFAULTS, TriggersConfig } from './triggers';

/** Bump when the config's shape changes; `migrateConfig` upgrades stored overrides. */
export const CONFIG_VERSION = 1;

export const MetronomeConfig = z
  .object({
    version: z.number().int().min(1),
    calendar: CalendarConfig,
    segments: SegmentsConfig,
    health: HealthConfig,
    triggers: TriggersConfig,
    portfolio: PortfolioConfig,
  })
  .strict();
export type MetronomeConfig = z.infer<typeof MetronomeConfig>;

export const DEFAULT_CONFIG: MetronomeConfig = deepFreeze({
  version: CONFIG_VERSION,
  calendar: CALENDAR_DEFAULTS,
  segments: SEGMENTS_DEFAULTS,
  health: HEALTH_DEFAULTS,
  triggers: TRIGGERS_DEFAULTS,
  portfolio: PORTFOLIO_DEFAULTS,
});

/** Deep partial of the config: what a user (or the options page) stores as overrides. */
export type ConfigOverrides = DeepPartial<MetronomeConfig>;
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export interface ConfigError {
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: MetronomeConfig } | { ok: false; errors: ConfigError[] };

/**
 * Merge user overrides over the defaults and validate the result. Objects merge key by key; arrays
 * and scalars replace. Unknown keys are rejected (a typo must not be silently ignored).
 */
export function resolveConfig(overrides: unknown, base: MetronomeConfig = DEFAULT_CONFIG): ConfigResult {
  if (overrides === undefined || overrides === null) return { ok: true, config: base };
  if (!isPlainObject(overrides)) return { ok: false, errors: [{ path: '(root)', message: 'overrides must be an object' }] };
  const merged = deepMerge(base, overrides);
  const parsed = MetronomeConfig.safeParse(merged);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  return { ok: true, config: parsed.data };
}

/** Like `resolveConfig`, but throws a readable error. For CLIs and tests. */
export function configWith(overrides: unknown, base: MetronomeConfig = DEFAULT_CONFIG): MetronomeConfig {
  const r = resolveConfig(overrides, base);
  if (!r.ok) throw new Error(`Invalid configuration:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return r.config;
}

/** zod issues as "path: reason" pairs (shared by config, bundle and message validation). */
export function zodErrors(error: z.ZodError): ConfigError[] {
  return error.issues.map((i) => ({ path: i.path.length ? i.path.join('.') : '(root)', message: i.message }));
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
