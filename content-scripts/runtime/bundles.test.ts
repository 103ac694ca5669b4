import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_CARDS } from '../hosts';
import { DEMO_PSA_HOSTS, observerExcludeMatches, observesApi, READER_BUNDLE_FILES, readerBundleFor, readerFileFor } from './bundles';
import { readerContentScript } from './reader';

describe('readerFileFor: a PSA cloud host gets its own bundle, anything else every adapter', () => {
  it.each([
    ['https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard', '/content-scripts/reader-connectwise.js'],
    ['https://eu.myconnectwise.net/', '/content-scripts/reader-connectwise.js'],
    ['https://api-na.connectwise.net/x', '/content-scripts/reader-connectwise.js'],
    ['https://aus.myconnectwise.com/x', '/content-scripts/reader-connectwise.js'],
    ['https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=1', '/content-scripts/reader-autotask.js'],
    ['https://acme.halopsa.com/ticket?id=5101', '/content-scripts/reader-halopsa.js'],
    ['https://admin.microsoft.com/#/users', '/content-scripts/reader-m365.js'],
    ['https://entra.microsoft.com/#view/Microsoft_AAD_IAM', '/content-scripts/reader-m365.js'],
    ['https://security.microsoft.com/securescore', '/content-scripts/reader-m365.js'],
  ])('%s → %s', (url, file) => {
    expect(readerFileFor(url)).toBe(file);
  });

  it('the demo hosts of the tour and the bench (any port) → that PSA’s bundle', () => {
    expect(readerFileFor('http://cw.localhost:41234/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1')).toBe('/content-scripts/reader-connectwise.js');
    expect(readerFileFor('http://autotask.localhost:41234/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=29711043')).toBe('/content-scripts/reader-autotask.js');
    expect(readerFileFor('http://halo.localhost:41234/ticket?id=5101')).toBe('/content-scripts/reader-halopsa.js');
    expect(readerFileFor('http://m365.localhost:41234/?tenant=contoso.com')).toBe('/content-scripts/reader-m365.js');
    expect(Object.keys(DEMO_PSA_HOSTS).sort()).toEqual(['autotask', 'connectwise', 'halopsa', 'm365']);
  });

  it('unknown PSA hosts → the all-adapters reader.js (self-hosted, loopback demo, other demo subdomains)', () => {
    for (const url of [
      'https://psa.example.com/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=1',
      'http://127.0.0.1:5173/v4_6_release/ConnectWise.aspx?routeTo=ServiceBoard&boardId=1',
      'http://localhost:5173/ticket?id=5101',
      'http://other.localhost:5173/',
      'http://xcw.localhost/',
      'https://outlook.office.com/mail/',
    ])
      expect(readerFileFor(url), url).toBe('/content-scripts/reader.js');
  });

  it('a wildcard covers the domain and its subdomains only, not look-alikes', () => {
    expect(readerBundleFor('https://myconnectwise.net/')).toBe('connectwise');
    expect(readerBundleFor('https://a.b.myconnectwise.net/')).toBe('connectwise');
    expect(readerBundleFor('https://evilmyconnectwise.net/')).toBe('all');
    expect(readerBundleFor('https://na.myconnectwise.net.example.com/')).toBe('all');
    expect(readerBundleFor('https://microsoft.com/')).toBe('all');
    expect(readerBundleFor('https://portal.microsoft.com/')).toBe('all');
  });

  it('host case and a trailing dot do not matter; an unparsable URL → all', () => {
    expect(readerBundleFor('https://NA.MyConnectWise.NET./x')).toBe('connectwise');
    expect(readerBundleFor('not a url')).toBe('all');
    expect(readerBundleFor('about:blank')).toBe('all');
  });

  it('one source of truth: every origin of the PSA/M365 option cards maps to its own bundle', () => {
    for (const card of HOST_CARDS.filter((c) => c.id !== 'outlook'))
      for (const origin of card.origins) {
        const host = origin.replace(/^https:\/\//, '').replace(/\/\*$/, '').replace(/^\*\./, 'tenant.');
        expect(readerBundleFor(`https://${host}/`), origin).toBe(card.id);
      }
    expect(Object.values(READER_BUNDLE_FILES)).toHaveLength(5);
  });
});

describe('observerExcludeMatches: no main-world API observer where the reader reads only the DOM', () => {
  it('ConnectWise and Autotask cloud hosts and their demo hosts, exactly', () => {
    expect(observerExcludeMatches()).toEqual([
      'https://*.myconnectwise.net/*',
      'https://*.connectwise.net/*',
      'https://*.myconnectwise.com/*',
      'https://*.autotask.net/*',
      '*://cw.localhost/*',
      '*://autotask.localhost/*',
    ]);
  });
  it('keeps it where API JSON is read (HaloPSA, Microsoft 365) and on unknown hosts', () => {
    const excluded = observerExcludeMatches().join(' ');
    for (const host of ['halopsa.com', 'microsoft.com', 'halo.localhost', 'm365.localhost', '127.0.0.1', '//localhost']) expect(excluded).not.toContain(host);
  });
});

describe('READER_BUNDLE_FILES: each file is a WXT content-script entrypoint', () => {
  it('content-scripts/<name>.js ← entrypoints/<name>.content.ts, registered at runtime only', () => {
    for (const file of Object.values(READER_BUNDLE_FILES)) {
      const name = /^\/content-scripts\/([\w-]+)\.js$/.exec(file)?.[1];
      expect(name, file).toBeDefined();
      const source = readFileSync(path.resolve('entrypoints', `${name}.content.ts`), 'utf8');
      expect(source).toContain('export default defineContentScript(readerContentScript(');
    }
  });

  it('the shared reader definition is runtime-registered, in every frame, after the DOM is idle', () => {
    const def = readerContentScript(['https://*.example.com/*'], []);
    expect(def).toMatchObject({ registration: 'runtime', allFrames: true, runAt: 'document_idle', matches: ['https://*.example.com/*'] });
  });
});

describe('observesApi: the API observer goes where the reader may use API responses', () => {
  it.each([
    ['https://acme.halopsa.com/ticket?id=5', true],
    ['https://admin.microsoft.com/#/users', true],
    ['https://psa.example.com/tickets', true], // a self-hosted PSA: unknown, so observed
    ['https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx', false],
    ['https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc', false],
    ['http://cw.localhost:8080/', false],
  ])('%s → %s', (url, expected) => {
    expect(observesApi(url)).toBe(expected);
  });
});
