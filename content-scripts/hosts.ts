/**
 * The sites Metronome reads, by product: the cloud origins of each PSA and of the Microsoft 365
 * admin centers. One list for the options page's cards (ui/options/origins.ts), the choice of reader
 * bundle and of where the API observer runs (content-scripts/runtime/bundles.ts). Pure data; every
 * pattern must also be in `OPTIONAL_HOSTS` (wxt.config.ts) — a test checks.
 */

export type HostCardId = 'connectwise' | 'autotask' | 'halopsa' | 'm365' | 'outlook';

export interface HostCard {
  id: HostCardId;
  name: string;
  /** One line: what Metronome reads there. */
  reads: string;
  /** Match patterns requested (and removed) together. */
  origins: readonly string[];
}

export const HOST_CARDS: readonly HostCard[] = [
  {
    id: 'connectwise',
    name: 'ConnectWise PSA (cloud)',
    reads: 'Service tickets, boards, companies, agreements and SLAs.',
    origins: ['https://*.myconnectwise.net/*', 'https://*.connectwise.net/*', 'https://*.myconnectwise.com/*'],
  },
  {
    id: 'autotask',
    name: 'Autotask (Datto) PSA',
    reads: 'Tickets, queues, accounts and contracts.',
    origins: ['https://*.autotask.net/*'],
  },
  {
    id: 'halopsa',
    name: 'HaloPSA (cloud)',
    reads: 'Tickets, clients and contracts.',
    origins: ['https://*.halopsa.com/*'],
  },
  {
    id: 'm365',
    name: 'Microsoft 365 admin centers',
    reads: 'MFA registration, licences, Secure Score and active users (Technology Adoption).',
    origins: ['https://admin.microsoft.com/*', 'https://entra.microsoft.com/*', 'https://security.microsoft.com/*'],
  },
  {
    id: 'outlook',
    name: 'Outlook on the web',
    reads: 'Only when you click “use this page” in the recap composer: the open email’s text.',
    origins: ['https://outlook.office.com/*', 'https://outlook.office365.com/*'],
  },
];

/** `https://*.example.com/*` → `*.example.com`. */
export function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
}
