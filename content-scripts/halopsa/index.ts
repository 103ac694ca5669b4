/**
 * HaloPSA adapter. Primary source: the agent app's own API responses (`api.ts`, fed by the
 * main-world observer). Fallback: the DOM readers below, by label and column header.
 */
import type { PageTypeReader } from '../core/types';
import { haloClient } from './client';
import { haloContract } from './contract';
import { haloTicket } from './ticket';
import { haloTicketList } from './ticket-list';

export { ADAPTER as HALOPSA } from './page';
export { readHaloApiResponse, haloApiRoute, HALO_API_ROUTES } from './api';
export const haloReaders: readonly PageTypeReader[] = [haloTicket, haloTicketList, haloClient, haloContract];
