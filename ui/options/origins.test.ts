import { describe, expect, it } from 'vitest';
import { OPTIONAL_HOSTS } from '../../wxt.config';
import { HOST_CARDS, hostOf } from '../../content-scripts/hosts';
import { cardOf, checkSelfHostedOrigin, isBroadPattern, listableOrigins } from './origins';

const ok = (input: string) => {
  const r = checkSelfHostedOrigin(input);
  if (!r.ok) throw new Error(`expected ${input} to be accepted: ${r.reason}`);
  return r;
};
const reason = (input: string) => {
  const r = checkSelfHostedOrigin(input);
  if (r.ok) throw new Error(`expected ${input} to be refused, got ${r.pattern}`);
  return r.reason;
};

describe('checkSelfHostedOrigin — PRODUCT non-negotiable: host access only to origins the user enables', () => {
  it('https origin → exactly one origin pattern', () => {
    expect(ok('https://psa.example.com')).toEqual({ ok: true, pattern: 'https://psa.example.com/*', display: 'https://psa.example.com' });
  });

  it('a trailing "/" or "/*", upper case and surrounding spaces are normalised', () => {
    expect(ok('  HTTPS://PSA.Example.com/ ').pattern).toBe('https://psa.example.com/*');
    expect(ok('https://psa.example.com/*').pattern).toBe('https://psa.example.com/*');
    expect(ok('https://psa.example.com.').pattern).toBe('https://psa.example.com/*');
  });

  it('no scheme → https is assumed', () => {
    expect(ok('psa.example.com').pattern).toBe('https://psa.example.com/*');
    expect(ok('psa.example.com:8443').pattern).toBe('https://psa.example.com/*');
  });

  it('a leading "*." wildcard is allowed inside one domain', () => {
    expect(ok('https://*.psa.example.com').pattern).toBe('https://*.psa.example.com/*');
    expect(ok('https://*.example.com').pattern).toBe('https://*.example.com/*');
    expect(reason('https://*.com')).toMatch(/inside one domain/);
  });

  it('wildcards anywhere else are refused', () => {
    for (const bad of ['https://psa.*.com', 'https://*', 'https://*/*', 'https://ps*.example.com', 'https://*.*.example.com', '*://psa.example.com'])
      expect(checkSelfHostedOrigin(bad).ok, bad).toBe(false);
  });

  it('paths, queries and fragments are refused (a permission is per site)', () => {
    expect(reason('https://psa.example.com/v4_6_release/services')).toMatch(/without a path/);
    expect(reason('https://psa.example.com/?x=1')).toMatch(/without a path/);
    expect(reason('https://psa.example.com#top')).toMatch(/without a path/);
    expect(reason('https://psa.example.com/*/x')).toMatch(/without a path/);
  });

  it('plain http is refused except for localhost and 127.0.0.1', () => {
    expect(reason('http://psa.example.com')).toMatch(/Only https/);
    expect(reason('http://10.0.0.5')).toMatch(/Only https/);
    expect(reason('http://*.localhost')).toMatch(/Only https/);
    expect(ok('http://localhost').pattern).toBe('http://localhost/*');
    expect(ok('http://127.0.0.1').pattern).toBe('http://127.0.0.1/*');
  });

  it('a port is dropped from the pattern, with a note (match patterns cover every port)', () => {
    const r = ok('http://localhost:8080');
    expect(r.pattern).toBe('http://localhost/*');
    expect(r.note).toMatch(/port 8080/);
    expect(reason('https://psa.example.com:99999')).toMatch(/port/);
    expect(reason('https://psa.example.com:')).toMatch(/port/);
  });

  it('other schemes, credentials, IPv6, bad names and empty input are refused', () => {
    expect(reason('ftp://psa.example.com')).toMatch(/not supported/);
    expect(reason('file:///etc/passwd')).toMatch(/not supported/);
    expect(reason('javascript:alert(1)')).toMatch(/Only https/);
    expect(reason('https://user:pw@psa.example.com')).toMatch(/user name or password/);
    expect(reason('https://[::1]')).toMatch(/IPv6/);
    expect(reason('https://-bad-.example.com')).toMatch(/not a valid host name/);
    expect(reason('https://psa_example.com')).toMatch(/not a valid host name/);
    expect(reason('https://psa')).toMatch(/full host name/);
    expect(reason('https://300.1.1.1')).toMatch(/not a valid IP/);
    expect(reason('https://*.10.0.0.1')).toMatch(/IP address/);
    expect(reason('   ')).toMatch(/Enter the address/);
    expect(reason('https://psa example.com')).toMatch(/spaces/);
  });

  it('an https IP address and an international name are accepted (name as punycode)', () => {
    expect(ok('https://10.0.0.5').pattern).toBe('https://10.0.0.5/*');
    expect(ok('https://bücher.example').pattern).toBe('https://xn--bcher-kva.example/*');
  });
});

describe('host cards', () => {
  it('every card origin is an optional host permission of the manifest (else the request fails)', () => {
    for (const c of HOST_CARDS) for (const o of c.origins) expect(OPTIONAL_HOSTS, `${c.id} ${o}`).toContain(o);
  });

  it('the manifest makes self-hosted origins requestable: https://*/* and the loopback hosts', () => {
    expect(OPTIONAL_HOSTS).toEqual(expect.arrayContaining(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']));
  });

  it('ConnectWise asks for its three cloud domains, M365 for the three admin centers', () => {
    expect(HOST_CARDS.find((c) => c.id === 'connectwise')!.origins).toEqual([
      'https://*.myconnectwise.net/*',
      'https://*.connectwise.net/*',
      'https://*.myconnectwise.com/*',
    ]);
    expect(HOST_CARDS.find((c) => c.id === 'm365')!.origins).toEqual([
      'https://admin.microsoft.com/*',
      'https://entra.microsoft.com/*',
      'https://security.microsoft.com/*',
    ]);
  });

  it('cardOf / hostOf / listableOrigins / isBroadPattern', () => {
    expect(cardOf('https://*.autotask.net/*')?.id).toBe('autotask');
    expect(cardOf('https://psa.example.com/*')).toBeUndefined();
    expect(hostOf('https://*.halopsa.com/*')).toBe('*.halopsa.com');
    expect(
      listableOrigins(['https://psa.example.com/*', 'chrome-extension://abc/*', 'https://*.autotask.net/*', 'https://psa.example.com/*']),
    ).toEqual(['https://*.autotask.net/*', 'https://psa.example.com/*']);
    expect(listableOrigins(undefined)).toEqual([]);
    expect(isBroadPattern('https://*/*')).toBe(true);
    expect(isBroadPattern('<all_urls>')).toBe(true);
    expect(isBroadPattern('https://*.example.com/*')).toBe(false);
  });
});
