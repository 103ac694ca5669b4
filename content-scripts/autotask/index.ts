/**
 * Autotask (Datto PSA) adapter: the page types it knows. The content script runs in Autotask's
 * `/Mvc/…` iframe (`allFrames`), so each reader gets that frame's own document; the outer shell
 * page (`[data-slot="header"]` + iframe) is claimed by none of them.
 */
import type { PageTypeReader } from '../core/types';
import { autotaskAccount } from './account';
import { autotaskContract } from './contract';
import { autotaskTicket } from './ticket';
import { autotaskTicketList } from './ticket-list';

export { ADAPTER as AUTOTASK } from './page';
export const autotaskReaders: readonly PageTypeReader[] = [autotaskTicket, autotaskTicketList, autotaskAccount, autotaskContract];
