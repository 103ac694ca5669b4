/**
 * Proposal / decision aging (DECISIONS §5, [L155] [L231]): a proposal pending more than 30 days
 * (strictly) → reset play (two options: now vs next quarter); more than 60 days → re-sequence on the
 * roadmap or close with a decline reason (price | timing | relevance | dependency). One CTA per
 * proposal and step; it fires at proposedAt + N calendar days in the user's time zone, so its clocks
 * never move between runs. A decided proposal (yes/no) stops both.
 */
import type { CtaSpec } from '../model';
import type { DecisionRec } from '../prepared';
import { addCalendarDays } from '../time/business';
import { buildCta, DAY_MS, fmtDay, type TriggerContext } from './context';
import { recordPeriod } from './ids';

export const PROPOSAL_TRIGGERS = { reset: 'proposalReset', resequence: 'proposalResequence' } as const;

/**
 * The latest record per decision id (a decision logged again updates its status), over the context's
 * prepared records; computed once per context: the at-risk, engagement-drop and proposal families all read it.
 */
export function latestDecisionRecs(ctx: TriggerContext): readonly DecisionRec[] {
  if (ctx.memo.decisions) return ctx.memo.decisions as DecisionRec[];
  const byId = new Map<string, DecisionRec>();
  const observed = ctx.prepared.observedMs;
  for (const r of ctx.prepared.decisions) {
    const prev = byId.get(r.s.decisionId);
    if (!prev || observed(r.s) >= observed(prev.s)) byId.set(r.s.decisionId, r);
  }
  const out = [...byId.values()];
  ctx.memo.decisions = out;
  return out;
}

export function proposalAgingTriggers(ctx: TriggerContext): CtaSpec[] {
  const cfg = ctx.config.triggers.proposals;
  const t = ctx.asOf.getTime();
  const out: CtaSpec[] = [];
  const pending = latestDecisionRecs(ctx)
    .filter((r) => r.s.status === 'pending' && !r.s.otherAction && r.proposed <= t)
    .sort((a, b) => a.proposed - b.proposed || a.s.decisionId.localeCompare(b.s.decisionId));
  for (const { s: d, proposed: proposedMs } of pending) {
    const proposed = new Date(proposedMs);
    const age = Math.floor((t - proposed.getTime()) / DAY_MS);
    const period = recordPeriod('decision', d.decisionId);
    const vars = { proposal: d.title };
    const steps = [
      { play: cfg.reset, after: cfg.resetAfterDays, trigger: PROPOSAL_TRIGGERS.reset },
      { play: cfg.resequence, after: cfg.resequenceAfterDays, trigger: PROPOSAL_TRIGGERS.resequence },
    ];
    for (const { play, after, trigger } of steps) {
      if (!play.enabled) continue;
      const firedAt = addCalendarDays(proposed, after, ctx.tz);
      if (!(t > firedAt.getTime())) continue; // "> N days": exactly N days is not yet
      out.push(
        buildCta(ctx, play, {
          trigger,
          period,
          title: `${play.title}: ${d.title}`,
          firedAt,
          dimension: 'engagement',
          why: `Proposal "${d.title}" proposed ${fmtDay(proposed, ctx)} is pending for ${age} days (> ${after}) without a decision.`,
          vars,
        }),
      );
    }
  }
  return out;
}
