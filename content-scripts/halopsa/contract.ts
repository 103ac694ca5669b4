/**
 * HaloPSA contract page (`/contracts?id=55`), DOM fallback → agreement facts for the client: ref,
 * type, start, end (→ renewal date), MRR from the recurring charge and its billing period. MRR and
 * renewal date only from an active contract.
 */
import type { PageTypeReader, ReadContext } from '../core/types';
import { indexLabels, labelElement, valueByLabel } from '../core/dom';
import { monthlyAmount } from '../core/billing';
import { parseAmount } from '../core/numbers';
import { pageDates } from '../core/page-dates';
import { ADAPTER, PATHS, SELECTORS, contractObservation, haloId, queryParam, reading } from './page';
import { linkedClientId } from './ticket';

export const CONTRACT_LABELS = {
  ref: ['Contract Ref', 'Contract Reference'],
  client: ['Client', 'Customer'],
  type: ['Contract Type'],
  status: ['Status'],
  start: ['Start Date'],
  end: ['End Date'],
  period: ['Billing Period'],
  charge: ['Recurring Charge', 'Period Charge', 'Charge per Period'],
} as const;

export const REQUIRED_CONTRACT_FIELDS = ['contractId', 'contractRef', 'client', 'contractType', 'startDate', 'endDate'] as const;

function read(doc: Document, ctx: ReadContext) {
  const missing: string[] = [];
  const warnings: string[] = [];
  const main = doc.querySelector(SELECTORS.main) ?? doc.body;
  const index = indexLabels(main);
  const get = (labels: readonly string[]) => valueByLabel(index, labels) || undefined;
  const contractId = haloId(queryParam(ctx.url, 'id'));
  const ref = get(CONTRACT_LABELS.ref);
  const client = get(CONTRACT_LABELS.client);
  const type = get(CONTRACT_LABELS.type);
  const startText = get(CONTRACT_LABELS.start);
  const endText = get(CONTRACT_LABELS.end);
  if (!contractId) missing.push('contractId');
  if (!ref) missing.push('contractRef');
  if (!client) missing.push('client');
  if (!type) missing.push('contractType');
  if (!startText) missing.push('startDate');
  if (!endText) missing.push('endDate');
  if (missing.length > 0 || !contractId || !ref) return reading('agreement', [], missing, warnings);

  const dates = pageDates(ctx, [startText, endText]);
  const start = dates.day(startText);
  const end = dates.day(endText);
  if (!start) warnings.push(`start date: could not read "${startText}"`);
  if (!end) warnings.push(`end date: could not read "${endText}"`);
  const chargeText = get(CONTRACT_LABELS.charge);
  const period = get(CONTRACT_LABELS.period);
  const charge = parseAmount(chargeText);
  if (chargeText && charge === undefined) warnings.push(`recurring charge: could not read "${chargeText}"`);
  const mrr = monthlyAmount(charge, period);
  if (charge !== undefined && mrr === undefined) warnings.push(`billing period "${period ?? ''}" unknown: MRR not computed`);
  const status = get(CONTRACT_LABELS.status);
  const active = status === undefined || /^active$/i.test(status);
  if (!active) warnings.push(`contract status "${status}": MRR and renewal date not taken from it`);
  const clientId = linkedClientId(labelElement(index, CONTRACT_LABELS.client), ctx.url);
  const observation = contractObservation(
    {
      contractId,
      ref,
      active,
      clientName: client,
      ...(type ? { type } : {}),
      ...(clientId ? { clientId } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(mrr !== undefined ? { mrr } : {}),
    },
    ctx,
  );
  return reading('agreement', [observation], missing, warnings);
}

export const haloContract: PageTypeReader = {
  id: `${ADAPTER}/contract`,
  adapter: ADAPTER,
  pageType: 'agreement',
  matchesUrl: (url) => PATHS.contract.test(url.pathname) && queryParam(url, 'id') !== undefined,
  matchesDocument: (doc) => doc.querySelector(SELECTORS.contractView) !== null,
  required: REQUIRED_CONTRACT_FIELDS,
  read,
};
