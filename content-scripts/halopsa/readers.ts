/** HaloPSA's DOM page readers (zod-free, for the content script). The API readers are in `api.ts`. */
import type { PageTypeReader } from '../core/types';
import { haloClient } from './client';
import { haloContract } from './contract';
import { haloTicket } from './ticket';
import { haloTicketList } from './ticket-list';

export const haloReaders: readonly PageTypeReader[] = [haloTicket, haloTicketList, haloClient, haloContract];
