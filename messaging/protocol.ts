/**
 * Every message that crosses a boundary into the background (content scripts, side panel,
 * dashboard, options) — zod-validated on arrival. A message that does not parse is answered with
 * `{ ok: false, error }` and changes nothing.
 */
import { z } from 'zod';
import { Dimension } from '../engine/model';
import {
  Account,
  CalendarDate,
  Instant,
  MonthDay,
  PageType,
  RoleMap,
  Score1to5,
  Segment,
  Signal,
} from '../engine/signals';

/** A page reading as the content script sends it (observations are validated again, one by one). */
export const ReadingMessage = z
  .object({
    type: z.literal('reading'),
    /** Unique per page view + content hash: the content script re-sends the same id until acked. */
    readingId: z.string().min(1).max(200),
    url: z.string().max(4000),
    adapter: z.string().max(40),
    pageType: z.string().max(40),
    /** Observations: signals without accountId, plus `company`. Validated per item in the background. */
    observations: z.array(z.unknown()).max(20_000),
    missing: z.array(z.string().max(200)).max(100),
    warnings: z.array(z.string().max(1000)).max(1000),
    mainText: z.string().max(200_000).optional(),
  })
  .strict();
export type ReadingMessage = z.infer<typeof ReadingMessage>;

/** The user logs something the PSA cannot show (meeting, pulse, complaint, decision …). */
export const LogMessage = z
  .object({
    type: z.literal('log'),
    /** A full signal (with accountId, id, source `metronome`/`manual`). */
    signal: Signal,
  })
  .strict();

export const CtaActionMessage = z
  .object({
    type: z.literal('cta'),
    ctaId: z.string().min(1),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('firstAction'), note: z.string().max(2000).default('') }).strict(),
      z.object({ kind: z.literal('checklist'), stepId: z.string(), done: z.boolean() }).strict(),
      z.object({ kind: z.literal('done') }).strict(),
      z.object({ kind: z.literal('reopen') }).strict(),
      z
        .object({ kind: z.literal('snooze'), until: Instant, reason: z.string().trim().min(3, 'say why').max(1000) })
        .strict(),
    ]),
  })
  .strict();

export const AccountPatch = z
  .object({
    name: z.string().trim().min(1).max(300).optional(),
    maturity: Score1to5.nullable().optional(),
    appetite: Score1to5.nullable().optional(),
    mrr: z.number().min(0).nullable().optional(),
    renewalDate: CalendarDate.nullable().optional(),
    fiscalYearEnd: MonthDay.nullable().optional(),
    goalLevel: z.number().int().min(1).max(5).nullable().optional(),
    roles: RoleMap.optional(),
    tenants: z.array(z.string().max(253)).optional(),
    /** null clears the override. */
    segmentOverride: z
      .object({ segment: Segment, rationale: z.string().trim().min(3, 'a segment override needs a rationale').max(2000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type AccountPatch = z.infer<typeof AccountPatch>;

export const AccountUpdateMessage = z
  .object({ type: z.literal('account.update'), accountId: z.string().min(1), patch: AccountPatch })
  .strict();

export const AccountCreateMessage = z.object({ type: z.literal('account.create'), account: Account }).strict();

/** The recap composer copied / inserted / mailed a recap: this is the recap time (DECISIONS §6). */
export const RecapSentMessage = z
  .object({ type: z.literal('recap.sent'), accountId: z.string(), meetingId: z.string(), at: Instant })
  .strict();

export const SampleMessage = z.object({ type: z.enum(['sample.load', 'sample.remove']) }).strict();

export const RecomputeMessage = z
  .object({ type: z.literal('recompute'), accountIds: z.array(z.string()).optional() })
  .strict();

/** Which account the given tab shows (from the last reading of that tab), for the side panel. */
export const TabAccountMessage = z.object({ type: z.literal('tab.account'), tabId: z.number().int() }).strict();

/**
 * The side panel asks for the given tab's main text (Readability) for the recap composer's notes.
 * Reply: `{ ok: true, data: { text: string, title?: string, url?: string } }`. The text is untrusted
 * page text: the panel shows it as text only.
 */
export const PageMainTextMessage = z.object({ type: z.literal('page.mainText'), tabId: z.number().int() }).strict();

/**
 * The recap composer asks the content script of the given tab to fill the PSA's own note field
 * with plain text (never HTML). Reply: `{ ok: true }` when inserted, `{ ok: false, error }` when the
 * page has no note field Metronome knows.
 */
export const PageInsertNoteMessage = z
  .object({ type: z.literal('page.insertNote'), tabId: z.number().int(), text: z.string().min(1).max(50_000) })
  .strict();

export const SettingsMessage = z
  .object({ type: z.literal('settings.config'), overrides: z.unknown() })
  .strict();

export const ImportMessage = z
  .object({ type: z.literal('import.bundle'), json: z.unknown(), mode: z.enum(['merge', 'replace']) })
  .strict();

/**
 * Options → bulk import of a PSA ticket CSV, already parsed in the page by `import/csv.ts`.
 * All-or-nothing: the background validates every observation (like a reading) and stores none if
 * any fails; reply `{ ok: true, data: IngestObservationsResult }` or `{ ok: false, error, errors }`
 * with `path` = `observations.<i>.<field>`. `source` says where the rows came from; when `format`
 * is `mapped`, the background may remember `mapping`/`dateOrder` for these headers
 * (`import/saved-mappings.ts` → `saveCsvMapping`).
 */
export const ImportCsvMessage = z
  .object({
    type: z.literal('import.csv'),
    observations: z.array(z.unknown()).min(1).max(100_000),
    source: z
      .object({
        fileName: z.string().max(500),
        /** The PSA whose export columns were recognised, or `mapped` (the user's column mapping). */
        format: z.enum(['connectwise', 'autotask', 'halopsa', 'mapped']),
        /** Host the ticket ids were built with (`acme.myconnectwise.net`, or `csv-import`). */
        host: z.string().min(1).max(253),
        headers: z.array(z.string().max(500)).max(500),
        /** Ticket field → CSV header actually used. */
        mapping: z.record(z.string().max(40), z.string().max(500)),
        dateOrder: z.enum(['MDY', 'DMY']).optional(),
      })
      .strict(),
  })
  .strict();

/** Options → "Reset everything": wipe every data table (the user confirmed by typing RESET). */
export const ResetMessage = z.object({ type: z.literal('reset') }).strict();

/** Options → delete one teach-mode mapping (soft delete: `storage/mappings.ts` → `deleteMapping`). */
export const MappingDeleteMessage = z
  .object({ type: z.literal('mapping.delete'), host: z.string().min(1).max(253), pageType: PageType })
  .strict();

/** Options → clear the page-drift log (all events, or one host's). */
export const DriftClearMessage = z
  .object({ type: z.literal('drift.clear'), host: z.string().min(1).max(253).optional() })
  .strict();

/** Settings key of the data-retention period (days to keep signals), and its limits. */
export const RETENTION_SETTING_KEY = 'retentionDays';
/**
 * Default 400 days: a full year of monthly trends plus slack. The floor (200) keeps the engine's
 * longest look-backs intact (180-day engagement window, C/D DMI staleness of 200 days).
 */
export const RETENTION_DAYS = { default: 400, min: 200, max: 3650 } as const;

/** Options → data retention: keep signals this many days (the background prunes older ones). */
export const RetentionMessage = z
  .object({
    type: z.literal('settings.retention'),
    days: z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max),
  })
  .strict();

/** Content script → a JSON response the page itself received (forwarded by the main-world observer). */
export const ApiResponseMessage = z
  .object({
    type: z.literal('api.response'),
    url: z.string().max(4000),
    apiUrl: z.string().max(4000),
    body: z.string().max(5_000_000),
  })
  .strict();

/** Content script → the taught mappings for its host (validated here before they are sent back). */
export const TeachMappingsMessage = z.object({ type: z.literal('teach.mappings'), host: z.string().min(1).max(253) }).strict();

/** Side panel → start teach mode in a tab; content script → save what the user taught. */
export const TeachStartMessage = z.object({ type: z.literal('teach.start'), tabId: z.number().int() }).strict();
export const TeachSaveMessage = z.object({ type: z.literal('teach.save'), mapping: z.unknown() }).strict();

/** The in-page pill → open the side panel on this tab (carries the click's user gesture). */
export const PanelOpenMessage = z.object({ type: z.literal('panel.open') }).strict();
/** The reader → its single-page app moved to another view: what this frame read before no longer shows. */
export const PageChangedMessage = z.object({ type: z.literal('page.changed') }).strict();
/** The in-page pill → hide it on this host. */
export const PillDismissMessage = z.object({ type: z.literal('pill.dismiss'), host: z.string().min(1).max(253) }).strict();

export const DimensionFilter = Dimension;

export const Message = z.discriminatedUnion('type', [
  ReadingMessage,
  LogMessage,
  CtaActionMessage,
  AccountUpdateMessage,
  AccountCreateMessage,
  RecapSentMessage,
  SampleMessage,
  RecomputeMessage,
  TabAccountMessage,
  PageMainTextMessage,
  PageInsertNoteMessage,
  SettingsMessage,
  ImportMessage,
  ImportCsvMessage,
  ResetMessage,
  MappingDeleteMessage,
  DriftClearMessage,
  RetentionMessage,
  ApiResponseMessage,
  TeachMappingsMessage,
  TeachStartMessage,
  TeachSaveMessage,
  PanelOpenMessage,
  PillDismissMessage,
  PageChangedMessage,
]);
export type Message = z.infer<typeof Message>;
export type MessageInput = z.input<typeof Message>;

export type Reply<T = unknown> = { ok: true; data?: T } | { ok: false; error: string; errors?: { path: string; message: string }[] };
