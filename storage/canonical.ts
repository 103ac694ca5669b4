/**
 * Content comparison for idempotent writes: two records are "the same" when their canonical JSON
 * (keys sorted, `undefined` dropped) is equal, ignoring bookkeeping fields such as `observedAt`
 * and `updatedAt`. An unchanged record is never rewritten.
 */

/** Canonical JSON: object keys sorted at every depth; `undefined` properties dropped. */
export function canonicalJson(value: unknown, ignoreTopLevel: readonly string[] = []): string {
  return JSON.stringify(sortKeys(value, new Set(ignoreTopLevel), true));
}

function sortKeys(v: unknown, ignore: Set<string>, top: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => sortKeys(x, ignore, false));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (top && ignore.has(k)) continue;
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x, ignore, false);
    }
    return out;
  }
  return v;
}

export function sameContent(a: unknown, b: unknown, ignoreTopLevel: readonly string[] = []): boolean {
  return canonicalJson(a, ignoreTopLevel) === canonicalJson(b, ignoreTopLevel);
}
