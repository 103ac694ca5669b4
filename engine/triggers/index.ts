/**
 * The trigger engine: `computeTriggers(input)` → the CTAs due for one account at `asOf`.
 * Pure; the same input gives the same CTAs (ids `${accountId}:${trigger}:${period}`, deadlines from
 * when each condition became true), so running it again — or a week later — updates, never duplicates.
 *
 * Families: cadence-triggers (CAD-1…6), missed (missed-cadence recovery), plays (core plays and
 * per-dimension Red CTAs), at-risk (Save Plan), proposals (decision aging).
 */
import type { CtaSpec } from '../model';
import { atRiskCtas } from './at-risk';
import { cadenceTriggers, CADENCE_TRIGGERS } from './cadence-triggers';
import { makeContext, type TriggerContext, type TriggerInput } from './context';
import { missedCadenceTriggers } from './missed';
import { corePlays, redPlays } from './plays';
import { proposalAgingTriggers } from './proposals';
import { parseInstant } from '../time/zoned';

export type { TriggerInput } from './context';
export { detectAtRisk, atRiskFlag, atRiskReasons } from './at-risk';
export { ctaId } from './ids';

export function computeTriggers(input: TriggerInput): CtaSpec[] {
  return computeTriggersIn(makeContext(input));
}

/** `computeTriggers` over a context already made (evaluateAccount shares one with the at-risk flag). */
export function computeTriggersIn(ctx: TriggerContext): CtaSpec[] {
  const cadence = cadenceTriggers(ctx);
  const fixFirstOpen = cadence.some((c) => c.trigger === CADENCE_TRIGGERS.adoptionFixFirst);
  const all = [
    ...cadence,
    ...missedCadenceTriggers(ctx),
    ...corePlays(ctx, { fixFirstOpen }),
    ...redPlays(ctx),
    ...atRiskCtas(ctx),
    ...proposalAgingTriggers(ctx),
  ];
  // Dedupe per account + trigger + period (first wins), then a stable order: oldest first.
  const byId = new Map<string, CtaSpec>();
  for (const c of all) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => parseInstant(a.firedAt) - parseInstant(b.firedAt) || a.id.localeCompare(b.id));
}
