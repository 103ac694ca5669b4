/**
 * HaloPSA client page (`/customers?clientid=100`), DOM fallback → `accountFacts`: name, Halo client
 * id, account manager (role `am`) and the client's users (contacts) with job titles.
 */
import type { AccountFactsSignal } from '../../engine/signals';
import type { PageTypeReader, ReadContext } from '../core/types';
import { findTableByHeaders, indexLabels, readTable, text, valueByLabel } from '../core/dom';
import { ADAPTER, PATHS, SELECTORS, clientObservation, haloId, queryParam, reading } from './page';

export const CLIENT_LABELS = { accountManager: ['Account Manager'] } as const;
export const USER_HEADERS = {
  name: ['Name', 'User', 'User Name'],
  title: ['Job Title', 'Title'],
  email: ['Email Address', 'Email'],
} as const;

export const REQUIRED_CLIENT_FIELDS = ['clientId', 'clientName', 'accountManager'] as const;
const MAX_CONTACTS = 500;

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const main = doc.querySelector(SELECTORS.main) ?? doc.body;
  const clientId = haloId(queryParam(ctx.url, 'clientid'));
  const name = text(doc.querySelector(SELECTORS.clientName)) || undefined;
  const am = valueByLabel(indexLabels(main), CLIENT_LABELS.accountManager);
  if (!clientId) missing.push('clientId');
  if (!name) missing.push('clientName');
  if (am === undefined) missing.push('accountManager');
  if (missing.length > 0 || !clientId || !name) return reading('company', [], missing, warnings);

  // No users grid (another tab is open) → contacts unknown, not "none".
  const grid = findTableByHeaders(main, USER_HEADERS, ['name', 'title'], SELECTORS.grid);
  let contacts: NonNullable<AccountFactsSignal['contacts']> | undefined;
  if (grid) {
    contacts = [];
    for (const { values } of readTable(grid, USER_HEADERS).rows) {
      if (!values.name) continue;
      if (contacts.length === MAX_CONTACTS) {
        warnings.push(`more than ${MAX_CONTACTS} users: the rest were not read`);
        break;
      }
      contacts.push({ name: values.name, ...(values.title ? { title: values.title } : {}), ...(values.email ? { email: values.email } : {}) });
    }
  }
  const observation = clientObservation({ clientId, name, ...(am ? { accountManager: am } : {}), ...(contacts ? { contacts } : {}) }, ctx);
  return reading('company', [observation], missing, warnings);
}

export const haloClient: PageTypeReader = {
  id: `${ADAPTER}/client`,
  adapter: ADAPTER,
  pageType: 'company',
  matchesUrl: (url) => PATHS.client.test(url.pathname) && queryParam(url, 'clientid') !== undefined,
  matchesDocument: (doc) => doc.querySelector(SELECTORS.clientView) !== null,
  required: REQUIRED_CLIENT_FIELDS,
  read,
};
