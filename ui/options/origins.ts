/**
 * The options page's site logic: which PSA / Microsoft 365 card an origin belongs to (the cards
 * themselves: content-scripts/hosts.ts) and the validation of a self-hosted PSA origin. Pure (no
 * browser APIs): the page turns these into `permissions.request({ origins })` calls. Every pattern here must be covered by
 * `OPTIONAL_HOSTS` in `wxt.config.ts` (a test checks), or the browser refuses the request.
 */
import { HOST_CARDS, hostOf, type HostCard } from '../../content-scripts/hosts';

/** Hosts that may be reached over plain http (the loopback address of a local or demo PSA). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'] as const;

export type OriginCheck =
  | {
      ok: true;
      /** Match pattern to request, e.g. `https://psa.example.com/*`. */
      pattern: string;
      /** What to show: `https://psa.example.com`. */
      display: string;
      /** Something the user should know (a port was dropped). */
      note?: string;
    }
  | { ok: false; reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Validate what the user typed for a self-hosted PSA and turn it into one match pattern.
 * Accepted: `https://host`, `https://*.host.tld`, `host` (https assumed), a trailing `/` or `/*`;
 * plain `http://` only for localhost / 127.0.0.1. Refused: other schemes, paths, queries,
 * credentials, wildcards anywhere but a leading `*.`, a wildcard over a bare top-level domain.
 */
export function checkSelfHostedOrigin(input: string): OriginCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'Enter the address of your PSA, e.g. https://psa.example.com' };
  if (/\s/.test(raw)) return { ok: false, reason: 'An address cannot contain spaces' };

  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'https';
  let rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  if (!schemeMatch && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw)) return { ok: false, reason: 'Only https:// addresses can be added' };
  if (scheme !== 'https' && scheme !== 'http') return { ok: false, reason: `“${scheme}://” is not supported: use https://` };

  // Authority ends at the first / ? #; only an empty path, "/" or "/*" may follow.
  const end = rest.search(/[/?#]/);
  const tail = end === -1 ? '' : rest.slice(end);
  rest = end === -1 ? rest : rest.slice(0, end);
  if (tail && tail !== '/' && tail !== '/*')
    return { ok: false, reason: 'Enter the site only, without a path or query (e.g. https://psa.example.com)' };
  if (rest.includes('@')) return { ok: false, reason: 'An address with a user name or password cannot be added' };

  let host = rest;
  let note: string | undefined;
  const portMatch = /:(\d*)$/.exec(host);
  if (portMatch) {
    host = host.slice(0, portMatch.index);
    if (!portMatch[1] || Number(portMatch[1]) > 65535) return { ok: false, reason: 'The port number is not valid' };
    note = `Browsers grant a site on every port: port ${portMatch[1]} is not part of the permission.`;
  }
  if (host.startsWith('[')) return { ok: false, reason: 'IPv6 addresses are not supported: use a host name' };
  host = host.toLowerCase().replace(/\.$/, '');
  if (!host) return { ok: false, reason: 'Enter a host name' };

  const wildcard = host.startsWith('*.');
  const bare = wildcard ? host.slice(2) : host;
  if (bare.includes('*')) return { ok: false, reason: 'A wildcard is allowed only as a leading “*.” (e.g. https://*.psa.example.com)' };

  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(bare);
  if (scheme === 'http' && (!loopback || wildcard))
    return { ok: false, reason: 'Only https:// addresses can be added (plain http only for localhost and 127.0.0.1)' };

  const ip = IPV4.exec(bare);
  if (ip) {
    if (ip.slice(1).some((n) => Number(n) > 255)) return { ok: false, reason: `“${bare}” is not a valid IP address` };
    if (wildcard) return { ok: false, reason: 'A wildcard cannot be used with an IP address' };
  } else {
    const ascii = toAsciiHost(bare);
    if (!ascii) return { ok: false, reason: `“${bare}” is not a valid host name` };
    const labels = ascii.split('.');
    if (!labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!))
      return { ok: false, reason: `“${bare}” is not a valid host name` };
    if (wildcard && labels.length < 2)
      return { ok: false, reason: 'A wildcard must stay inside one domain (e.g. *.example.com, not *.com)' };
    if (labels.length < 2 && !loopback) return { ok: false, reason: 'Enter a full host name, e.g. psa.example.com' };
    host = (wildcard ? '*.' : '') + ascii;
  }
  if (ip) host = bare;

  const display = `${scheme}://${host}`;
  return { ok: true, pattern: `${display}/*`, display, ...(note ? { note } : {}) };
}

/** Punycode for international names (via the URL parser); undefined when it is not a host. */
function toAsciiHost(host: string): string | undefined {
  try {
    const u = new URL(`https://${host}/`);
    return u.hostname && u.port === '' && u.pathname === '/' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The card an origin pattern belongs to, if any. */
export function cardOf(pattern: string): HostCard | undefined {
  return HOST_CARDS.find((c) => c.origins.includes(pattern));
}

/** Granted origins worth listing: drop the extension's own pages and `<all_urls>`-style entries. */
export function listableOrigins(granted: readonly string[] | undefined): string[] {
  return [...new Set(granted ?? [])]
    .filter((o) => o === '<all_urls>' || /^(https?|\*):\/\//.test(o))
    .sort((a, b) => hostOf(a).localeCompare(hostOf(b)) || a.localeCompare(b));
}

/**
 * A pattern that reaches every site of a scheme (`https://*\/*`): it is in the manifest only so a
 * self-hosted origin can be requested; if it were ever granted, the page warns about it.
 */
export function isBroadPattern(pattern: string): boolean {
  return /^(https?|\*):\/\/\*\//.test(pattern) || pattern === '<all_urls>';
}
