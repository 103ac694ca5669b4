/**
 * A page reading from a content script: validate each observation, store the reading as pending,
 * ingest it (idempotent; the pending row goes in the same transaction), recompute the touched
 * accounts, remember which account the tab shows, and answer with the pill's state. A drifted page
 * stores nothing but a drift event.
 */
import { validateObservation } from '../../../content-scripts/core/registry';
import type { Observation } from '../../../content-scripts/core/types';
import { PageType } from '../../../engine/signals';
import type { ReadingMessage, Reply } from '../../../messaging/protocol';
import { enqueuePending, getSetting, ingestObservations, recordDrift } from '../../../storage';
import { db, glanceFor, recompute, setTabState, updateBadge, type AccountGlance } from '../services';

/** Page types that show one account: the tab "is" that account. */
const SINGLE_ACCOUNT_PAGES = new Set(['ticket', 'company', 'agreement', 'taught', 'm365-mfa', 'm365-licences', 'm365-secure-score', 'm365-usage']);

export interface ReadingAck {
  accountIds: string[];
  stored: number;
  rejected: string[];
  pill: AccountGlance | null;
  pillDismissed: boolean;
}

/** Where a reading came from: the tab, the tab's URL (its top frame's) and the frame read. */
export interface ReadingOrigin {
  tabId?: number;
  tabUrl?: string;
  frameId?: number;
}

export async function handleReading(msg: ReadingMessage, from: ReadingOrigin): Promise<Reply<ReadingAck>> {
  const { tabId, tabUrl, frameId = 0 } = from;
  let host: string;
  try {
    host = new URL(msg.url).hostname.toLowerCase();
  } catch {
    return { ok: false, error: 'reading has no valid page URL' };
  }
  const pageType = PageType.safeParse(msg.pageType);
  const d = db();
  const pillDismissed = Boolean(await getSetting<boolean>(d, `pillDismissed:${host}`));

  if (msg.missing.length > 0) {
    await recordDrift(d, {
      host,
      adapter: msg.adapter,
      pageType: pageType.success ? pageType.data : 'generic',
      at: new Date().toISOString(),
      missing: msg.missing.slice(0, 200),
      url: msg.url,
    });
    if (tabId !== undefined) {
      await setTabState(tabId, { accountId: null, drift: { adapter: msg.adapter, pageType: msg.pageType, missing: msg.missing }, url: msg.url, tabUrl, frameId });
      await updateBadge(tabId);
    }
    return { ok: true, data: { accountIds: [], stored: 0, rejected: [], pill: null, pillDismissed } };
  }

  const valid: Observation[] = [];
  const rejected: string[] = [];
  msg.observations.forEach((raw, i) => {
    const v = validateObservation(raw as Observation);
    if (v.ok) valid.push(v.value);
    else rejected.push(`#${i}: ${v.error}`);
  });
  if (valid.length === 0) return { ok: true, data: { accountIds: [], stored: 0, rejected, pill: null, pillDismissed } };

  // Pending first: if the worker stops mid-ingest, drainPending finishes the job on the next wake.
  const pendingId = await enqueuePending(d, valid);
  const result = await ingestObservations(d, valid, { pendingId });
  await recompute(result.touchedAccountIds, { exceptTab: tabId }); // this tab's badge: below, with its new state

  const stored = await d.signals.bulkGet(valid.map((o) => o.id));
  const accountIds = [...new Set(stored.flatMap((s) => (s ? [s.accountId] : [])))];
  // An M365 tenant nobody linked yet: the side panel asks the user to link it once.
  const unlinkedTenant = result.unresolved.length ? valid.find((o) => o.company.tenant && !o.company.name)?.company.tenant : undefined;
  let pill: AccountGlance | null = null;
  const single = SINGLE_ACCOUNT_PAGES.has(msg.pageType) && accountIds.length === 1 ? accountIds[0]! : null;
  if (single) pill = await glanceFor(single);
  if (tabId !== undefined) await setTabState(tabId, { accountId: single, drift: null, url: msg.url, tabUrl, frameId, ...(unlinkedTenant ? { unlinkedTenant } : {}) });
  if (tabId !== undefined) await updateBadge(tabId);
  return { ok: true, data: { accountIds, stored: valid.length, rejected, pill, pillDismissed } };
}
