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
]);
export type Message = z.infer<typeof Message>;
export type MessageInput = z.input<typeof Message>;

export type Reply<T = unknown> = { ok: true; data?: T } | { ok: false; error: string; errors?: { path: string; message: string }[] };
