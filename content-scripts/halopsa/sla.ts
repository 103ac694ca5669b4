/**
 * HaloPSA SLA fields → `TicketSla`. Halo ("Halo API v2" Faults) carries the targets
 * (`respondbydate`, `fixbydate`), the actuals (`responsedate`, `dateclosed`), the states
 * (`slaresponsestate`, `slastate`: `I` inside / `O` outside SLA; the agent UI prints "Inside SLA" /
 * "Outside SLA"), `slapercused` (% of the SLA time used) and `excludefromsla`.
 *
 * Rule: a state "outside" is a miss; "inside" counts as met only once the event happened (an open
 * ticket inside its SLA has not met it yet); otherwise the dates decide, as for every PSA (met if
 * done by the target, missed if done late or the target passed without it).
 */
import type { TicketSla } from '../../engine/signals';
import { stepMet } from '../core/sla';

export interface HaloSlaInput {
  responseDueAt?: string;
  respondedAt?: string;
  resolutionDueAt?: string;
  resolvedAt?: string;
  responseState?: string | null;
  resolutionState?: string | null;
  excluded?: boolean | null;
  percentUsed?: number | null;
}

/** `I` / "Inside SLA" → true, `O` / "Outside SLA" → false, anything else → undefined. */
export function slaState(state: string | null | undefined): boolean | undefined {
  const s = (state ?? '').trim().toLowerCase();
  if (s === 'i' || s === 'inside' || s === 'inside sla' || s === 'within sla') return true;
  if (s === 'o' || s === 'outside' || s === 'outside sla' || s === 'breached') return false;
  return undefined;
}

function met(state: string | null | undefined, actual: string | undefined, due: string | undefined, now: Date): boolean | undefined {
  const s = slaState(state);
  if (s === false) return false;
  if (s === true && actual) return true;
  return stepMet(actual, due, now.getTime());
}

export function haloSla(x: HaloSlaInput, now: Date): TicketSla | undefined {
  const sla: TicketSla = {};
  if (x.responseDueAt) sla.responseDueAt = x.responseDueAt;
  if (x.resolutionDueAt) sla.resolutionDueAt = x.resolutionDueAt;
  const responseMet = met(x.responseState, x.respondedAt, x.responseDueAt, now);
  const resolutionMet = met(x.resolutionState, x.resolvedAt, x.resolutionDueAt, now);
  if (responseMet !== undefined) sla.responseMet = responseMet;
  if (resolutionMet !== undefined) sla.resolutionMet = resolutionMet;
  if (x.excluded === true) sla.excluded = true;
  if (typeof x.percentUsed === 'number' && x.percentUsed >= 0 && x.percentUsed <= 100_000) sla.percentUsed = x.percentUsed;
  return Object.keys(sla).length > 0 ? sla : undefined;
}
