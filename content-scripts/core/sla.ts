/** SLA outcomes as readers infer them when the page does not print "Met"/"Not met". */

/**
 * Was an SLA step (response, resolution) met? Done by its due time → met; due time passed without
 * it → missed; otherwise not known yet. No due time → unknown.
 */
export function stepMet(actual: string | undefined, due: string | undefined, nowMs: number): boolean | undefined {
  if (!due) return undefined;
  const dueMs = Date.parse(due);
  if (actual) return Date.parse(actual) <= dueMs;
  return nowMs > dueMs ? false : undefined;
}
