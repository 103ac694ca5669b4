/**
 * The Metronome bundle: one versioned JSON file holding a whole portfolio (accounts, signals, CTAs
 * with their lifecycle, monthly snapshots, segment history, settings, teach-mode mappings). Used for
 * backup/restore, the sample portfolio and the `score` CLI. Pure: no Dexie, no browser.
 *
 * `parseBundle` validates the whole file before anything is applied: shape (zod), duplicate ids and
 * references (every row's `accountId` must name an account in the bundle). Errors come back as
 * `{ path, message }` pairs, all of them, so a user can fix a file in one go. Format: docs/bundle.md.
 */
import { z } from 'zod';
import { resolveConfig, zodErrors } from './config';
import { Cta, MonthlySnapshot } from './model';
import { Account, Id, Instant, PageType, Segment, Signal } from './signals';

export const BUNDLE_FORMAT = 'metronome-bundle';
/** Bump when the bundle's shape changes incompatibly; `parseBundle` then needs an upgrade step. */
export const BUNDLE_VERSION = 1;

/** Settings key holding the user's configuration overrides (validated with `resolveConfig`). */
export const CONFIG_SETTING_KEY = 'config';

// ---------------------------------------------------------------------------------------------
// Rows that live only in storage but travel in the bundle.

/** One segment change of an account [L81]: computed by the engine or set by a person (override). */
export const SegmentChange = z
  .object({
    id: Id,
    accountId: Id,
    /** Previous effective segment; null for the account's first segment. */
    from: Segment.nullable(),
    to: Segment,
    at: Instant,
    rationale: z.string().max(2000).optional(),
    by: z.string().max(500).optional(),
    source: z.enum(['computed', 'override']),
    updatedAt: Instant,
    deletedAt: Instant.optional(),
    sample: z.boolean().optional(),
  })
  .strict();
export type SegmentChange = z.infer<typeof SegmentChange>;

/** A key/value setting (config overrides, sample flag, …). Values are plain JSON. */
export const SettingRow = z
  .object({
    key: z.string().min(1).max(200),
    value: z.json(),
    updatedAt: Instant,
    deletedAt: Instant.optional(),
  })
  .strict();
export type SettingRow = z.infer<typeof SettingRow>;

/**
 * A teach-mode mapping: on pages of `pageType` on `host`, where each field is read. The shape of a
 * field's locator belongs to teach mode; storage and the bundle keep it as plain JSON.
 */
export const MappingRow = z
  .object({
    /** `${host}:${pageType}` */
    id: Id,
    host: z.string().min(1).max(253),
    pageType: PageType,
    fields: z.record(z.string().min(1).max(100), z.json()),
    updatedAt: Instant,
    deletedAt: Instant.optional(),
  })
  .strict();
export type MappingRow = z.infer<typeof MappingRow>;

export const mappingId = (host: string, pageType: string): string => `${host.toLowerCase()}:${pageType}`;

// ---------------------------------------------------------------------------------------------

export const Bundle = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exportedAt: Instant,
    accounts: z.array(Account),
    signals: z.array(Signal),
    ctas: z.array(Cta).optional(),
    snapshots: z.array(MonthlySnapshot).optional(),
    segmentHistory: z.array(SegmentChange).optional(),
    settings: z.array(SettingRow).optional(),
    mappings: z.array(MappingRow).optional(),
  })
  .strict();
export type Bundle = z.infer<typeof Bundle>;
/** What a bundle file may contain before defaults are filled in (e.g. `aliases` omitted). */
export type BundleInput = z.input<typeof Bundle>;

export interface BundleError {
  path: string;
  message: string;
}
export type ParseBundleResult = { ok: true; bundle: Bundle } | { ok: false; errors: BundleError[] };

/** Validate a whole bundle (already `JSON.parse`d). Nothing is partially accepted. */
export function parseBundle(json: unknown): ParseBundleResult {
  const head = checkHeader(json);
  if (head.length) return { ok: false, errors: head };
  const parsed = Bundle.safeParse(json);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const errors = crossChecks(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, bundle: parsed.data };
}

/** `parseBundle` over text: a JSON syntax error is reported like any other error. */
export function parseBundleText(text: string): ParseBundleResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseBundle(json);
}

/** Clear messages for "not a bundle at all" and "bundle from a newer Metronome". */
function checkHeader(json: unknown): BundleError[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return [{ path: '(root)', message: 'a bundle must be a JSON object' }];
  const o = json as Record<string, unknown>;
  if (o.format !== BUNDLE_FORMAT)
    return [{ path: 'format', message: `not a Metronome bundle (expected format "${BUNDLE_FORMAT}")` }];
  if (typeof o.version === 'number' && o.version > BUNDLE_VERSION)
    return [
      {
        path: 'version',
        message: `bundle version ${o.version} is newer than this Metronome understands (${BUNDLE_VERSION}); update Metronome`,
      },
    ];
  return [];
}

function crossChecks(b: Bundle): BundleError[] {
  const errors: BundleError[] = [];
  const accountIds = new Set<string>();

  const uniqueIds = <T>(section: string, rows: readonly T[], key: (r: T) => string) => {
    const first = new Map<string, number>();
    rows.forEach((r, i) => {
      const id = key(r);
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else errors.push({ path: `${section}.${i}.id`, message: `duplicate id "${id}" (first at ${section}.${at})` });
    });
  };
  const knownAccount = (section: string, rows: readonly { accountId: string }[]) =>
    rows.forEach((r, i) => {
      if (!accountIds.has(r.accountId))
        errors.push({ path: `${section}.${i}.accountId`, message: `unknown account "${r.accountId}"` });
    });

  uniqueIds('accounts', b.accounts, (a) => a.id);
  for (const a of b.accounts) accountIds.add(a.id);
  uniqueIds('signals', b.signals, (s) => s.id);
  knownAccount('signals', b.signals);
  if (b.ctas) {
    uniqueIds('ctas', b.ctas, (c) => c.id);
    knownAccount('ctas', b.ctas);
  }
  if (b.snapshots) {
    uniqueIds('snapshots', b.snapshots, (s) => s.id);
    knownAccount('snapshots', b.snapshots);
    b.snapshots.forEach((s, i) => {
      if (s.id !== `${s.accountId}:${s.month}`)
        errors.push({ path: `snapshots.${i}.id`, message: `snapshot id must be "${s.accountId}:${s.month}"` });
    });
  }
  if (b.segmentHistory) {
    uniqueIds('segmentHistory', b.segmentHistory, (h) => h.id);
    knownAccount('segmentHistory', b.segmentHistory);
  }
  if (b.settings) {
    uniqueIds('settings', b.settings, (s) => s.key);
    b.settings.forEach((s, i) => {
      if (s.key !== CONFIG_SETTING_KEY || s.deletedAt) return;
      const r = resolveConfig(s.value);
      if (!r.ok) for (const e of r.errors) errors.push({ path: `settings.${i}.value.${e.path}`, message: e.message });
    });
  }
  if (b.mappings) {
    uniqueIds('mappings', b.mappings, (m) => m.id);
    b.mappings.forEach((m, i) => {
      if (m.id !== mappingId(m.host, m.pageType))
        errors.push({ path: `mappings.${i}.id`, message: `mapping id must be "${mappingId(m.host, m.pageType)}"` });
    });
  }
  return errors;
}
