/**
 * Autotask account (company) page (`/Mvc/CRM/AccountDetail.mvc?accountId=<id>`) → `accountFacts`:
 * name, the Autotask account id, the account manager (role `am`) and the contacts with titles.
 */
import type { AccountFactsSignal } from '../../engine/signals';
import type { Observation, PageTypeReader, ReadContext } from '../core/types';
import { findTableByHeaders, readTable, text } from '../core/dom';
import { signalId } from '../core/ids';
import { ADAPTER, PATHS, SELECTORS, field, isDetailPage, queryParam, readFields, readTitleBar, reading, sourceOf } from './page';

export const ACCOUNT_LABELS = {
  accountManager: ['Account Manager', 'Account Owner'],
} as const;

export const CONTACT_HEADERS = {
  name: ['Name', 'Contact', 'Contact Name'],
  title: ['Title', 'Job Title'],
  email: ['Email Address', 'Email', 'E-mail'],
} as const;

export const REQUIRED_ACCOUNT_FIELDS = ['accountId', 'accountName', 'accountManager'] as const;

/** Contacts are capped like the signal schema (500); a longer list is truncated with a warning. */
const MAX_CONTACTS = 500;

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const accountId = queryParam(ctx.url, 'accountId');
  const idText = text(doc.querySelector(`${SELECTORS.heading} ${SELECTORS.identification}`));
  const name = idText || readTitleBar(doc).secondary?.replace(/^-\s*/, '').trim() || undefined;
  const am = field(readFields(doc), ACCOUNT_LABELS.accountManager);
  const grid = findTableByHeaders(doc, CONTACT_HEADERS, ['name', 'title'], SELECTORS.grid);

  if (!accountId || !/^\d+$/.test(accountId)) missing.push('accountId');
  if (!name) missing.push('accountName');
  if (!am.present) missing.push('accountManager');
  if (missing.length > 0 || !accountId || !name) return reading('company', [], missing, warnings);

  // No contacts grid (collapsed section, another tab) → contacts unknown, not "none".
  const contacts: NonNullable<AccountFactsSignal['contacts']> = [];
  for (const row of grid ? readTable(grid, CONTACT_HEADERS).rows : []) {
    const { name: contactName, title, email } = row.values;
    if (!contactName) continue;
    if (contacts.length === MAX_CONTACTS) {
      warnings.push(`more than ${MAX_CONTACTS} contacts: the rest were not read`);
      break;
    }
    contacts.push({ name: contactName, ...(title ? { title } : {}), ...(email ? { email } : {}) });
  }

  const facts: Omit<AccountFactsSignal, 'accountId'> = {
    id: signalId('accountFacts', ctx.url.host, accountId),
    kind: 'accountFacts',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, 'company'),
    name,
    psaRef: { host: sourceOf(ctx, 'company').host, companyId: accountId },
  };
  if (grid) facts.contacts = contacts;
  if (am.value) facts.roles = { am: am.value };
  const observation: Observation = { ...facts, company: { psaId: accountId, name } };
  return reading('company', [observation], missing, warnings);
}

export const autotaskAccount: PageTypeReader = {
  id: `${ADAPTER}/account`,
  adapter: ADAPTER,
  pageType: 'company',
  matchesUrl: (url) => PATHS.account.test(url.pathname),
  matchesDocument: (doc) => isDetailPage(doc, 'Account'),
  required: REQUIRED_ACCOUNT_FIELDS,
  read,
};
