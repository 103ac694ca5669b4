/** The ConnectWise PSA adapter: one reader per page type, tried in this order. */
import type { PageTypeReader } from '../core/types';
import { agreementReader } from './agreement';
import { boardReader } from './board';
import { companyReader } from './company';
import { slaReader } from './sla';
import { ticketReader } from './ticket';

export const connectwiseReaders: readonly PageTypeReader[] = [ticketReader, boardReader, companyReader, agreementReader, slaReader];

export { agreementReader, boardReader, companyReader, slaReader, ticketReader };
