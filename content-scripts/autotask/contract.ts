/**
 * Autotask contract page (`/Mvc/Contracts/ContractDetail.mvc?contractId=<id>`) → `accountFacts` for
 * the contract's account: the agreement (name, type, start, end), MRR from the recurring amount and
 * its billing period, and the renewal date (= end date).
 *
 * MRR and renewal date are set only for an active contract: an expired or inactive contract must not
 * overwrite the account's current MRR or renewal countdown. Its agreement facts are still reported.
 */
import type { AccountFactsSignal } from '../../engine/signals';
import type { Observation, PageTypeReader, ReadContext } from '../core/types';
import { text } from '../core/dom';
import { signalId } from '../core/ids';
import { monthlyAmount } from '../core/billing';
import { parseAmount } from '../core/numbers';
import { ADAPTER, PATHS, SELECTORS, field, isDetailPage, pageDates, queryParam, readFields, reading, sourceOf } from './page';

export const CONTRACT_LABELS = {
  name: ['Contract Name'],
  account: ['Account'],
  type: ['Contract Type'],
  status: ['Status'],
  start: ['Start Date'],
  end: ['End Date'],
  period: ['Billing Period', 'Contract Period Type', 'Period Type'],
  recurringAmount: ['Recurring Amount', 'Recurring Revenue', 'Monthly Recurring Revenue'],
} as const;

export const REQUIRED_CONTRACT_FIELDS = ['contractId', 'contractName', 'account', 'contractType', 'startDate', 'endDate'] as const;

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const fields = readFields(doc);
  const get = (labels: readonly string[]) => field(fields, labels).value;
  const contractId = queryParam(ctx.url, 'contractId');
  const name = get(CONTRACT_LABELS.name) || text(doc.querySelector(`${SELECTORS.heading} ${SELECTORS.identification}`)) || undefined;
  const account = get(CONTRACT_LABELS.account);
  const type = get(CONTRACT_LABELS.type);
  const startText = get(CONTRACT_LABELS.start);
  const endText = get(CONTRACT_LABELS.end);

  if (!contractId) missing.push('contractId');
  if (!name) missing.push('contractName');
  if (!account) missing.push('account');
  if (!type) missing.push('contractType');
  if (!startText) missing.push('startDate');
  if (!endText) missing.push('endDate');
  if (missing.length > 0) return reading('agreement', [], missing, warnings);

  const dates = pageDates(ctx, [startText, endText]);
  const start = dates.day(startText);
  const end = dates.day(endText);
  if (!start) warnings.push(`start date: could not read "${startText}"`);
  if (!end) warnings.push(`end date: could not read "${endText}"`);

  const status = get(CONTRACT_LABELS.status);
  const active = status === undefined || /^active$/i.test(status);
  const amountText = get(CONTRACT_LABELS.recurringAmount);
  const period = get(CONTRACT_LABELS.period);
  const amount = parseAmount(amountText);
  if (amountText && amount === undefined) warnings.push(`recurring amount: could not read "${amountText}"`);
  const mrr = monthlyAmount(amount, period);
  if (amount !== undefined && mrr === undefined) warnings.push(`billing period "${period ?? ''}" unknown: MRR not computed`);

  const agreement: NonNullable<AccountFactsSignal['agreement']> = { name, type };
  if (mrr !== undefined) agreement.mrr = mrr;
  if (start) agreement.start = start;
  if (end) agreement.end = end;

  const facts: Omit<AccountFactsSignal, 'accountId'> = {
    id: signalId('accountFacts', ctx.url.host, `contract-${contractId}`),
    kind: 'accountFacts',
    observedAt: ctx.now.toISOString(),
    source: sourceOf(ctx, 'agreement'),
    agreement,
  };
  if (active) {
    if (mrr !== undefined) facts.mrr = mrr;
    if (end) facts.renewalDate = end;
  } else warnings.push(`contract status "${status}": MRR and renewal date not taken from it`);
  const observation: Observation = { ...facts, company: { name: account! } };
  return reading('agreement', [observation], missing, warnings);
}

export const autotaskContract: PageTypeReader = {
  id: `${ADAPTER}/contract`,
  adapter: ADAPTER,
  pageType: 'agreement',
  matchesUrl: (url) => PATHS.contract.test(url.pathname),
  matchesDocument: (doc) => isDetailPage(doc, 'Contract'),
  required: REQUIRED_CONTRACT_FIELDS,
  read,
};
