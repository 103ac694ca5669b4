/**
 * A deterministic text order for tie-breaks (sorted domains, SKU names), without Intl:
 * `localeCompare` starts ICU's collator in the page, and the content scripts touch no Intl
 * (runtime/read-context.ts). Case-insensitive first (`toLowerCase`, not the locale's), then lower
 * case before upper, then UTF-16 code units. For ASCII domain names and SKU names this is the order
 * `localeCompare` gives in the root/English locale (compare.test.ts); beyond ASCII it is simply stable.
 */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  // Same letters: the one with lower case first comes first (`a` before `A`, as ICU's root order).
  return a === b ? 0 : a < b ? 1 : -1;
}
