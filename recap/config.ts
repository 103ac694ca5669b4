/**
 * Recap settings (DECISIONS §6, seed §8.4/§8.9). Defaults are the binding decisions; the composer
 * takes them as a parameter so the options page can override them like any other configuration.
 */
export interface RecapConfig {
  /** Recap due this many hours after the meeting's end (DECISIONS §6, [L116]). */
  recapDueHours: number;
  /** Max decisions per strategic meeting; the rest become "other actions" (DECISIONS §6, [L129]). */
  maxDecisions: number;
  /** Save Plan H1 Containment horizon, days [L236]. */
  savePlanContainmentDays: number;
  /** Save Plan H2 Correction horizon, days [L236]. */
  savePlanCorrectionDays: number;
  /** Countdown turns to "due soon" below this many hours left. */
  dueSoonHours: number;
}

export const RECAP_DEFAULTS: RecapConfig = Object.freeze({
  recapDueHours: 48,
  maxDecisions: 2,
  savePlanContainmentDays: 14,
  savePlanCorrectionDays: 60,
  dueSoonHours: 12,
});
