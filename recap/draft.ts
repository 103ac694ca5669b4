/**
 * The recap composer's editable state. Plain JSON so it can be autosaved (keyed by account and
 * meeting) and restored when the side panel is opened again.
 */
import { z } from 'zod';
export const RECAP_VARIANTS = ['recap', 'savePlan', 'weHeard'] as const;
export type RecapVariant = (typeof RECAP_VARIANTS)[number];
export const RECAP_VARIANT_LABELS: Record<RecapVariant, string> = {
  recap: 'Meeting recap',
  savePlan: 'Save Plan (at risk)',
  weHeard: 'We heard / We’ll change note',
};

/** A decision (the first `maxDecisions`) or an "other action" (the rest) — DECISIONS §6. */
export interface RecapItem {
  id: string;
  title: string;
  whyThis: string;
  whyNow: string;
  impact: string;
  owner: string;
  /** Target date `yyyy-MM-dd`, or '' when not set. */
  dueDate: string;
  budget: string;
  /** The decision-log entry it came from / was saved as. */
  decisionId?: string;
}

/** One Save Plan action: Owner + Date + Budget (or Action) [L236]. */
export interface PlanAction {
  id: string;
  text: string;
  owner: string;
  dueDate: string;
  budget: string;
}

export interface RecapDraft {
  variant: RecapVariant;
  accountName: string;
  /** "QBR, Thu 12 Nov 2026" — set from the meeting; editable. */
  meetingLabel: string;
  /** Day the plan/recap counts from (`yyyy-MM-dd`): the meeting day. */
  meetingDate: string;
  weHeard: string;
  weChanged: string;
  items: RecapItem[];
  risks: string;
  /** Health Δ since the last meeting, one line per dimension (prefilled, editable). */
  healthSinceLast: string;
  /** Open CTAs / open decisions, one per line (prefilled, editable). */
  openItems: string;
  /** Next strategic meeting, `yyyy-MM-dd`. */
  nextCadence: string;
  // Save Plan [L236–L237]
  containment: PlanAction[];
  correction: PlanAction[];
  assumptions: string;
  version: string;
  versionNote: string;
  // We heard X / We'll change Y / You'll see Z by <date> [L117]
  weWillChange: string;
  youWillSee: string;
  byDate: string;
  /** Working notes ("Use this page"); never part of the output. */
  notes: string;
  updatedAt?: string;
}

let counter = 0;
export function newItemId(prefix = 'item'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function emptyItem(partial: Partial<RecapItem> = {}): RecapItem {
  return { id: newItemId(), title: '', whyThis: '', whyNow: '', impact: '', owner: '', dueDate: '', budget: '', ...partial };
}

export function emptyPlanAction(partial: Partial<PlanAction> = {}): PlanAction {
  return { id: newItemId('plan'), text: '', owner: '', dueDate: '', budget: '', ...partial };
}

export function emptyDraft(partial: Partial<RecapDraft> = {}): RecapDraft {
  return {
    variant: 'recap',
    accountName: '',
    meetingLabel: '',
    meetingDate: '',
    weHeard: '',
    weChanged: '',
    items: [],
    risks: '',
    healthSinceLast: '',
    openItems: '',
    nextCadence: '',
    containment: [],
    correction: [],
    assumptions: '',
    version: 'v1',
    versionNote: '',
    weWillChange: '',
    youWillSee: '',
    byDate: '',
    notes: '',
    ...partial,
  };
}

// Restoring an autosaved draft: validated, unknown keys dropped, missing keys defaulted, so an
// older or damaged draft never breaks the composer.

const Str = z.string().max(50_000).catch('');
const ItemSchema = z.object({
  id: z.string().max(200),
  title: Str,
  whyThis: Str,
  whyNow: Str,
  impact: Str,
  owner: Str,
  dueDate: Str,
  budget: Str,
  decisionId: z.string().max(200).optional().catch(undefined),
});
const PlanSchema = z.object({ id: z.string().max(200), text: Str, owner: Str, dueDate: Str, budget: Str });
const DraftSchema = z.object({
  variant: z.enum(RECAP_VARIANTS).catch('recap'),
  accountName: Str,
  meetingLabel: Str,
  meetingDate: Str,
  weHeard: Str,
  weChanged: Str,
  items: z.array(ItemSchema).max(50).catch([]),
  risks: Str,
  healthSinceLast: Str,
  openItems: Str,
  nextCadence: Str,
  containment: z.array(PlanSchema).max(50).catch([]),
  correction: z.array(PlanSchema).max(50).catch([]),
  assumptions: Str,
  version: Str,
  versionNote: Str,
  weWillChange: Str,
  youWillSee: Str,
  byDate: Str,
  notes: z.string().max(200_000).catch(''),
  updatedAt: z.string().max(64).optional().catch(undefined),
});

export function restoreDraft(value: unknown): RecapDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const parsed = DraftSchema.partial().safeParse(value);
  if (!parsed.success) return null;
  const clean = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return emptyDraft(clean as Partial<RecapDraft>);
}
