/**
 * Runs `fn` with the Node process's own time zone set to `tz` (Node re-reads `TZ` when it is
 * assigned), then restores it: tests of code that uses `Date`'s local time (LOCAL_TIME_ZONE in
 * content-scripts/core/dates.ts) run it in several zones on every machine.
 */
export function inProcessZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
