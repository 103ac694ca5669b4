/**
 * Prefill a recap draft from what Metronome already knows about the account (seed §8.4, [L205]):
 * the meeting's own decisions (≤ 2, the rest as other actions), open decisions and CTAs, the health
 * Δ since the previous meeting, the next cadence date, and — for the variants — at-risk reasons
 * or the negative pulse/complaint that prompted the note. Pure.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Cta } from '../engine/model';
import type { ComplaintSignal, DecisionSignal, MeetingSignal, PulseSignal } from '../engine/signals';
import { emptyDraft, emptyItem, emptyPlanAction, type RecapDraft, type RecapVariant } from './draft';

export interface PrefillInput {
  variant: RecapVariant;
  accountName: string;
  /** The held meeting the recap is for (optional for the Save Plan and We-heard variants). */
  meeting: MeetingSignal | null;
  /** The account's decisions (any meeting). */
  decisions: readonly DecisionSignal[];
  /** The account's CTAs; only open ones are listed. */
  ctas: readonly Cta[];
  /** One line per dimension, already formatted ("Engagement: Yellow 68 (−7)"). */
  healthLines: readonly string[];
  /** Next strategic meeting due (instant), when known. */
  nextCadenceAt: string | null;
  atRiskReasons?: readonly string[];
  /** The latest negative pulse or complaint, for the We-heard note. */
  negative?: PulseSignal | ComplaintSignal | null;
  timeZone: string;
  now: Date;
}

const day = (instant: string, tz: string) => format(new TZDate(new Date(instant).getTime(), tz), 'yyyy-MM-dd');

export function meetingLabel(m: MeetingSignal, tz: string): string {
  const at = m.heldAt ?? m.plannedFor;
  return at ? `${m.type}, ${format(new TZDate(new Date(at).getTime(), tz), 'EEE d MMM yyyy')}` : m.type;
}

export function prefillDraft(input: PrefillInput): RecapDraft {
  const tz = input.timeZone;
  const m = input.meeting;
  const meetingAt = m?.heldAt ?? m?.plannedFor;
  const own = m ? input.decisions.filter((d) => d.meetingId === m.meetingId && !d.deletedAt) : [];
  // Decisions first (in the order they were proposed), "other actions" after them.
  const ordered = [...own].sort(
    (a, b) => Number(!!a.otherAction) - Number(!!b.otherAction) || a.proposedAt.localeCompare(b.proposedAt),
  );
  const items = ordered.map((d) =>
    emptyItem({
      title: d.title,
      whyNow: d.whyNow ?? '',
      impact: d.impact ?? '',
      owner: d.owner ?? '',
      dueDate: d.dueDate ?? '',
      budget: d.budget ?? '',
      decisionId: d.decisionId,
    }),
  );

  const openDecisions = input.decisions
    .filter((d) => d.status === 'pending' && !d.deletedAt && (!m || d.meetingId !== m.meetingId) && !d.otherAction)
    .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt))
    .map((d) => `Open decision: ${d.title}${d.owner ? ` (${d.owner})` : ''}, proposed ${day(d.proposedAt, tz)}`);
  const openCtas = input.ctas
    .filter((c) => c.status === 'open' && !c.deletedAt)
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy))
    .slice(0, 8)
    .map((c) => `${c.title} — ${c.owner.name ?? `${c.owner.role} unassigned`}, due ${day(c.dueBy, tz)}`);

  const draft = emptyDraft({
    variant: input.variant,
    accountName: input.accountName,
    meetingLabel: m ? meetingLabel(m, tz) : '',
    meetingDate: meetingAt ? day(meetingAt, tz) : day(input.now.toISOString(), tz),
    items,
    healthSinceLast: input.healthLines.join('\n'),
    openItems: [...openDecisions, ...openCtas].join('\n'),
    nextCadence: input.nextCadenceAt ? day(input.nextCadenceAt, tz) : '',
  });

  if (input.variant === 'savePlan') {
    draft.assumptions = (input.atRiskReasons ?? []).map((r) => `Risk: ${r}`).join('\n');
    draft.containment = [emptyPlanAction()];
    draft.correction = [emptyPlanAction()];
  }
  const neg = input.negative;
  if (neg) {
    const heard = neg.kind === 'pulse' ? (neg.missing?.trim() || `a meeting pulse of ${neg.score}/5`) : neg.summary.trim();
    if (input.variant === 'weHeard') draft.weHeard = heard;
    else if (input.variant === 'recap') draft.weHeard = heard;
  }
  return draft;
}
