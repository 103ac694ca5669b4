/**
 * Autotask SLA events → `TicketSla`. Autotask tracks three SLA events per ticket (REST:
 * `firstResponseDueDateTime`/`firstResponseDateTime`, `resolutionPlanDueDateTime`/…,
 * `resolvedDueDateTime`/`resolvedDateTime`; SLA results `isFirstResponseMet`, `isResolutionMet`)
 * and an overall "SLA Met" flag (`serviceLevelAgreementHasBeenMet`).
 *
 * Rule: an event is met when it happened by its due time, missed when it happened later or has not
 * happened and the due time has passed, unknown otherwise. The overall "SLA Met" only fills what the
 * dates leave unknown: "Yes" → every unknown event met; "No" → if the other event is known met, the
 * unknown one is the miss; with both unknown (a grid that shows only "SLA Met"), "No" counts as a
 * resolution miss — either way the ticket is not "response and resolution both met".
 */
import { stepMet } from '../core/sla';
import type { TicketSla } from '../../engine/signals';

export interface SlaEvents {
  responseDueAt?: string;
  respondedAt?: string;
  resolutionDueAt?: string;
  resolvedAt?: string;
  /** The overall "SLA Met" flag as shown (Yes/No), when the page shows it. */
  slaMet?: boolean;
}


export function autotaskSla(e: SlaEvents, now: Date): TicketSla | undefined {
  if (!e.responseDueAt && !e.resolutionDueAt && e.slaMet === undefined) return undefined;
  let responseMet = stepMet(e.respondedAt, e.responseDueAt, now.getTime());
  let resolutionMet = stepMet(e.resolvedAt, e.resolutionDueAt, now.getTime());
  if (e.slaMet === true) {
    responseMet ??= true;
    resolutionMet ??= true;
  } else if (e.slaMet === false) {
    if (responseMet === true && resolutionMet === undefined) resolutionMet = false;
    else if (resolutionMet === true && responseMet === undefined) responseMet = false;
    else if (responseMet === undefined && resolutionMet === undefined) resolutionMet = false;
  }
  const sla: TicketSla = {};
  if (e.responseDueAt) sla.responseDueAt = e.responseDueAt;
  if (e.resolutionDueAt) sla.resolutionDueAt = e.resolutionDueAt;
  if (responseMet !== undefined) sla.responseMet = responseMet;
  if (resolutionMet !== undefined) sla.resolutionMet = resolutionMet;
  return sla;
}

/** "Yes"/"No" (and the check marks some grids print) → boolean. */
export function yesNo(value: string | undefined): boolean | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', '✓', '✔', 'ja', 'oui', 'sí', 'si'].includes(v)) return true;
  if (['no', 'false', '✗', '✘', 'nein', 'non'].includes(v)) return false;
  return undefined;
}
