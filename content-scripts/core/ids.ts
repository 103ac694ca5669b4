/**
 * Stable signal ids: reading the same entity twice must update one record, not add a second
 * (`ticket:acme.myconnectwise.net:284511`). The host is lower-cased and its port dropped, so the
 * demo server's port or a `:443` in the address does not fork an entity into two.
 */

/** `${kind}:${host}:${entityId}` with a lower-cased, port-less host and a trimmed entity id. */
export function signalId(kind: string, host: string, entityId: string | number): string {
  return `${kind}:${normalizeHost(host)}:${String(entityId).trim()}`;
}

/** Lower-cased host without a trailing `:port` (IPv6 literals keep their brackets). */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '');
}
